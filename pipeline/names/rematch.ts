/**
 * Re-matching: every stored import's names looked up again — after a new alias, a changed unit
 * list or vocabulary, a reviewer's decision — without their files. Each distinct name is matched
 * once, the kept rows are updated where their match changed (rows held back by a district's name
 * come in, rows whose name no longer matches go out), a person's second row in a file is
 * re-judged, and the rejects, counts, aggregates and open names are written anew.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IsoDate } from '../../src/lib/dates.ts';
import type { Db } from '../../src/lib/server/db.ts';
import { getSetting, listOpenNames, putSetting } from '../../src/lib/server/names.ts';
import { rebuildAggregates } from '../aggregate.ts';
import { FINGERPRINT_SETTING, type Matching } from './context.ts';
import { latestAsOf, unitMoves, unitTotals, type UnitMove } from './moves.ts';
import { refreshOpenNames } from './open-names.ts';
import { writeKeptRejects } from './rejects.ts';
import { writeTempTable } from '../temp-table.ts';
import { UNKNOWN_GROUP } from './vocabulary.ts';

async function read<T>(connection: DuckDBConnection, sql: string): Promise<T[]> {
	return (await connection.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];
}

/** Matches every stored name again and updates the rows whose match changed. */
async function rematchRows(connection: DuckDBConnection, { matcher }: Matching): Promise<void> {
	const names = (field: string, column: string) =>
		read<{ id: number; raw: string }>(
			connection,
			`SELECT n.id, n.raw FROM name_text n
			WHERE n.field = '${field}' AND n.id IN (SELECT DISTINCT ${column} FROM import_row)`
		);
	const districts = new Map<number, string | null>();
	await writeTempTable(
		connection,
		'rematch_district',
		{ id: 'INTEGER', code: 'VARCHAR', reason: 'VARCHAR' },
		(await names('district', 'district_name')).map(({ id, raw }) => {
			const m = matcher.district(raw);
			districts.set(id, 'code' in m ? m.code : null);
			if ('code' in m) return [id, m.code, null];
			return [id, null, m.problem === 'ambiguous' ? 'ambiguous_district' : 'unknown_district'];
		})
	);
	const pairs = await read<{ district: number; commune: number; raw: string }>(
		connection,
		`SELECT p.district, p.commune, n.raw FROM (
			SELECT DISTINCT district_name AS district, commune_name AS commune FROM import_row
			WHERE district_name IS NOT NULL AND commune_name IS NOT NULL
		) p JOIN name_text n ON n.id = p.commune`
	);
	await writeTempTable(
		connection,
		'rematch_commune',
		{ district: 'INTEGER', commune: 'INTEGER', code: 'VARCHAR' },
		pairs.map(({ district, commune, raw }) => {
			const parent = districts.get(district);
			const m = parent ? matcher.commune(parent, raw) : null;
			return [district, commune, m && 'code' in m ? m.code : null];
		})
	);
	await writeTempTable(
		connection,
		'rematch_workplace',
		{ id: 'INTEGER', code: 'VARCHAR' },
		(await names('workplace', 'workplace_name')).map(({ id, raw }) => {
			const m = matcher.organisation(raw);
			return [id, 'code' in m && m.code !== '' ? m.code : null];
		})
	);
	await writeTempTable(
		connection,
		'rematch_group',
		{ id: 'INTEGER', code: 'VARCHAR' },
		(await names('group', 'group_name')).map(({ id, raw }) => {
			const m = matcher.group(raw);
			return [id, 'code' in m ? m.code : UNKNOWN_GROUP];
		})
	);

	// Rows without a stored name (none are written so; kept for files of old versions) keep
	// what they had.
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE rematched AS
		WITH matched AS (
			SELECT r.import_id, r.row, r.person_key,
				CASE WHEN r.district_name IS NULL THEN r.territory_code
					ELSE coalesce(c.code, d.code) END AS territory_code,
				CASE WHEN r.workplace_name IS NULL THEN r.organisation_code ELSE w.code END AS organisation_code,
				CASE WHEN r.group_name IS NULL THEN r."group" ELSE g.code END AS grp,
				CASE WHEN r.district_name IS NULL THEN nullif(r.reject_reason, 'duplicate')
					ELSE d.reason END AS name_reason
			FROM import_row r
			LEFT JOIN rematch_district d ON d.id = r.district_name
			LEFT JOIN rematch_commune c ON c.district = r.district_name AND c.commune = r.commune_name
			LEFT JOIN rematch_workplace w ON w.id = r.workplace_name
			LEFT JOIN rematch_group g ON g.id = r.group_name
		)
		SELECT import_id, row, territory_code, organisation_code, grp,
			CASE WHEN name_reason IS NOT NULL THEN name_reason
				-- A person's second row in a file, among the rows that count.
				WHEN row_number() OVER (PARTITION BY import_id, person_key, name_reason IS NULL ORDER BY row) > 1
				THEN 'duplicate' END AS reject_reason
		FROM matched`);
	await connection.run(`
		UPDATE import_row SET territory_code = m.territory_code,
			organisation_code = m.organisation_code, "group" = m.grp, reject_reason = m.reject_reason
		FROM rematched m
		WHERE import_row.import_id = m.import_id AND import_row.row = m.row
			AND (import_row.territory_code IS DISTINCT FROM m.territory_code
				OR import_row.organisation_code IS DISTINCT FROM m.organisation_code
				OR import_row."group" IS DISTINCT FROM m.grp
				OR import_row.reject_reason IS DISTINCT FROM m.reject_reason)`);
}

/**
 * Texts no kept row carries: of rows rejected for their values (whose cells may hold anything,
 * a shifted name included) or of a removed import. Nothing needs them.
 */
async function forgetUnusedNames(connection: DuckDBConnection): Promise<void> {
	await connection.run(`
		DELETE FROM name_text WHERE id NOT IN (
			SELECT district_name FROM import_row WHERE district_name IS NOT NULL
			UNION SELECT commune_name FROM import_row WHERE commune_name IS NOT NULL
			UNION SELECT workplace_name FROM import_row WHERE workplace_name IS NOT NULL
			UNION SELECT group_name FROM import_row WHERE group_name IS NOT NULL)`);
}

export interface Settled {
	/** The stored imports were matched again (something a match depends on changed). */
	rematched: boolean;
	/** Units whose figures at the latest snapshot changed. */
	moves: UnitMove[];
	/** The names still open across every import, and the rows they carry. */
	open: { names: number; rows: number };
	/** The latest snapshot after the change (the figures `moves` compares). */
	latest: string | null;
}

/**
 * Brings what follows from the rows up to date after a change: stored matches when anything they
 * depend on changed since they were made (or `force`), then the rejects and counts, the daily
 * aggregates and the open names. `rowsChanged`: rows were added or removed, so the aggregates are
 * stale even if no match is; `from`: the earliest as-of date of those rows (aggregate.ts).
 */
export async function settle(
	db: Db,
	connection: DuckDBConnection,
	matching: Matching,
	options: { rowsChanged: boolean; force?: boolean; from?: IsoDate }
): Promise<Settled> {
	const rematched =
		options.force === true ||
		(await getSetting(db.kysely, FINGERPRINT_SETTING)) !== matching.fingerprint;
	if (!rematched && !options.rowsChanged)
		return {
			rematched,
			moves: [],
			open: openCount(await listOpenNames(db.kysely)),
			latest: await latestAsOf(connection)
		};
	const before = await unitTotals(connection);
	const latestBefore = await latestAsOf(connection);
	if (rematched) {
		await rematchRows(connection, matching);
		await writeKeptRejects(connection, 'all');
	}
	// A re-match moves rows of every date; new or removed rows change only from their date on.
	await rebuildAggregates(connection, rematched ? {} : { from: options.from });
	await forgetUnusedNames(connection);
	const open = await refreshOpenNames(db, connection, matching, !rematched);
	await putSetting(db.kysely, FINGERPRINT_SETTING, matching.fingerprint);
	return {
		rematched,
		moves: unitMoves(before, await unitTotals(connection), matching.units),
		open: openCount(open),
		// After the last import is removed, the figures compared are those it had.
		latest: (await latestAsOf(connection)) ?? latestBefore
	};
}

function openCount(open: { rows: number }[]): Settled['open'] {
	return { names: open.length, rows: open.reduce((s, n) => s + n.rows, 0) };
}
