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
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function rebuildAggregates(connection: DuckDBConnection): Promise<void> {
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

	await connection.run('DELETE FROM progress_daily');
	await connection.run(`
		INSERT INTO progress_daily
		WITH snapshot AS (
			SELECT r.*, i.as_of,
				lead(i.as_of) OVER (PARTITION BY r.person_key ORDER BY i.as_of, r.import_id) AS next_as_of
			FROM registration r JOIN import i ON i.id = r.import_id
		),
		versions AS (SELECT DISTINCT as_of AS known FROM import),
		state AS (
			SELECT v.known, s.*
			FROM snapshot s JOIN versions v
				ON v.known >= s.as_of AND (s.next_as_of IS NULL OR v.known < s.next_as_of)
		),
		events AS (
			SELECT known, territory_code, organisation_code, "group", registered_on AS day,
				1 AS registered, 0 AS recognised, 0 AS digital
			FROM state
			UNION ALL
			-- Recognised without a date: known to be recognised by the snapshot's as-of date.
			SELECT known, territory_code, organisation_code, "group", coalesce(recognised_on, as_of),
				0, 1, CASE WHEN digital_skills THEN 1 ELSE 0 END
			FROM state WHERE status = 'recognised'
		),
		daily AS (
			SELECT known, territory_code, organisation_code, "group", day,
				sum(registered) AS registered, sum(recognised) AS recognised, sum(digital) AS digital
			FROM events GROUP BY ALL
		)
		SELECT * FROM (
			SELECT known, c.ancestor, "group", day, sum(registered)::INTEGER, sum(recognised)::INTEGER, sum(digital)::INTEGER
			FROM daily JOIN closure c ON c.code = daily.territory_code GROUP BY ALL
			UNION ALL
			SELECT known, c.ancestor, "group", day, sum(registered)::INTEGER, sum(recognised)::INTEGER, sum(digital)::INTEGER
			FROM daily JOIN closure c ON c.code = daily.organisation_code GROUP BY ALL
		)
		-- Stored in the order pages ask (a snapshot, a unit): DuckDB's zone maps then skip the rest.
		ORDER BY ALL`);

	await connection.run('DELETE FROM progress_unit_daily');
	await connection.run(`
		INSERT INTO progress_unit_daily
		SELECT as_of, unit_code, day, sum(registered)::INTEGER, sum(recognised)::INTEGER, sum(digital)::INTEGER
		FROM progress_daily GROUP BY ALL ORDER BY ALL`);

	await connection.run('DELETE FROM unit_import');
	await connection.run(`
		INSERT INTO unit_import
		SELECT c.ancestor, import_id, count(*)::INTEGER
		FROM (
			SELECT import_id, territory_code AS code FROM registration
			UNION ALL
			SELECT import_id, organisation_code FROM registration WHERE organisation_code IS NOT NULL
		) r JOIN closure c ON c.code = r.code
		GROUP BY ALL`);
}
