/**
 * Which files are up to date: migrate() skips the migrator on a current file, on the strength of
 * schemaIsCurrent(); both must still tell a new, an older and a newer file apart.
 */
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaIsCurrent, type Db } from '../../../src/lib/server/db.ts';
import { migrationProvider } from '../../../src/lib/server/migrations/index.ts';

async function withFile(work: (db: Db) => Promise<void>): Promise<void> {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-schema-'));
	const db = await openDatabase(path.join(dir, 'cdht.duckdb'), { readOnly: false });
	try {
		await work(db);
	} finally {
		await db.close();
	}
}

const all = Object.keys(await migrationProvider.getMigrations());

describe('schemaIsCurrent and migrate', () => {
	it('migrate a new file fully, then leave it alone', () =>
		withFile(async (db) => {
			expect(await schemaIsCurrent(db)).toBe(false);
			expect(await migrate(db)).toBe(all.length);
			expect(await schemaIsCurrent(db)).toBe(true);
			expect(await migrate(db)).toBe(0);
		}));

	it('bring a file of an older version up to date', () =>
		withFile(async (db) => {
			const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
			await migrator.migrateTo(all[0]!);
			expect(await schemaIsCurrent(db)).toBe(false);
			expect(await migrate(db)).toBe(all.length - 1);
			expect(await schemaIsCurrent(db)).toBe(true);
		}));

	it('refuse a file a newer version has migrated further', () =>
		withFile(async (db) => {
			await migrate(db);
			await sql`insert into kysely_migration values ('999-from-the-future', now())`.execute(
				db.kysely
			);
			expect(await schemaIsCurrent(db)).toBe(false);
			await expect(migrate(db)).rejects.toThrow(/999-from-the-future/);
		}));
});
