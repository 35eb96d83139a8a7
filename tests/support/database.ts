/**
 * Reading a test database directly, and looking into page data, for tests that check what the
 * product shows against what the file holds.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';

/** An in-memory DuckDB connection for a test file's tests, closed after them. */
export function memoryConnection(): () => DuckDBConnection {
	let instance: DuckDBInstance;
	let connection: DuckDBConnection;
	beforeAll(async () => {
		instance = await DuckDBInstance.create(':memory:');
		connection = await instance.connect();
	});
	afterAll(() => {
		connection.closeSync();
		instance.closeSync();
	});
	return () => connection;
}

/** Rows of one SQL query on a database file, opened read-only for that query only. */
export async function query<T>(dbPath: string, sql: string): Promise<T[]> {
	const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
	const connection = await instance.connect();
	try {
		return (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

/** Every armed-force unit object anywhere in a page's data (after devalue's unflatten). */
export function armedUnitsIn<T = Record<string, unknown>>(value: unknown, found: T[] = []): T[] {
	if (Array.isArray(value)) value.forEach((v) => armedUnitsIn(v, found));
	else if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if (o.kind === 'armed_force' && 'code' in o) found.push(o as T);
		Object.values(o).forEach((v) => armedUnitsIn(v, found));
	}
	return found;
}
