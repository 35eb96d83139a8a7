/**
 * An uploaded file on its way to a pipeline command: written into a fresh private directory
 * (0700, under the system's temporary directory) as a random name of fixed length, so nothing
 * the user typed reaches the file system, and deleted with its directory when the command ends,
 * whatever happens. Only the extension is kept: the commands read CSV and XLSX by it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Upload {
	/** Where the command reads it. */
	file: string;
	/** The name the user's file had, for messages. */
	name: string;
}

/** An upload larger than the server takes, or of a type the command does not read. */
export class UploadRefused extends Error {
	readonly reason: 'missing' | 'too_large' | 'extension';
	constructor(reason: UploadRefused['reason']) {
		super(reason);
		this.name = 'UploadRefused';
		this.reason = reason;
	}
}

/** 32 hex characters: 128 random bits, the same length for every upload. */
const randomName = () => randomBytes(16).toString('hex');

/**
 * Runs `use` with the upload saved privately; removes it afterwards, also when `use` throws.
 * `extensions` are lower case with the dot (".csv").
 */
export async function withUpload<T>(
	file: unknown,
	extensions: readonly string[],
	maxBytes: number,
	use: (upload: Upload) => Promise<T>
): Promise<T> {
	if (!(file instanceof File) || file.size === 0) throw new UploadRefused('missing');
	if (file.size > maxBytes) throw new UploadRefused('too_large');
	const extension = path.extname(file.name).toLowerCase();
	if (!extensions.includes(extension)) throw new UploadRefused('extension');
	const dir = await mkdtemp(path.join(tmpdir(), 'cdht-upload-'), {});
	try {
		const saved = path.join(dir, randomName() + extension);
		await writeFile(saved, new Uint8Array(await file.arrayBuffer()), { mode: 0o600, flag: 'wx' });
		return await use({ file: saved, name: path.basename(file.name) });
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
