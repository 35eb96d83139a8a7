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
/** The rows kept: those that count and those held back by a name. */
const KEPT = `(problem IS NULL OR problem IN (${NAME_REASONS_SQL}))`;

/**
 * The texts of the kept rows' names join name_text (each once, whatever the file), and
 * `name_map` gives each of the file's numbers (dictionaries.ts) its lasting id.
 */
async function keepNames(connection: DuckDBConnection): Promise<void> {
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE kept_name AS
		SELECT DISTINCT f.field, f.local, f.text FROM file_name f JOIN (
			SELECT 'district' AS field, district_name AS local FROM checked WHERE ${KEPT}
			UNION SELECT 'commune', commune_name FROM checked WHERE ${KEPT}
			UNION SELECT 'workplace', workplace_name FROM checked WHERE ${KEPT}
			UNION SELECT 'group', group_name FROM checked WHERE ${KEPT}
		) k ON k.field = f.field AND k.local = f.local`);
	await connection.run(`
		INSERT INTO name_text (field, raw)
		SELECT field, text FROM kept_name k
		WHERE NOT EXISTS (SELECT 1 FROM name_text n WHERE n.field = k.field AND n.raw = k.text)`);
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE name_map AS
		SELECT k.field, k.local, n.id FROM kept_name k
		JOIN name_text n ON n.field = k.field AND n.raw = k.text`);
}

export async function load(db: Db, connection: DuckDBConnection, meta: LoadMeta): Promise<Loaded> {
	const importId = await nextImportId(db.kysely);
	await keepNames(connection);
	// Row order in the table means nothing (rows carry their number): DuckDB may write in parallel.
	await connection.run('SET preserve_insertion_order = false');
	try {
		// The rows that count, and those held back by their district's name or as a person's
		// second row: kept with the reason, so that a re-match can let them in.
		await connection.run(
			`INSERT INTO import_row
			SELECT ${importId}, c.row, person_key, territory_code, organisation_code, grp,
				birth_year, registered_on, status, recognised_on, digital_skills,
				nd.id, nc.id, nw.id, ng.id,
				CASE WHEN d.row IS NOT NULL THEN 'duplicate' ELSE problem END,
				-- next_as_of: set by the aggregate step.
				NULL
			-- The duplicates and the names are few: hash joins against them cost next to nothing.
			FROM checked c LEFT JOIN duplicate d ON d.row = c.row
			LEFT JOIN name_map nd ON nd.field = 'district' AND nd.local = c.district_name
			LEFT JOIN name_map nc ON nc.field = 'commune' AND nc.local = c.commune_name
			LEFT JOIN name_map nw ON nw.field = 'workplace' AND nw.local = c.workplace_name
			LEFT JOIN name_map ng ON ng.field = 'group' AND ng.local = c.group_name
			WHERE ${KEPT}`
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
