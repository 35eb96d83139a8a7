/**
 * The incremental aggregates' check: the stored daily tables against a rebuild from every row.
 */
import { rebuildAggregates } from '../../pipeline/aggregate.ts';
import { openDatabase } from '../../src/lib/server/db.ts';

const TABLES = ['progress_daily', 'progress_unit_daily', 'unit_import'] as const;

export type Differences = Record<(typeof TABLES)[number], number> & {
	/** Rows of progress_daily: a history with none compares nothing. */
	rows: number;
};

/** Rows of each table that differ between what is stored and a full rebuild (none: equal). */
export async function differences(db: string): Promise<Differences> {
	const database = await openDatabase(db, { readOnly: false });
	const connection = await database.connect();
	try {
		for (const t of TABLES) await connection.run(`CREATE TEMP TABLE stored_${t} AS FROM ${t}`);
		await rebuildAggregates(connection);
		const result = {} as Differences;
		for (const t of TABLES) {
			const reader = await connection.runAndReadAll(
				`SELECT count(*)::INTEGER FROM ((FROM stored_${t} EXCEPT ALL FROM ${t})
				 UNION ALL (FROM ${t} EXCEPT ALL FROM stored_${t}))`
			);
			result[t] = Number(reader.getRows()[0]![0]);
		}
		const rows = await connection.runAndReadAll('SELECT count(*)::INTEGER FROM progress_daily');
		result.rows = Number(rows.getRows()[0]![0]);
		return result;
	} finally {
		connection.closeSync();
		await database.close();
	}
}
