/**
 * The unit list: read by the pipeline (matching, aggregates) and the dashboard (names, hierarchy,
 * eligible counts). Replaced as a whole by the `units` command.
 */
import type { Kysely } from 'kysely';
import type { Unit } from '../units.ts';
import type { Database } from './schema.ts';

export async function listUnits(db: Kysely<Database>): Promise<Unit[]> {
	const [rows, aliases] = await Promise.all([
		db.selectFrom('unit').selectAll().orderBy('position').execute(),
		db.selectFrom('unitAlias').selectAll().execute()
	]);
	const byUnit = new Map<string, string[]>();
	for (const a of aliases) byUnit.set(a.unitCode, [...(byUnit.get(a.unitCode) ?? []), a.alias]);
	return rows.map((r) => ({
		code: r.code,
		name: r.name,
		kind: r.kind,
		parent: r.parentCode,
		eligible: r.eligible,
		confidential: r.confidential,
		aliases: byUnit.get(r.code) ?? []
	}));
}

export async function replaceUnits(db: Kysely<Database>, units: Unit[]): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('unitAlias').execute();
		await trx.deleteFrom('unit').execute();
		const rows = units.map((u, position) => ({
			code: u.code,
			name: u.name,
			kind: u.kind,
			parentCode: u.parent,
			eligible: u.eligible,
			confidential: u.confidential,
			position
		}));
		for (let i = 0; i < rows.length; i += 500)
			await trx
				.insertInto('unit')
				.values(rows.slice(i, i + 500))
				.execute();
		const aliases = units.flatMap((u) => u.aliases.map((alias) => ({ unitCode: u.code, alias })));
		for (let i = 0; i < aliases.length; i += 500) {
			await trx
				.insertInto('unitAlias')
				.values(aliases.slice(i, i + 500))
				.execute();
		}
	});
}

/** Unit codes that the rows of imports, activity rows or a reviewer's decisions refer to. */
export async function unitCodesInUse(db: Kysely<Database>): Promise<Set<string>> {
	const rows = await db
		.selectFrom('importRow')
		.select('territoryCode as code')
		.union(db.selectFrom('importRow').select('organisationCode as code'))
		.union(db.selectFrom('activity').select('unitCode as code'))
		.union(db.selectFrom('nameDecision').select('code').where('field', '!=', 'group'))
		.execute();
	return new Set(rows.flatMap((r) => (r.code === null ? [] : [r.code])));
}
