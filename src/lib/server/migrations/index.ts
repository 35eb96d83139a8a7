import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './001-initial.ts';
import * as unitDaily from './002-unit-daily.ts';
import * as names from './003-names.ts';
import * as nextAsOf from './004-next-as-of.ts';

/** Every schema change, in order. Add a file and a line here; never edit a shipped migration. */
const migrations: Record<string, Migration> = {
	'001-initial': initial,
	'002-unit-daily': unitDaily,
	'003-names': names,
	'004-next-as-of': nextAsOf
};

export const migrationProvider: MigrationProvider = {
	async getMigrations() {
		return migrations;
	}
};
