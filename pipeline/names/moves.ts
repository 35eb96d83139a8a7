/**
 * What a change did to the figures: every unit's registered and recognised counts at the latest
 * snapshot, before and after, read from the daily aggregates.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Unit } from '../../src/lib/units.ts';

export interface Totals {
	registered: number;
	recognised: number;
}

export interface UnitMove {
	unit: Unit;
	before: Totals;
	after: Totals;
}

/** Each unit's counts at the latest snapshot. */
export async function unitTotals(connection: DuckDBConnection): Promise<Map<string, Totals>> {
	const rows = (
		await connection.runAndReadAll(`
			SELECT unit_code AS code, sum(registered)::INTEGER AS registered,
				sum(recognised)::INTEGER AS recognised
			FROM progress_unit_daily
			WHERE as_of = (SELECT max(as_of) FROM progress_unit_daily)
			GROUP BY 1`)
	).getRowObjectsJson() as unknown as ({ code: string } & Totals)[];
	return new Map(rows.map(({ code, ...t }) => [code, t]));
}

/** The latest snapshot's as-of date, or null without data. */
export async function latestAsOf(connection: DuckDBConnection): Promise<string | null> {
	const reader = await connection.runAndReadAll('SELECT max(as_of)::VARCHAR AS d FROM import');
	return (reader.getRowObjectsJson()[0] as { d: string | null }).d;
}

const NONE: Totals = { registered: 0, recognised: 0 };

/** The units whose counts changed, most changed first, in unit-list order on a tie. */
export function unitMoves(
	before: Map<string, Totals>,
	after: Map<string, Totals>,
	units: Unit[]
): UnitMove[] {
	const size = (m: UnitMove) =>
		Math.abs(m.after.registered - m.before.registered) +
		Math.abs(m.after.recognised - m.before.recognised);
	return units
		.map((unit) => ({
			unit,
			before: before.get(unit.code) ?? NONE,
			after: after.get(unit.code) ?? NONE
		}))
		.filter((m) => size(m) > 0)
		.map((m, position) => ({ m, position }))
		.sort((a, b) => size(b.m) - size(a.m) || a.position - b.position)
		.map(({ m }) => m);
}
