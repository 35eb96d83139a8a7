import { sql, type Kysely } from 'kysely';

/**
 * `import_row.next_as_of`: the as-of date of the person's next counting row (null: none yet),
 * kept by the pipeline's aggregate step. With it, the rows in force on or after a date are a
 * filter, not a window over the whole history (pipeline/aggregate.ts). The pipeline fills it when
 * it rebuilds the aggregates after this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`alter table import_row add column next_as_of date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`alter table import_row drop column next_as_of`.execute(db);
}
