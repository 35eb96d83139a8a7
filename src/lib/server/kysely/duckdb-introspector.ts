import type {
	DatabaseIntrospector,
	DatabaseMetadataOptions,
	Kysely,
	SchemaMetadata,
	TableMetadata
} from 'kysely';
import { sql } from 'kysely';
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE } from 'kysely/migration';

interface ColumnRow {
	table_schema: string;
	table_name: string;
	table_type: string;
	column_name: string;
	data_type: string;
	is_nullable: string;
	column_default: string | null;
}

/** Reads DuckDB's information_schema (Kysely's Postgres introspector needs pg_catalog functions). */
export class DuckDBIntrospector implements DatabaseIntrospector {
	readonly #db: Kysely<unknown>;

	constructor(db: Kysely<unknown>) {
		// Plain snake_case rows: the app-wide CamelCasePlugin would rename information_schema columns.
		this.#db = db.withoutPlugins();
	}

	async getSchemas(): Promise<SchemaMetadata[]> {
		const { rows } = await sql<{ name: string }>`
			select distinct schema_name as name from information_schema.schemata
			where catalog_name = current_database()`.execute(this.#db);
		return rows;
	}

	async getTables(options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
		const { rows } = await sql<ColumnRow>`
			select c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type,
				c.is_nullable, c.column_default
			from information_schema.columns c
			join information_schema.tables t
				on t.table_schema = c.table_schema and t.table_name = c.table_name
				and t.table_catalog = c.table_catalog
			where c.table_catalog = current_database() and c.table_schema = 'main'
			order by c.table_name, c.ordinal_position`.execute(this.#db);
		const internal = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);
		const tables = new Map<string, TableMetadata>();
		for (const row of rows) {
			if (!options?.withInternalKyselyTables && internal.has(row.table_name)) continue;
			let table = tables.get(row.table_name);
			if (!table) {
				table = {
					name: row.table_name,
					schema: row.table_schema,
					isView: row.table_type === 'VIEW',
					isForeign: false,
					columns: []
				};
				tables.set(row.table_name, table);
			}
			table.columns.push({
				name: row.column_name,
				dataType: row.data_type,
				isNullable: row.is_nullable === 'YES',
				isAutoIncrementing: row.column_default?.startsWith('nextval(') ?? false,
				hasDefaultValue: row.column_default !== null
			});
		}
		return [...tables.values()];
	}
}
