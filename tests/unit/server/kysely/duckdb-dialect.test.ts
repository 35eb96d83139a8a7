import { DuckDBInstance } from '@duckdb/node-api';
import { CamelCasePlugin, Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBDialect } from '../../../../src/lib/server/kysely/duckdb-dialect.ts';

interface TestDb {
	person: { id: Generated<number>; fullName: string; bornOn: string | null; visits: number };
}

let db: Kysely<TestDb>;

beforeEach(async () => {
	const instance = await DuckDBInstance.create(':memory:');
	db = new Kysely<TestDb>({
		dialect: new DuckDBDialect(instance),
		plugins: [new CamelCasePlugin()]
	});
	await sql`create sequence person_id start 1`.execute(db);
	await db.schema
		.createTable('person')
		.addColumn('id', 'integer', (c) => c.primaryKey().defaultTo(sql`nextval('person_id')`))
		.addColumn('full_name', 'varchar', (c) => c.notNull())
		.addColumn('born_on', 'date')
		.addColumn('visits', 'integer', (c) => c.notNull())
		.execute();
});

afterEach(async () => {
	await db.destroy();
});

describe('DuckDBDialect', () => {
	it('compiles $n parameters and reads rows back with camelCase keys', async () => {
		await db
			.insertInto('person')
			.values({ fullName: 'An', bornOn: '1990-02-03', visits: 2 })
			.execute();
		const query = db.selectFrom('person').select(['fullName', 'bornOn']).where('visits', '>', 1);
		expect(query.compile().sql).toBe(
			'select "full_name", "born_on" from "person" where "visits" > $1'
		);
		expect(await query.execute()).toEqual([{ fullName: 'An', bornOn: '1990-02-03' }]);
	});

	it('returns counts and sums as numbers, not strings or bigints', async () => {
		await db
			.insertInto('person')
			.values([
				{ fullName: 'A', bornOn: null, visits: 3 },
				{ fullName: 'B', bornOn: null, visits: 4 }
			])
			.execute();
		const row = await db
			.selectFrom('person')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('visits').as('total')])
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ n: 2, total: 7 });
	});

	it('supports RETURNING and reports affected rows', async () => {
		const inserted = await db
			.insertInto('person')
			.values({ fullName: 'C', bornOn: null, visits: 0 })
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(inserted.id).toBe(1);
		const result = await db.updateTable('person').set({ visits: 5 }).executeTakeFirstOrThrow();
		expect(result.numUpdatedRows).toBe(1n);
		const deleted = await db.deleteFrom('person').where('id', '=', 99).executeTakeFirstOrThrow();
		expect(deleted.numDeletedRows).toBe(0n);
	});

	it('rolls a failed transaction back', async () => {
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.insertInto('person').values({ fullName: 'D', bornOn: null, visits: 1 }).execute();
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		const { n } = await db
			.selectFrom('person')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(n).toBe(0);
	});

	it('streams large results in chunks', async () => {
		await sql`insert into person (full_name, visits) select 'p' || i, i from range(5000) t(i)`.execute(
			db
		);
		let rows = 0;
		for await (const row of db.selectFrom('person').select('visits').stream())
			rows += row.visits >= 0 ? 1 : 0;
		expect(rows).toBe(5000);
	});

	it('lists tables through information_schema', async () => {
		const tables = await db.introspection.getTables();
		expect(tables.map((t) => t.name)).toEqual(['person']);
		expect(tables[0]!.columns.map((c) => c.name)).toEqual(['id', 'full_name', 'born_on', 'visits']);
	});
});
