/**
 * Temporary files beside the database (row files, transcoded copies): one pattern,
 * `.cdht-tmp-<pid>-<random>.<kind>`, of a fixed length whatever the input's name (a 250-byte
 * file name would otherwise overflow the file system's limit), and the process id in it so the
 * next run knows which ones a killed run left.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const PREFIX = '.cdht-tmp-';
// Names of versions before the pattern: `<pid>-<input name>.rows` / `.utf8.csv`.
const LEGACY = /^(\d+)-.*\.(rows|utf8\.csv)$/;

/** A new temporary file's path in `dir` (the file is not created). */
export function tempFile(dir: string, kind: string): string {
	return path.join(dir, `${PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.${kind}`);
}

/** Removes the temporary files in `dir` whose process is gone (never those of a live one). */
export function removeLeftovers(dir: string): void {
	if (!existsSync(dir)) return;
	for (const name of readdirSync(dir)) {
		const pid = ownerOf(name);
		if (pid !== null && pid !== process.pid && !isAlive(pid))
			rmSync(path.join(dir, name), { force: true, recursive: true });
	}
}

function ownerOf(name: string): number | null {
	const text = name.startsWith(PREFIX) ? name.slice(PREFIX.length) : LEGACY.exec(name)?.[1];
	if (text === undefined) return null;
	const pid = Number.parseInt(text, 10);
	return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Whether a process runs (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
