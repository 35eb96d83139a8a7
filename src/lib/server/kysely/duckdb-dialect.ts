import type { DuckDBInstance } from '@duckdb/node-api';
import { PostgresQueryCompiler, type Dialect, type Kysely } from 'kysely';
import { DuckDBAdapter } from './duckdb-adapter.ts';
import { DuckDBDriver } from './duckdb-driver.ts';
import { DuckDBIntrospector } from './duckdb-introspector.ts';

/**
 * Kysely dialect for DuckDB through `@duckdb/node-api`, on Kysely's PostgreSQL query compiler.
 *
 * The one dialect on npm (`kysely-duckdb`) has a single maintainer, `?` placeholders and a typing
 * clash under NodeNext; this one is small enough to own and is tested in tests/unit/server/kysely.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new DuckDBDialect(await DuckDBInstance.create(path)) });
 */
export class DuckDBDialect implements Dialect {
	readonly #instance: DuckDBInstance;

	constructor(instance: DuckDBInstance) {
		this.#instance = instance;
	}

	createDriver() {
		return new DuckDBDriver(this.#instance);
	}

	createQueryCompiler() {
		return new PostgresQueryCompiler();
	}

	createAdapter() {
		return new DuckDBAdapter();
	}

	createIntrospector(db: Kysely<unknown>) {
		return new DuckDBIntrospector(db);
	}
}
