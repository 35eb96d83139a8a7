/**
 * Every physical row of a file is accounted for: after a reader has filled staging, its rows must
 * be exactly the data rows the file holds (the CSV record scan's count, the XLSX rows written to
 * the row file), each once. Either reader could otherwise lose rows without a word (a record
 * swallowed by a quote, a line DuckDB skipped) or stage one row number twice (an XLSX whose row
 * numbers repeat); such a file is refused rather than loaded short.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ImportError } from '../errors.ts';
import { STAGING } from './staging.ts';

export async function refuseUnaccounted(
	connection: DuckDBConnection,
	expected: number,
	place: { file: string; sheet?: string }
): Promise<void> {
	const read = await connection.runAndReadAll(
		`SELECT count(*)::INTEGER AS n, count(DISTINCT row)::INTEGER AS rows FROM ${STAGING}`
	);
	const { n, rows } = read.getRowObjectsJson()[0] as { n: number; rows: number };
	if (n !== expected || rows !== n)
		throw new ImportError('rows_unaccounted', place, { read: rows, expected });
}
