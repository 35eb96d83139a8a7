/**
 * The analysts' downloads (/data/progress.csv and .arrow) called as SvelteKit calls them: the
 * route's GET with a URL, against a data directory whose config points at a test database.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GET } from '../../src/routes/data/progress.[format]/+server.ts';

/** Points the server's settings at `database`, with the repository's target presets. */
export function serveDatabase(database: string): void {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-data-'));
	const config = { database, targets: path.resolve('data/targets'), defaultPreset: 'ha-tinh-2023' };
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
	process.env.CDHT_DATA = dir;
}

/** The endpoint's answer to `/data/progress.<format>?<query>`. */
export async function getProgress(
	format: string,
	query: Record<string, string> = {}
): Promise<Response> {
	const url = new URL(`http://localhost/data/progress.${format}?${new URLSearchParams(query)}`);
	const event = { url, params: { format } } as unknown as Parameters<typeof GET>[0];
	return GET(event);
}

/** One row of the download, as a reader gets it back. */
export type DataRow = Record<string, unknown>;

/** The Arrow file read back with apache-arrow, as plain rows. */
export async function arrowRows(response: Response): Promise<DataRow[]> {
	const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
	return table.toArray().map((row) => ({ ...(row.toJSON() as DataRow) }));
}

/** The CSV read back by DuckDB's own CSV reader, as an analyst's `read_csv` would. */
export async function csvRows(response: Response): Promise<DataRow[]> {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'cdht-csv-')), 'progress.csv');
	writeFileSync(file, Buffer.from(await response.arrayBuffer()));
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		const reader = await connection.runAndReadAll(
			`SELECT * FROM read_csv('${file}', header = true, auto_detect = true)`
		);
		// DuckDB reads whole numbers as BIGINT: numbers, as the pages have them.
		return reader
			.getRowObjectsJS()
			.map((row) =>
				Object.fromEntries(
					Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])
				)
			);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
