import { sql, type Kysely } from 'kysely';

/**
 * Names as written, kept with every import so a fix re-matches what is loaded:
 * - `name_text`: each distinct text of a district, commune, workplace or group column;
 * - `import_row` (the table `registration` was) points at them and also keeps the rows held back
 *   by a name (unknown or ambiguous district) or as a person's second row in a file, with the
 *   reason (`reject_reason`, null for the rows that count), so a re-match can let them in;
 *   `registration` becomes the view of the rows that count, as before;
 * - `name_decision`: a reviewer's answers; `open_name`: the names still unanswered, with
 *   suggestions, as the last match left them; `person_group`: the groups' labels;
 * - `setting`: what the stored matches were made with (a fingerprint).
 * Files from before keep their matches: their rows get the names of the units they matched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`create sequence name_text_id_seq start 1`.execute(db);
	await db.schema
		.createTable('name_text')
		.addColumn('id', 'integer', (c) => c.primaryKey().defaultTo(sql`nextval('name_text_id_seq')`))
		.addColumn('field', 'varchar', (c) =>
			c.notNull().check(sql`field in ('district', 'commune', 'workplace', 'group')`)
		)
		.addColumn('raw', 'varchar', (c) => c.notNull())
		.addUniqueConstraint('name_text_field_raw', ['field', 'raw'])
		.execute();

	await sql`alter table registration alter column territory_code drop not null`.execute(db);
	for (const column of ['district_name', 'commune_name', 'workplace_name', 'group_name'])
		await db.schema.alterTable('registration').addColumn(column, 'integer').execute();
	await db.schema.alterTable('registration').addColumn('reject_reason', 'varchar').execute();
	for (const column of ['id_column', 'district_column'])
		await db.schema.alterTable('import').addColumn(column, 'varchar').execute();

	await db.schema
		.createTable('name_decision')
		.addColumn('field', 'varchar', (c) => c.notNull())
		.addColumn('scope', 'varchar', (c) => c.notNull())
		.addColumn('raw', 'varchar', (c) => c.notNull())
		.addColumn('code', 'varchar')
		.addColumn('decided_at', 'timestamp', (c) => c.notNull())
		.addColumn('decided_by', 'varchar', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('open_name')
		.addColumn('field', 'varchar', (c) => c.notNull())
		.addColumn('scope', 'varchar', (c) => c.notNull())
		.addColumn('raw', 'varchar', (c) => c.notNull())
		.addColumn('rows', 'integer', (c) => c.notNull())
		.addColumn('imports', 'integer', (c) => c.notNull())
		.addColumn('problem', 'varchar', (c) => c.notNull())
		.addColumn('candidates', 'varchar', (c) => c.notNull())
		.addColumn('suggestions', 'varchar', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('person_group')
		.addColumn('code', 'varchar', (c) => c.primaryKey())
		.addColumn('name_vi', 'varchar', (c) => c.notNull())
		.addColumn('name_en', 'varchar', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('setting')
		.addColumn('key', 'varchar', (c) => c.primaryKey())
		.addColumn('value', 'varchar', (c) => c.notNull())
		.execute();

	await backfill(db);
	await sql`alter table registration rename to import_row`.execute(db);
	await sql`
		create view registration as
		select import_id, row, person_key, territory_code, organisation_code, "group", birth_year,
			registered_on, status, recognised_on, digital_skills
		from import_row where reject_reason is null`.execute(db);
}

/** Rows loaded before names were kept carry the names of the units they matched. */
async function backfill(db: Kysely<unknown>): Promise<void> {
	await sql`
		insert into name_text (field, raw)
		select distinct 'district', d.name from registration r
			join unit t on t.code = r.territory_code
			join unit d on d.code = case when t.kind = 'commune' then t.parent_code else t.code end
		union select distinct 'commune', t.name from registration r
			join unit t on t.code = r.territory_code where t.kind = 'commune'
		union select distinct 'workplace', o.name from registration r
			join unit o on o.code = r.organisation_code
		union select distinct 'group', r."group" from registration r`.execute(db);
	await sql`
		update registration set
			district_name = (select n.id from unit t
				join unit d on d.code = case when t.kind = 'commune' then t.parent_code else t.code end
				join name_text n on n.field = 'district' and n.raw = d.name
				where t.code = registration.territory_code),
			commune_name = (select n.id from unit t join name_text n on n.field = 'commune' and n.raw = t.name
				where t.code = registration.territory_code and t.kind = 'commune'),
			workplace_name = (select n.id from unit o join name_text n on n.field = 'workplace' and n.raw = o.name
				where o.code = registration.organisation_code),
			group_name = (select n.id from name_text n where n.field = 'group' and n.raw = registration."group")`.execute(
		db
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop view registration`.execute(db);
	await sql`delete from import_row where reject_reason is not null`.execute(db);
	await sql`alter table import_row rename to registration`.execute(db);
	for (const table of ['setting', 'person_group', 'open_name', 'name_decision', 'name_text'])
		await db.schema.dropTable(table).execute();
	for (const column of [
		'district_name',
		'commune_name',
		'workplace_name',
		'group_name',
		'reject_reason'
	])
		await db.schema.alterTable('registration').dropColumn(column).execute();
	for (const column of ['id_column', 'district_column'])
		await db.schema.alterTable('import').dropColumn(column).execute();
	await sql`drop sequence name_text_id_seq`.execute(db);
}
