/**
 * The import desk: an upload is saved privately, read in a dry run through the CLI (the same
 * code as the terminal, in a child process), shown, and then imported or discarded. The server
 * keeps each upload's state in memory, for its owner only; its files are deleted when the import
 * ends, fails or is cancelled, when the preview is left open longer than PREVIEW_TTL_MS (a
 * sweep), and on the next start if the server stops first.
 */
import { randomBytes } from 'node:crypto';
import type { User } from '../../access.ts';
import type { IsoDate } from '../../dates.ts';
import type { Lang } from '../../format.ts';
import { runPipeline, type PipelineResult } from '../pipeline-run.ts';
import { progressOf, type Progress } from './progress.ts';
import { shapePreview, type IngestDocument, type PreviewData } from './shape.ts';
import { discardUpload, newUploadDir, saveUpload, sweepUploads } from './uploads.ts';

export const PREVIEW_TTL_MS = 30 * 60_000;

export type DeskState = 'ready' | 'refused' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Upload {
	id: string;
	owner: string;
	createdAt: number;
	dir: string;
	/** The files as saved (their names as uploaded, cleaned). */
	paths: string[];
	names: string[];
	asOf: IsoDate | undefined;
	lang: Lang;
	state: DeskState;
	/** The dry run's findings (null when the pipeline refused the upload: see `error`). */
	preview: PreviewData | null;
	/** The pipeline's one-line messages when it refused the upload or the import failed. */
	error: string[];
	progress: Progress;
	/** After the import: what it loaded. */
	imported: { file: string; importId: number; status: string }[];
}

export interface UploadedFile {
	name: string;
	data: Uint8Array;
}

const uploads = new Map<string, Upload>();

/** The pipeline's messages (not its stage lines) from what it wrote on stderr. */
function messages(result: PipelineResult): string[] {
	const start: Progress = { fraction: 0, stage: null, file: '' };
	return result.stderr
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '' && progressOf(line, [], start) === null)
		.map((line) => line.replace(/^✗ /, ''));
}

function ingestArgs(upload: Upload, dryRun: boolean): string[] {
	return [
		'ingest',
		...upload.paths,
		'--json',
		'--lang',
		upload.lang,
		...(upload.asOf ? ['--as-of', upload.asOf] : []),
		...(dryRun ? ['--dry-run'] : [])
	];
}

function finish(upload: Upload, state: DeskState): void {
	upload.state = state;
	discardUpload(upload.dir);
}

/**
 * Saves the files and reads them in a dry run. A unit officer's upload with rows of other units
 * is refused as a whole. Whatever happens, files that will not be imported are deleted here.
 */
export async function createUpload(
	root: string,
	user: User,
	files: UploadedFile[],
	options: { asOf?: IsoDate; lang: Lang }
): Promise<Upload> {
	const dir = newUploadDir(root);
	const upload: Upload = {
		id: randomBytes(16).toString('hex'),
		owner: user.name,
		createdAt: Date.now(),
		dir,
		paths: [],
		names: [],
		asOf: options.asOf,
		lang: options.lang,
		state: 'refused',
		preview: null,
		error: [],
		progress: { fraction: 0, stage: null, file: '' },
		imported: []
	};
	try {
		for (const [i, f] of files.entries())
			upload.paths.push(await saveUpload(dir, i, f.name, f.data));
		upload.names = upload.paths.map((p) => p.split(/[/\\]/).pop()!);
		const result = await runPipeline(ingestArgs(upload, true), { actor: user.name });
		if (result.code !== 0) {
			upload.error = messages(result);
		} else {
			upload.preview = shapePreview(JSON.parse(result.stdout) as IngestDocument, user);
			upload.state = upload.preview.refusedForScope ? 'refused' : 'ready';
		}
	} finally {
		if (upload.state !== 'ready') discardUpload(dir);
	}
	uploads.set(upload.id, upload);
	return upload;
}

/** The user's own upload, or undefined (another user's is none of theirs). */
export function getUpload(user: User, id: string): Upload | undefined {
	const upload = uploads.get(id);
	return upload && upload.owner === user.name ? upload : undefined;
}

/**
 * Starts the import of a previewed upload; resolves when it ends (the page polls meanwhile).
 * False when there is nothing to confirm.
 */
export function confirmUpload(user: User, id: string): Promise<void> | false {
	const upload = getUpload(user, id);
	if (!upload || upload.state !== 'ready') return false;
	upload.state = 'running';
	return runPipeline(ingestArgs(upload, false), {
		actor: user.name,
		onLine: (line) => {
			upload.progress = progressOf(line, upload.names, upload.progress) ?? upload.progress;
		}
	})
		.then((result) => {
			if (result.code !== 0) {
				upload.error = messages(result);
				return finish(upload, 'failed');
			}
			const doc = JSON.parse(result.stdout) as IngestDocument;
			upload.imported = doc.files.map((f) => ({
				file: f.file,
				importId: f.importId,
				status: f.status
			}));
			upload.progress = { ...upload.progress, fraction: 1 };
			finish(upload, 'done');
		})
		.catch((error: unknown) => {
			upload.error = [String((error as Error).message ?? error)];
			finish(upload, 'failed');
		});
}

export function cancelUpload(user: User, id: string): boolean {
	const upload = getUpload(user, id);
	if (!upload || upload.state !== 'ready') return false;
	finish(upload, 'cancelled');
	return true;
}

/**
 * Previews left open longer than the TTL are cancelled, finished uploads forgotten after it, and
 * folders nobody holds (a stopped server's) deleted.
 */
export function sweepDesk(root: string, now = Date.now()): void {
	for (const upload of uploads.values()) {
		if (now - upload.createdAt <= PREVIEW_TTL_MS) continue;
		if (upload.state === 'ready') finish(upload, 'cancelled');
		if (upload.state !== 'running') uploads.delete(upload.id);
	}
	sweepUploads(root, heldDirs(), PREVIEW_TTL_MS, now);
}

/** The folders of uploads still waiting for a decision or being imported. */
function heldDirs(): Set<string> {
	const held = [...uploads.values()].filter((u) => u.state === 'ready' || u.state === 'running');
	return new Set(held.map((u) => u.dir));
}

let sweeper: NodeJS.Timeout | null = null;

/**
 * Once per process: deletes what an earlier run of the server left (its uploads can never be
 * confirmed now), then sweeps every minute.
 */
export function startDesk(root: string): void {
	if (sweeper) return;
	sweepUploads(root, heldDirs(), 0);
	sweeper = setInterval(() => sweepDesk(root), 60_000);
	sweeper.unref();
}

/** Rejected rows and unmatched names a page shows of each file (the CSV has every row). */
const SHOWN_REJECTS = 100;
const SHOWN_NAMES = 40;

/** What the page gets of an upload: no paths, and the long lists cut. */
export function uploadForPage(upload: Upload) {
	const { id, state, names, asOf, error, progress, imported, preview } = upload;
	return {
		id,
		state,
		names,
		asOf: asOf ?? null,
		error,
		progress,
		imported,
		preview: preview && {
			...preview,
			files: preview.files.map((f) =>
				f.status === 'loaded'
					? {
							...f,
							rejects: f.rejects.slice(0, SHOWN_REJECTS),
							rejectsTotal: f.rejects.length,
							names: f.names.slice(0, SHOWN_NAMES),
							namesTotal: f.names.length
						}
					: f
			)
		}
	};
}

export type UploadForPage = ReturnType<typeof uploadForPage>;
