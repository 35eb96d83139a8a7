/**
 * Daily per-unit aggregates, rebuilt after every load so the dashboard never scans registrations.
 *
 * Snapshots: each import is the state of its people at its as-of date. The state known on day D
 * comes from the latest snapshot on or before D (before the first snapshot: the first one). For
 * every snapshot date S, `progress_daily` holds new registrations and recognitions per unit,
 * group and day as known at S; the count on day D is the sum over day ≤ D for the S in force.
 *
 * A person counts for their commune (or district, when the commune is unknown), every unit above
 * it, and their organisation and its parents; the province counts them once, by where they live.
 *
 * Incremental: a change whose earliest as-of date is A (an import dated A, the removal of one)
 * cannot change what was known before A, so only the snapshot dates from A on are recomputed, from
 * the rows in force then, found by each row's stored `next_as_of` (refreshNextAsOf) without a
 * window over the history. A monthly import dated after every other one recomputes one snapshot
 * date, not the history.
 * A re-match moves rows of every date: it rebuilds everything (no `from`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IsoDate } from '../src/lib/dates.ts';

export interface AggregateScope {
	/** The earliest as-of date the change touched; absent: everything is rebuilt. */
	from?: IsoDate;
}

export async function rebuildAggregates(
	connection: DuckDBConnection,
	scope: AggregateScope = {}
): Promise<void> {
	if (scope.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(scope.from))
		throw new Error(`not a date: ${scope.from}`);
	const from = scope.from === undefined ? null : `DATE '${scope.from}'`;
	const since = (column: string) => (from ? ` WHERE ${column} >= ${from}` : '');
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE closure AS
		WITH RECURSIVE up(code, ancestor, origin_kind) AS (
			SELECT code, code, kind FROM unit
			UNION ALL
			SELECT up.code, u.parent_code, up.origin_kind
			FROM up JOIN unit u ON u.code = up.ancestor
			WHERE u.parent_code IS NOT NULL
		)
		SELECT up.code, up.ancestor
		FROM up JOIN unit a ON a.code = up.ancestor
		-- Workplaces roll up to their parent agencies, not to the province: it counts residents.
		WHERE NOT (up.origin_kind IN ('agency', 'armed_force') AND a.kind = 'province')`);

	// Units and groups as small integers: grouping a million events by text keys costs several
	// times more. Unit ids follow the codes' order, so rows sorted by id are sorted by code.
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE unit_id AS
		SELECT code, (row_number() OVER (ORDER BY code))::INTEGER AS id FROM unit;
		CREATE OR REPLACE TEMP TABLE closure_id AS
		SELECT a.id AS unit, b.id AS ancestor
		FROM closure c JOIN unit_id a ON a.code = c.code JOIN unit_id b ON b.code = c.ancestor;
		CREATE OR REPLACE TEMP TABLE group_id AS
		SELECT "group" AS name, (row_number() OVER (ORDER BY "group"))::INTEGER AS id
		FROM (SELECT DISTINCT "group" FROM registration)`);
	await refreshNextAsOf(connection, from);

	await connection.run(`DELETE FROM progress_daily${since('as_of')}`);
	await connection.run(`
		INSERT INTO progress_daily
		WITH snapshot AS (
			SELECT r.territory_code, r.organisation_code, r."group", r.registered_on, r.status,
				r.recognised_on, r.digital_skills, i.as_of, r.next_as_of
			FROM import_row r JOIN import i ON i.id = r.import_id
			WHERE r.reject_reason IS NULL${inForceFrom(from)}
		),
		versions AS (
			SELECT DISTINCT as_of AS known FROM import${from ? ` WHERE as_of >= ${from}` : ''}
		),
		state AS (
			SELECT v.known, t.id AS territory, o.id AS organisation, g.id AS grp,
				s.registered_on, s.status, s.recognised_on, s.digital_skills, s.as_of
			FROM snapshot s JOIN versions v
				ON v.known >= s.as_of AND (s.next_as_of IS NULL OR v.known < s.next_as_of)
			JOIN unit_id t ON t.code = s.territory_code
			LEFT JOIN unit_id o ON o.code = s.organisation_code
			JOIN group_id g ON g.name = s."group"
		),
		events AS (
			SELECT known, territory, organisation, grp, registered_on AS day,
				1 AS registered, 0 AS recognised, 0 AS digital
			FROM state
			UNION ALL
			-- Recognised without a date: known to be recognised by the snapshot's as-of date.
			SELECT known, territory, organisation, grp, coalesce(recognised_on, as_of),
				0, 1, CASE WHEN digital_skills THEN 1 ELSE 0 END
			FROM state WHERE status = 'recognised'
		),
		daily AS (
			SELECT known, territory, organisation, grp, day,
				sum(registered) AS registered, sum(recognised) AS recognised, sum(digital) AS digital
			FROM events GROUP BY ALL
		),
		rolled AS (
			SELECT known, c.ancestor, grp, day, sum(registered)::INTEGER AS registered,
				sum(recognised)::INTEGER AS recognised, sum(digital)::INTEGER AS digital
			FROM daily JOIN closure_id c ON c.unit = daily.territory GROUP BY ALL
			UNION ALL
			SELECT known, c.ancestor, grp, day, sum(registered)::INTEGER, sum(recognised)::INTEGER,
				sum(digital)::INTEGER
			FROM daily JOIN closure_id c ON c.unit = daily.organisation GROUP BY ALL
		)
		SELECT r.known, u.code, g.name, r.day, r.registered, r.recognised, r.digital
		FROM rolled r JOIN unit_id u ON u.id = r.ancestor JOIN group_id g ON g.id = r.grp
		-- Stored in the order pages ask (a snapshot, a unit): DuckDB's zone maps then skip the rest.
		ORDER BY r.known, r.ancestor, g.name, r.day`);

	await connection.run(`DELETE FROM progress_unit_daily${since('as_of')}`);
	await connection.run(`
		INSERT INTO progress_unit_daily
		SELECT as_of, unit_code, day, sum(registered)::INTEGER, sum(recognised)::INTEGER, sum(digital)::INTEGER
		FROM progress_daily${since('as_of')} GROUP BY ALL ORDER BY ALL`);

	// Each import's own counts, for the imports dated from A on (removeImport deletes a removed
	// import's own).
	const touched = `(SELECT id FROM import${since('as_of')})`;
	await connection.run(`DELETE FROM unit_import${from ? ` WHERE import_id IN ${touched}` : ''}`);
	await connection.run(`
		INSERT INTO unit_import
		SELECT c.ancestor, import_id, count(*)::INTEGER
		FROM (
			SELECT import_id, territory_code AS code FROM registration
			UNION ALL
			SELECT import_id, organisation_code FROM registration WHERE organisation_code IS NOT NULL
		) r JOIN closure c ON c.code = r.code
		WHERE r.import_id IN ${touched}
		GROUP BY ALL`);
}

/**
 * Sets each counting row's `next_as_of` (the as-of date of the person's next counting row) where
 * a change from `from` on can have moved it: rows dated from then, and rows whose next was then or
 * later or none (the row before a new one, the row before a removed one). Each such row's next is
 * itself such a row, so the window over them alone gives the same dates as over every row. An
 * update writes only the dates that changed.
 */
async function refreshNextAsOf(connection: DuckDBConnection, from: string | null): Promise<void> {
	const imports = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM import');
	if ((imports.getRowObjectsJson()[0] as { n: number }).n <= 1) {
		// A single import: nobody has a next row, and no window over its rows is needed.
		await connection.run('UPDATE import_row SET next_as_of = NULL WHERE next_as_of IS NOT NULL');
		return;
	}
	await connection.run(`
		UPDATE import_row SET next_as_of = n.next_as_of FROM (
			SELECT r.import_id, r.row,
				lead(i.as_of) OVER (PARTITION BY r.person_key ORDER BY i.as_of, r.import_id) AS next_as_of
			FROM import_row r JOIN import i ON i.id = r.import_id
			WHERE r.reject_reason IS NULL${from ? ` AND (i.as_of >= ${from} OR r.next_as_of IS NULL OR r.next_as_of >= ${from})` : ''}
		) n
		WHERE import_row.import_id = n.import_id AND import_row.row = n.row
			AND import_row.next_as_of IS DISTINCT FROM n.next_as_of`);
}

/** The counting rows in force on some snapshot date from `from` on (their next is later or none). */
function inForceFrom(from: string | null): string {
	return from ? ` AND (r.next_as_of IS NULL OR r.next_as_of > ${from})` : '';
}
