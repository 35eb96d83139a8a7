import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('unit')
		.addColumn('code', 'varchar', (c) => c.primaryKey())
		.addColumn('name', 'varchar', (c) => c.notNull())
		.addColumn('kind', 'varchar', (c) =>
			c.notNull().check(sql`kind in ('province', 'district', 'commune', 'agency', 'armed_force')`)
		)
		.addColumn('parent_code', 'varchar')
		.addColumn('eligible', 'integer', (c) => c.check(sql`eligible >= 0`))
		.addColumn('confidential', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('unit_alias')
		.addColumn('unit_code', 'varchar', (c) => c.notNull())
		.addColumn('alias', 'varchar', (c) => c.notNull())
		.execute();

	await sql`create sequence import_id_seq start 1`.execute(db);
	await db.schema
		.createTable('import')
		.addColumn('id', 'integer', (c) => c.primaryKey().defaultTo(sql`nextval('import_id_seq')`))
		.addColumn('file', 'varchar', (c) => c.notNull())
		.addColumn('sheet', 'varchar')
		.addColumn('content_hash', 'varchar', (c) => c.notNull().unique())
		.addColumn('as_of', 'date', (c) => c.notNull())
		.addColumn('rows_read', 'integer', (c) => c.notNull())
		.addColumn('rows_accepted', 'integer', (c) => c.notNull())
		.addColumn('rows_rejected', 'integer', (c) => c.notNull())
		.addColumn('rows_duplicate', 'integer', (c) => c.notNull())
		.addColumn('status', 'varchar', (c) => c.notNull())
		.addColumn('started_at', 'timestamp', (c) => c.notNull())
		.addColumn('finished_at', 'timestamp', (c) => c.notNull())
		.addColumn('read_ms', 'integer', (c) => c.notNull())
		.addColumn('total_ms', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('reject')
		.addColumn('import_id', 'integer', (c) => c.notNull())
		.addColumn('row', 'integer', (c) => c.notNull())
		.addColumn('column', 'varchar')
		.addColumn('reason', 'varchar', (c) => c.notNull())
		.addColumn('value', 'varchar')
		.execute();
	await db.schema
		.createTable('registration')
		.addColumn('import_id', 'integer', (c) => c.notNull())
		.addColumn('row', 'integer', (c) => c.notNull())
		.addColumn('person_key', 'uuid', (c) => c.notNull())
		.addColumn('territory_code', 'varchar', (c) => c.notNull())
		.addColumn('organisation_code', 'varchar')
		.addColumn('group', 'varchar', (c) => c.notNull())
		.addColumn('birth_year', 'smallint')
		.addColumn('registered_on', 'date', (c) => c.notNull())
		.addColumn('status', 'varchar', (c) =>
			c.notNull().check(sql`status in ('registered', 'recognised', 'not_recognised')`)
		)
		.addColumn('recognised_on', 'date')
		.addColumn('digital_skills', 'boolean')
		.execute();
	await db.schema
		.createTable('activity')
		.addColumn('unit_code', 'varchar', (c) => c.notNull())
		.addColumn('type', 'varchar', (c) =>
			c.notNull().check(sql`type in ('training', 'budget', 'report')`)
		)
		.addColumn('date', 'date', (c) => c.notNull())
		.addColumn('people', 'integer')
		.addColumn('amount', 'bigint')
		.execute();
	await db.schema
		.createTable('progress_daily')
		.addColumn('as_of', 'date', (c) => c.notNull())
		.addColumn('unit_code', 'varchar', (c) => c.notNull())
		.addColumn('group', 'varchar', (c) => c.notNull())
		.addColumn('day', 'date', (c) => c.notNull())
		.addColumn('registered', 'integer', (c) => c.notNull())
		.addColumn('recognised', 'integer', (c) => c.notNull())
		.addColumn('digital', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('unit_import')
		.addColumn('unit_code', 'varchar', (c) => c.notNull())
		.addColumn('import_id', 'integer', (c) => c.notNull())
		.addColumn('rows', 'integer', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'unit_import',
		'progress_daily',
		'activity',
		'registration',
		'reject',
		'import',
		'unit_alias',
		'unit'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await sql`drop sequence import_id_seq`.execute(db);
}
