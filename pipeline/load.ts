/**
 * Load: write one validated export into the database (its kept rows, its rejects and the import
 * record). Bulk inserts run on the pipeline's connection, where the staged temp tables are.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IsoDate } from '../src/lib/dates.ts';
import type { Db } from '../src/lib/server/db.ts';
import { getImport, nextImportId, recordImport } from '../src/lib/server/imports.ts';
import { writeKeptRejects } from './names/rejects.ts';
import { NAME_REASONS } from './validate.ts';

export interface LoadMeta {
	file: string;
	sheet: string | null;
	contentHash: string;
	asOf: IsoDate;
	startedAt: Date;
	readMs: number;
	/** Header labels of the ID and district columns, as the file spells them. */
	idColumn: string | null;
	districtColumn: string | null;
}

export interface Loaded {
	importId: number;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	rowsDuplicate: number;
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
	const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${sql}`);
	return (reader.getRowObjectsJson()[0] as { n: number }).n;
}

const NAME_REASONS_SQL = NAME_REASONS.map((r) => `'${r}'`).join(', ');

export async function load(db: Db, connection: DuckDBConnection, meta: LoadMeta): Promise<Loaded> {
	const importId = await nextImportId(db.kysely);
	// Row order in the table means nothing (rows carry their number): DuckDB may write in parallel.
	await connection.run('SET preserve_insertion_order = false');
	try {
		// The rows that count, and those held back by their district's name or as a person's
		// second row: kept with the reason, so that a re-match can let them in.
		await connection.run(
			`INSERT INTO import_row
			SELECT ${importId}, c.row, person_key, territory_code, organisation_code, grp,
				birth_year, registered_on, status, recognised_on, digital_skills,
				district_name, commune_name, workplace_name, group_name,
				CASE WHEN d.row IS NOT NULL THEN 'duplicate' ELSE problem END
			-- The duplicates are few: a hash join against them costs next to nothing.
			FROM checked c LEFT JOIN duplicate d ON d.row = c.row
			WHERE problem IS NULL OR problem IN (${NAME_REASONS_SQL})`
		);
	} finally {
		await connection.run('RESET preserve_insertion_order');
	}
	await connection.run(
		`INSERT INTO reject SELECT ${importId}, row, "column", reason, value FROM rejected`
	);
	const rowsRead = await count(connection, 'checked');
	const finishedAt = new Date();
	await recordImport(db.kysely, {
		id: importId,
		file: meta.file,
		sheet: meta.sheet,
		contentHash: meta.contentHash,
		asOf: meta.asOf,
		rowsRead,
		// Counted from the rows by writeKeptRejects, below.
		rowsAccepted: 0,
		rowsRejected: 0,
		rowsDuplicate: 0,
		status: 'loaded',
		startedAt: meta.startedAt.toISOString(),
		finishedAt: finishedAt.toISOString(),
		readMs: Math.round(meta.readMs),
		totalMs: finishedAt.getTime() - meta.startedAt.getTime(),
		idColumn: meta.idColumn,
		districtColumn: meta.districtColumn
	});
	await writeKeptRejects(connection, [importId]);
	const recorded = (await getImport(db.kysely, importId))!;
	return {
		importId,
		rowsRead,
		rowsAccepted: recorded.rowsAccepted,
		rowsRejected: recorded.rowsRejected,
		rowsDuplicate: recorded.rowsDuplicate
	};
}
