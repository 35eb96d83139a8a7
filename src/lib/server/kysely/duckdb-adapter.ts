import { PostgresAdapter } from 'kysely';

/**
 * DuckDB speaks enough PostgreSQL for Kysely's Postgres compiler ($1 parameters, RETURNING,
 * transactional DDL) but has no advisory locks. A DuckDB file admits one read-write process,
 * which is already the lock a migration needs, so taking another is a no-op.
 */
export class DuckDBAdapter extends PostgresAdapter {
	override async acquireMigrationLock(): Promise<void> {}
	override async releaseMigrationLock(): Promise<void> {}
}
