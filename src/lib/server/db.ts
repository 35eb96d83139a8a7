/**
 * The one place that opens DuckDB files.
 *
 * The dashboard opens the live file read-only; the pipeline never writes to it: it writes a
 * working copy and renames it over the live file (see pipeline/workspace.ts). `liveDatabase()`
 * notices the swap (a new inode at the same path) and reopens, so the server keeps serving.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CamelCasePlugin, Kysely } from 'kysely';
import { DEFAULT_MIGRATION_TABLE, Migrator } from 'kysely/migration';
import { statSync } from 'node:fs';
import { DuckDBDialect } from './kysely/duckdb-dialect.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export interface Db {
	readonly path: string;
	readonly kysely: Kysely<Database>;
	/** A raw connection for what Kysely cannot express (read_csv, the appender). */
	connect(): Promise<DuckDBConnection>;
	close(): Promise<void>;
}

export interface OpenOptions {
	readOnly: boolean;
	/** DuckDB's memory_limit, e.g. "1GB". */
	memoryLimit?: string;
}

export async function openDatabase(path: string, options: OpenOptions): Promise<Db> {
	const config: Record<string, string> = {
		access_mode: options.readOnly ? 'READ_ONLY' : 'READ_WRITE'
	};
	if (options.memoryLimit) config.memory_limit = options.memoryLimit;
	const instance = await DuckDBInstance.create(path, config);
	const kysely = new Kysely<Database>({
		dialect: new DuckDBDialect(instance),
		plugins: [new CamelCasePlugin()]
	});
	let closed = false;
	return {
		path,
		kysely,
		connect: () => instance.connect(),
		async close() {
			if (closed) return;
			closed = true;
			await kysely.destroy();
			instance.closeSync();
		}
	};
}

/**
 * Brings the schema up to date; the pipeline calls it on every working copy. Returns how many
 * migrations ran (0 when the file was current).
 */
export async function migrate(db: Db): Promise<number> {
	if (await schemaIsCurrent(db)) return 0;
	const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		const detail = error instanceof Error ? error.message : String(error ?? '');
		throw new Error(
			`database ${db.path}: migration ${failed?.migrationName ?? ''} failed: ${detail}`
		);
	}
	return results?.filter((r) => r.status === 'Success').length ?? 0;
}

/**
 * Whether a file (opened read-only by the dashboard) has exactly the migrations of this version:
 * a file written by an older version lacks tables until the pipeline next runs on it. Read from
 * Kysely's migration table directly: the migrator introspects the whole schema first (about 60
 * ms a file); anything else (a new file, a newer version's) is left to the migrator.
 */
export async function schemaIsCurrent(db: Db): Promise<boolean> {
	const wanted = Object.keys(await migrationProvider.getMigrations());
	let done: { name: string }[];
	try {
		done = await db.kysely
			.withTables<{ [DEFAULT_MIGRATION_TABLE]: { name: string } }>()
			.selectFrom(DEFAULT_MIGRATION_TABLE)
			.select('name')
			.execute();
	} catch {
		return false; // no migration table yet
	}
	const names = new Set(done.map((m) => m.name));
	return names.size === wanted.length && wanted.every((name) => names.has(name));
}

interface Live {
	db: Db;
	ino: number;
	mtimeMs: number;
	checkedAt: number;
}

const lives = new Map<string, Live>();
/** How often a request may stat the file to look for a swap. */
const CHECK_INTERVAL_MS = 500;
/** Queries already running on a replaced file get this long before it is closed. */
const RETIRE_AFTER_MS = 30_000;

/**
 * The live database at `path`, read-only, reopened after the pipeline swaps in a new file.
 * Returns null when no database exists yet (nothing imported).
 */
export async function liveDatabase(path: string): Promise<Db | null> {
	const now = Date.now();
	const current = lives.get(path);
	if (current && now - current.checkedAt < CHECK_INTERVAL_MS) return current.db;
	let stat;
	try {
		stat = statSync(path);
	} catch {
		return current?.db ?? null;
	}
	if (current && current.ino === stat.ino && current.mtimeMs === stat.mtimeMs) {
		current.checkedAt = now;
		return current.db;
	}
	const db = await openDatabase(path, { readOnly: true });
	lives.set(path, { db, ino: stat.ino, mtimeMs: stat.mtimeMs, checkedAt: now });
	if (current) setTimeout(() => void current.db.close(), RETIRE_AFTER_MS).unref();
	return db;
}

/** Closes every live database (tests, shutdown). */
export async function closeLiveDatabases(): Promise<void> {
	const all = [...lives.values()];
	lives.clear();
	await Promise.all(all.map((l) => l.db.close()));
}
