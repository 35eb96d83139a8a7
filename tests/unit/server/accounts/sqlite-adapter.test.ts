import { DatabaseSync } from 'node:sqlite';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteDatabase } from '../../../../src/lib/server/accounts/sqlite-adapter.ts';

interface Db {
	item: { id: number; label: string };
}

describe('sqliteDatabase', () => {
	let kysely: Kysely<Db>;
	afterEach(() => kysely.destroy());

	it('runs Kysely over node:sqlite: writes, reads, RETURNING and streams', async () => {
		kysely = new Kysely<Db>({
			dialect: new SqliteDialect({ database: sqliteDatabase(new DatabaseSync(':memory:')) })
		});
		await kysely.schema
			.createTable('item')
			.addColumn('id', 'integer', (c) => c.primaryKey())
			.addColumn('label', 'text')
			.execute();
		const inserted = await kysely
			.insertInto('item')
			.values([
				{ id: 1, label: 'một' },
				{ id: 2, label: 'hai' }
			])
			.executeTakeFirst();
		expect(Number(inserted.numInsertedOrUpdatedRows)).toBe(2);
		const returned = await kysely
			.updateTable('item')
			.set({ label: 'ba' })
			.where('id', '=', 2)
			.returning(['id', 'label'])
			.execute();
		expect(returned).toEqual([{ id: 2, label: 'ba' }]);
		const streamed = [];
		for await (const row of kysely.selectFrom('item').selectAll().orderBy('id').stream())
			streamed.push(row);
		expect(streamed).toEqual([
			{ id: 1, label: 'một' },
			{ id: 2, label: 'ba' }
		]);
	});

	it('tells statements with rows from those without', () => {
		const db = sqliteDatabase(new DatabaseSync(':memory:'));
		kysely = new Kysely<Db>({ dialect: new SqliteDialect({ database: db }) });
		expect(db.prepare('create table t (x)').reader).toBe(false);
		db.prepare('create table t (x)').run([]);
		expect(db.prepare('insert into t values (?)').reader).toBe(false);
		expect(db.prepare('insert into t values (?) returning x').reader).toBe(true);
		expect(db.prepare('select x from t').reader).toBe(true);
		expect(db.prepare('insert into t values (?)').run([7]).changes).toBe(1);
		expect(db.prepare('select x from t where x = ?').all([7])).toEqual([{ x: 7 }]);
	});
});
