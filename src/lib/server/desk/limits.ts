/**
 * What the import desk accepts: export files (the pipeline's extensions) up to a size limit for
 * one upload, `CDHT_UPLOAD_LIMIT_MB` megabytes (default 50). The web server has its own limit on
 * a request's body (adapter-node's BODY_SIZE_LIMIT, 512 KB unless set): it must be at least as
 * large, see the README.
 */
import path from 'node:path';
import { formatNumber, type Lang } from '../../format.ts';

export const DEFAULT_UPLOAD_MB = 50;
/**
 * Files in one upload: a month's exports are a handful; each file is a folder, a write and an
 * argument of the command, so thousands of tiny ones would only stall the server.
 */
export const MAX_UPLOAD_FILES = 20;
export const UPLOAD_EXTENSIONS = ['.xlsx', '.csv', '.txt', '.tsv'] as const;
const MB = 1024 * 1024;

/** The limit in bytes; a malformed setting is a mistake to say, not to ignore. */
export function uploadLimit(env: Record<string, string | undefined> = process.env): number {
	const raw = env.CDHT_UPLOAD_LIMIT_MB;
	if (raw === undefined || raw.trim() === '') return DEFAULT_UPLOAD_MB * MB;
	const mb = Number(raw);
	if (!Number.isFinite(mb) || mb <= 0)
		throw new Error(`CDHT_UPLOAD_LIMIT_MB must be a number of megabytes, not "${raw}"`);
	return Math.round(mb * MB);
}

export type UploadProblem =
	| { kind: 'no_file' }
	| { kind: 'not_export'; file: string }
	| { kind: 'too_many'; count: number; max: number }
	| { kind: 'too_large'; size: number; limit: number };

/** Why an upload is refused before it is read, or null. */
export function uploadProblem(
	files: { name: string; size: number }[],
	limit: number
): UploadProblem | null {
	const chosen = files.filter((f) => f.name !== '' || f.size > 0);
	if (chosen.length === 0) return { kind: 'no_file' };
	if (chosen.length > MAX_UPLOAD_FILES)
		return { kind: 'too_many', count: chosen.length, max: MAX_UPLOAD_FILES };
	const other = chosen.find(
		(f) => !(UPLOAD_EXTENSIONS as readonly string[]).includes(path.extname(f.name).toLowerCase())
	);
	if (other) return { kind: 'not_export', file: other.name };
	const size = chosen.reduce((s, f) => s + f.size, 0);
	return size > limit ? { kind: 'too_large', size, limit } : null;
}

/** "51 MB": whole megabytes, rounded up so a file just over the limit does not read as equal. */
export function megabytes(bytes: number, lang: Lang): string {
	return `${formatNumber(Math.ceil(bytes / MB), lang)} MB`;
}
