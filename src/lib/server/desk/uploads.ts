/**
 * Uploaded exports hold personal data: they live only in a private directory beside the
 * database (mode 0700, on the same disk as the data it protects), one folder per upload named
 * `<pid>-<random>` — fixed length whatever the file's name, and the process id in it so a later
 * start knows whose it was — and they are deleted when the import ends, is cancelled, fails or
 * is abandoned (sweepUploads). Inside, each file keeps its own name, cleaned, in a numbered
 * folder: the pipeline records an import by its file's name and reads an as-of date from it.
 * The desk and the admin pages (unit list, activity sheet, presets) both save uploads here.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../../../../pipeline/temp-files.ts';

/** File names longer than this (in bytes) are shortened, keeping the extension. */
const MAX_NAME_BYTES = 120;
const FOLDER = /^(\d+)-[0-9a-f]{16}$/;

export function uploadRoot(database: string): string {
	return path.join(path.dirname(path.resolve(database)), '.cdht-uploads');
}

/** A new private folder for one upload. */
export function newUploadDir(root: string): string {
	mkdirSync(root, { recursive: true, mode: 0o700 });
	const dir = path.join(root, `${process.pid}-${randomBytes(8).toString('hex')}`);
	mkdirSync(dir, { mode: 0o700 });
	return dir;
}

/**
 * The browser's file name as a safe base name: no folders, no control characters, not hidden,
 * at most MAX_NAME_BYTES bytes (cut on a character boundary, the extension kept).
 */
export function cleanFileName(name: string): string {
	const base = name
		.split(/[/\\]/)
		.pop()!
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f]/g, '')
		.trim();
	const ext = path.extname(base).slice(0, 8);
	let stem = base.slice(0, base.length - path.extname(base).length).replace(/^\.+/, '');
	if (stem === '') stem = 'tep';
	while (Buffer.byteLength(stem + ext) > MAX_NAME_BYTES) stem = [...stem].slice(0, -1).join('');
	return stem + ext;
}

/** Writes the `index`-th file of an upload (mode 0600); returns its path. */
export async function saveUpload(
	dir: string,
	index: number,
	name: string,
	data: Uint8Array
): Promise<string> {
	const folder = path.join(dir, String(index));
	mkdirSync(folder, { mode: 0o700 });
	const file = path.join(folder, cleanFileName(name));
	await writeFile(file, data, { mode: 0o600, flag: 'wx' });
	return file;
}

export function discardUpload(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/** A file saved for one command: where the command reads it, and its (cleaned) name. */
export interface SavedUpload {
	file: string;
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

/**
 * Runs `use` with one uploaded file saved in a new private folder under `root`; removes the
 * folder afterwards, also when `use` throws. `extensions` are lower case with the dot (".csv").
 */
export async function withUpload<T>(
	root: string,
	file: unknown,
	extensions: readonly string[],
	maxBytes: number,
	use: (upload: SavedUpload) => Promise<T>
): Promise<T> {
	if (!(file instanceof File) || file.size === 0) throw new UploadRefused('missing');
	if (file.size > maxBytes) throw new UploadRefused('too_large');
	if (!extensions.includes(path.extname(cleanFileName(file.name)).toLowerCase()))
		throw new UploadRefused('extension');
	const dir = newUploadDir(root);
	try {
		const saved = await saveUpload(dir, 0, file.name, new Uint8Array(await file.arrayBuffer()));
		return await use({ file: saved, name: path.basename(saved) });
	} finally {
		discardUpload(dir);
	}
}

/**
 * Removes the uploads nobody will finish: those of a process that is gone (a server that was
 * stopped or crashed) and this process's own that `inUse` does not claim and are older than
 * `maxAgeMs` (a preview left open). Anything else in the folder is not ours and stays.
 */
export function sweepUploads(
	root: string,
	inUse: Set<string>,
	maxAgeMs: number,
	now = Date.now()
): string[] {
	let names: string[];
	try {
		names = readdirSync(root);
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		const owner = FOLDER.exec(name)?.[1];
		if (owner === undefined) continue;
		const dir = path.join(root, name);
		if (inUse.has(dir)) continue;
		const pid = Number(owner);
		const stale = pid === process.pid ? now - statSync(dir).mtimeMs > maxAgeMs : !isAlive(pid);
		if (!stale) continue;
		discardUpload(dir);
		removed.push(dir);
	}
	return removed;
}
