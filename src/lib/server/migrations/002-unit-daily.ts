import type { Kysely } from 'kysely';

/**
 * progress_daily without the group dimension: what every page reads (counts per unit and day),
 * five times fewer rows to scan than with groups. Filled by the pipeline with the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('progress_unit_daily')
		.addColumn('as_of', 'date', (c) => c.notNull())
		.addColumn('unit_code', 'varchar', (c) => c.notNull())
		.addColumn('day', 'date', (c) => c.notNull())
		.addColumn('registered', 'integer', (c) => c.notNull())
		.addColumn('recognised', 'integer', (c) => c.notNull())
		.addColumn('digital', 'integer', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('progress_unit_daily').execute();
}
