/**
 * The small writable store beside the analytics file: users, sessions, failed logins and the
 * audit log, in SQLite (Node's built-in `node:sqlite`). DuckDB allows one writing process per
 * file and the pipeline replaces the analytics file wholesale; this file is written in place by
 * the server and the CLI at once (WAL, with a busy timeout), and the pipeline's swap never
 * touches it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import type { AccountsDatabase } from './schema.ts';
import { sqliteDatabase } from './sqlite-adapter.ts';

export interface AccountsStore {
	readonly path: string;
	readonly kysely: Kysely<AccountsDatabase>;
	close(): Promise<void>;
}

/** How long a writer waits for another process's write to end before giving up. */
const BUSY_TIMEOUT_MS = 5_000;

/** The store of the analytics file `database`: accounts.sqlite beside it, or $CDHT_ACCOUNTS. */
export function accountsPath(database: string): string {
	return path.resolve(
		process.env.CDHT_ACCOUNTS ?? path.join(path.dirname(path.resolve(database)), 'accounts.sqlite')
	);
}

export async function openAccounts(file: string): Promise<AccountsStore> {
	mkdirSync(path.dirname(file), { recursive: true });
	const raw = new DatabaseSync(file, {
		timeout: BUSY_TIMEOUT_MS,
		enableForeignKeyConstraints: true
	});
	raw.exec('PRAGMA journal_mode = WAL');
	const kysely = new Kysely<AccountsDatabase>({
		dialect: new SqliteDialect({ database: sqliteDatabase(raw) }),
		plugins: [new CamelCasePlugin()]
	});
	try {
		await migrate(kysely);
	} catch (error) {
		await kysely.destroy();
		throw error;
	}
	return { path: file, kysely, close: () => kysely.destroy() };
}

type Step = (db: Kysely<AccountsDatabase>) => Promise<void>;

/** Every schema change in order, numbered by SQLite's user_version. Append; never edit one. */
const MIGRATIONS: Step[] = [
	async (db) => {
		await db.schema
			.createTable('user')
			.addColumn('name', 'text', (c) => c.primaryKey())
			.addColumn('role', 'text', (c) =>
				c.notNull().check(sql`role in ('viewer', 'officer', 'association', 'admin')`)
			)
			.addColumn('unit_code', 'text')
			.addColumn('password_hash', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.addCheckConstraint('officer_has_unit', sql`(role = 'officer') = (unit_code is not null)`)
			.execute();
		await db.schema
			.createTable('session')
			.addColumn('token_hash', 'text', (c) => c.primaryKey())
			.addColumn('user_name', 'text', (c) =>
				c.notNull().references('user.name').onDelete('cascade').onUpdate('cascade')
			)
			.addColumn('created_at', 'integer', (c) => c.notNull())
			.addColumn('last_seen_at', 'integer', (c) => c.notNull())
			.addColumn('expires_at', 'integer', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('login_failure')
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('failures', 'integer', (c) => c.notNull())
			.addColumn('last_failure_at', 'integer', (c) => c.notNull())
			.addColumn('locked_until', 'integer')
			.execute();
		await db.schema
			.createTable('audit')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('at', 'text', (c) => c.notNull())
			.addColumn('actor', 'text', (c) => c.notNull())
			.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('web', 'cli')`))
			.addColumn('action', 'text', (c) => c.notNull())
			.addColumn('target', 'text')
			.addColumn('detail', 'text')
			.addColumn('address', 'text')
			.execute();
		await db.schema.createIndex('audit_at').on('audit').column('at').execute();
		// Append-only, whatever the code or a hand at the sqlite3 prompt tries.
		for (const change of ['update', 'delete'])
			await sql
				.raw(
					`create trigger audit_no_${change} before ${change} on audit begin select raise(abort, 'the audit log is append-only'); end`
				)
				.execute(db);
	}
];

/**
 * Brings the file up to date inside one immediate transaction, so that the server and the CLI
 * opening a new file at the same moment do not both create it: the second waits, then finds it
 * current.
 */
async function migrate(db: Kysely<AccountsDatabase>): Promise<void> {
	// The one column's name depends on the case plugin: take its value.
	const version = async () =>
		Number(Object.values((await sql`pragma user_version`.execute(db)).rows[0] as object)[0]);
	if ((await version()) >= MIGRATIONS.length) return;
	await sql`begin immediate`.execute(db);
	try {
		for (let v = await version(); v < MIGRATIONS.length; v++) {
			await MIGRATIONS[v]!(db);
			await sql.raw(`pragma user_version = ${v + 1}`).execute(db);
		}
		await sql`commit`.execute(db);
	} catch (error) {
		await sql`rollback`.execute(db);
		throw error;
	}
}
