import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { plainValue } from './duckdb-values.ts';

/**
 * Kysely driver over one `@duckdb/node-api` instance. Connections are pooled: DuckDB runs queries
 * of different connections in parallel, and a transaction must stay on the connection it began on.
 */
export class DuckDBDriver implements Driver {
	readonly #instance: DuckDBInstance;
	readonly #idle: DuckDBKyselyConnection[] = [];
	readonly #all: DuckDBKyselyConnection[] = [];

	constructor(instance: DuckDBInstance) {
		this.#instance = instance;
	}

	async init(): Promise<void> {}

	async acquireConnection(): Promise<DatabaseConnection> {
		const idle = this.#idle.pop();
		if (idle) return idle;
		const connection = new DuckDBKyselyConnection(await this.#instance.connect());
		this.#all.push(connection);
		return connection;
	}

	async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('BEGIN TRANSACTION'));
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('COMMIT'));
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
	}

	async releaseConnection(connection: DatabaseConnection): Promise<void> {
		this.#idle.push(connection as DuckDBKyselyConnection);
	}

	async destroy(): Promise<void> {
		for (const connection of this.#all) connection.close();
		this.#all.length = 0;
		this.#idle.length = 0;
	}
}

class DuckDBKyselyConnection implements DatabaseConnection {
	readonly #connection: DuckDBConnection;

	constructor(connection: DuckDBConnection) {
		this.#connection = connection;
	}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		const reader = await this.#connection.runAndReadAll(query.sql, parameters(query));
		const rows = reader.convertRowObjects(plainValue) as R[];
		// DuckDB reports the affected row count as the single "Count" column of DML results.
		const kind = query.query.kind;
		const isWrite =
			kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode';
		if (isWrite && !hasReturning(query)) {
			const count = (rows[0] as { Count?: number } | undefined)?.Count ?? 0;
			return { rows: [], numAffectedRows: BigInt(count) };
		}
		return { rows };
	}

	async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
		const result = await this.#connection.stream(query.sql, parameters(query));
		for await (const rows of result.yieldConvertedRowObjects(plainValue)) {
			yield { rows: rows as R[] };
		}
	}

	close(): void {
		this.#connection.closeSync();
	}
}

function parameters(query: CompiledQuery): DuckDBValue[] {
	return query.parameters.map((value) => {
		if (value === undefined) return null;
		if (value instanceof Date) return value.toISOString();
		return value as DuckDBValue;
	});
}

function hasReturning(query: CompiledQuery): boolean {
	return 'returning' in query.query && query.query.returning !== undefined;
}
