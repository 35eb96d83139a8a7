/**
 * Small lookup tables the stages build in JavaScript (matched names, parsed dates) and join in SQL:
 * written through DuckDB's appender into a temporary table of the pipeline's connection.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export type TempColumnType = 'VARCHAR' | 'INTEGER' | 'BOOLEAN';
export type TempRow = (string | number | boolean | null)[];

export async function writeTempTable(
	connection: DuckDBConnection,
	name: string,
	columns: Record<string, TempColumnType>,
	rows: TempRow[]
): Promise<void> {
	const ddl = Object.entries(columns)
		.map(([c, t]) => `${c} ${t}`)
		.join(', ');
	await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (${ddl})`);
	if (rows.length === 0) return;
	const appender = await connection.createAppender(name);
	const types = Object.values(columns);
	for (const row of rows) {
		row.forEach((value, i) => {
			if (value === null) appender.appendNull();
			else if (types[i] === 'INTEGER') appender.appendInteger(value as number);
			else if (types[i] === 'BOOLEAN') appender.appendBoolean(value as boolean);
			else appender.appendVarchar(String(value));
		});
		appender.endRow();
	}
	appender.closeSync();
}
