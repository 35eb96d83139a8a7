/**
 * Imports and their rejected rows: the history the `imports` and `rejects` commands and the
 * dashboard's data pages show.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, ImportRow, ImportTable, RejectRow } from './schema.ts';

export async function nextImportId(db: Kysely<Database>): Promise<number> {
	// Taken before the rows are loaded, so registrations and rejects can carry it.
	const { rows } = await sql<{
		id: number;
	}>`select nextval('import_id_seq')::INTEGER as id`.execute(db);
	return rows[0]!.id;
}

export async function recordImport(
	db: Kysely<Database>,
	row: Insertable<ImportTable> & { id: number }
): Promise<void> {
	await db.insertInto('import').values(row).execute();
}

export async function importByHash(
	db: Kysely<Database>,
	contentHash: string
): Promise<ImportRow | undefined> {
	return db
		.selectFrom('import')
		.selectAll()
		.where('contentHash', '=', contentHash)
		.executeTakeFirst();
}

/** Imports with the given as-of date, oldest first. */
export async function importsAsOf(db: Kysely<Database>, asOf: string): Promise<ImportRow[]> {
	return db.selectFrom('import').selectAll().where('asOf', '=', asOf).orderBy('id').execute();
}

export async function listImports(db: Kysely<Database>): Promise<ImportRow[]> {
	return db.selectFrom('import').selectAll().orderBy('id').execute();
}

export async function getImport(db: Kysely<Database>, id: number): Promise<ImportRow | undefined> {
	return db.selectFrom('import').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rejectsOf(db: Kysely<Database>, importId: number): Promise<RejectRow[]> {
	return db
		.selectFrom('reject')
		.selectAll()
		.where('importId', '=', importId)
		.orderBy('row')
		.execute();
}

/** Rejected rows of an import counted by reason, most frequent first. */
export async function rejectCounts(
	db: Kysely<Database>,
	importId: number
): Promise<{ reason: string; rows: number }[]> {
	return db
		.selectFrom('reject')
		.select((eb) => ['reason', eb.fn.countAll<number>().as('rows')])
		.where('importId', '=', importId)
		.groupBy('reason')
		.orderBy('rows', 'desc')
		.execute();
}

/**
 * `rejectCounts` of every import in one query (the imports page lists them all), by import id;
 * reasons with as many rows follow the reason's order.
 */
export async function rejectCountsByImport(
	db: Kysely<Database>
): Promise<Map<number, { reason: string; rows: number }[]>> {
	const rows = await db
		.selectFrom('reject')
		.select((eb) => ['importId', 'reason', eb.fn.countAll<number>().as('rows')])
		.groupBy(['importId', 'reason'])
		.orderBy('importId')
		.orderBy('rows', 'desc')
		.orderBy('reason')
		.execute();
	const byImport = new Map<number, { reason: string; rows: number }[]>();
	for (const { importId, reason, rows: n } of rows) {
		const list = byImport.get(importId) ?? [];
		if (list.length === 0) byImport.set(importId, list);
		list.push({ reason, rows: n });
	}
	return byImport;
}

/** The as-of dates (snapshots) for which data exists, oldest first. */
export async function snapshotDates(db: Kysely<Database>): Promise<string[]> {
	const rows = await db.selectFrom('import').select('asOf').distinct().orderBy('asOf').execute();
	return rows.map((r) => r.asOf);
}
