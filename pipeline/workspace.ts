/**
 * Every change goes through a working copy: the live database is copied, the copy is changed,
 * and only a complete, checkpointed copy is renamed over the live file. A refused file, a crash
 * or `kill -9` at any point leaves the live file exactly as it was, and the dashboard, which
 * reads the live file, keeps serving throughout (it reopens when the file is replaced).
 *
 * One change at a time: a lock file beside the database holds the writer's process id; a lock
 * left by a dead process is taken over.
 */
import {
	closeSync,
	constants,
	copyFileSync,
	mkdirSync,
	existsSync,
	fsyncSync,
	openSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	writeSync
} from 'node:fs';
import path from 'node:path';
import { migrate, openDatabase, type Db } from '../src/lib/server/db.ts';
import { rebuildAggregates } from './aggregate.ts';
import { ImportError } from './errors.ts';
import { isAlive, removeLeftovers } from './temp-files.ts';

export interface WorkOptions {
	/** Report what would happen and change nothing. */
	dryRun?: boolean;
	memoryLimit?: string;
}

/**
 * Runs `work` on a copy of the database and puts the copy in place of the live file, unless this
 * is a dry run or `changed` says the work changed nothing (then the live file is not touched).
 */
export async function withWorkingCopy<T>(
	dbPath: string,
	work: (db: Db) => Promise<T>,
	options: WorkOptions & { changed?: (result: T) => boolean } = {}
): Promise<T> {
	const live = path.resolve(dbPath);
	mkdirSync(path.dirname(live), { recursive: true });
	const release = acquireLock(live);
	const copy = `${live}.work-${process.pid}`;
	try {
		removeStaleCopies(live);
		removeLeftovers(path.dirname(live));
		// A copy-on-write clone where the filesystem can (btrfs, XFS): instant whatever the size.
		if (existsSync(live)) copyFileSync(live, copy, constants.COPYFILE_FICLONE);
		// DuckDB would take most of the machine's memory; bounded, it spills to disk instead, and
		// an import of a million rows stays under 1 GB. CDHT_MEMORY_LIMIT (DuckDB's form, "2GB")
		// overrides it for a small or a large machine.
		const db = await openDatabase(copy, {
			readOnly: false,
			memoryLimit: process.env.CDHT_MEMORY_LIMIT || options.memoryLimit || '512MB'
		});
		let result: T;
		let upgraded = false;
		try {
			upgraded = await upgrade(db);
			result = await work(db);
			const connection = await db.connect();
			await connection.run('CHECKPOINT');
			connection.closeSync();
		} finally {
			await db.close();
		}
		if (!options.dryRun && (upgraded || (options.changed?.(result) ?? true))) {
			fsyncFile(copy);
			renameSync(copy, live);
			fsyncFile(path.dirname(live));
		}
		return result;
	} finally {
		rmSync(copy, { force: true });
		rmSync(`${copy}.wal`, { force: true });
		rmSync(`${copy}.tmp`, { force: true, recursive: true });
		release();
	}
}

/**
 * A file written by an older version gets the new schema, and the aggregates are rebuilt so new
 * aggregate tables are filled: the upgraded copy is kept even when the work changes nothing.
 */
async function upgrade(db: Db): Promise<boolean> {
	if ((await migrate(db)) === 0) return false;
	const connection = await db.connect();
	try {
		await rebuildAggregates(connection);
	} finally {
		connection.closeSync();
	}
	return true;
}

function fsyncFile(file: string): void {
	const fd = openSync(file, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Copies left by a killed run: their process is gone, so nobody will finish them. */
function removeStaleCopies(live: string): void {
	const dir = path.dirname(live);
	const prefix = `${path.basename(live)}.work-`;
	for (const name of readdirSync(dir)) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number.parseInt(name.slice(prefix.length), 10);
		// DuckDB's spill directory (`.tmp`) is a folder.
		if (pid !== process.pid && !isAlive(pid))
			rmSync(path.join(dir, name), { force: true, recursive: true });
	}
}

function acquireLock(live: string): () => void {
	const lock = `${live}.lock`;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lock, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => rmSync(lock, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
			if (isAlive(holder)) throw new ImportError('locked', {}, { pid: holder });
			rmSync(lock, { force: true });
		}
	}
	throw new ImportError('locked', {}, { pid: '?' });
}
