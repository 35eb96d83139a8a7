/**
 * Removing an import: its rows, rejects and record go; the figures are rebuilt by the caller
 * (settle) and the file can be imported again. Runs on the working copy, so it is all or nothing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function removeImport(connection: DuckDBConnection, id: number): Promise<void> {
	const importId = Math.trunc(id);
	for (const table of ['import_row', 'reject', 'unit_import'])
		await connection.run(`DELETE FROM ${table} WHERE import_id = ${importId}`);
	await connection.run(`DELETE FROM import WHERE id = ${importId}`);
}
