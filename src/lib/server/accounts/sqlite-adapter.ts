/**
 * Kysely's SqliteDialect speaks to a better-sqlite3-like object; Node's own `node:sqlite` is close
 * but not the same: its statements do not say whether they return rows, and they take their
 * parameters spread rather than as an array. This is the few lines between the two.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function sqliteDatabase(db: DatabaseSync): SqliteDatabase {
	return {
		close: () => db.close(),
		prepare(sql: string): SqliteStatement {
			const statement = db.prepare(sql);
			const params = (parameters: ReadonlyArray<unknown>) => parameters as SQLInputValue[];
			return {
				// A statement returns rows exactly when it has result columns (SELECT, RETURNING).
				reader: statement.columns().length > 0,
				all: (parameters) => statement.all(...params(parameters)),
				run: (parameters) => statement.run(...params(parameters)),
				iterate: (parameters) => statement.iterate(...params(parameters))
			};
		}
	};
}
