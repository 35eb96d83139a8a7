/**
 * Names as exports write them, the reviewer's decisions on them, the names still open, and the
 * groups' labels: written by the pipeline, read by the `names` command and the imports page.
 */
import type { Kysely } from 'kysely';
import type { Candidate, NameField, OpenName } from '../names.ts';
import type { Localised } from '../targets.ts';
import type { Database } from './schema.ts';

export interface Decision {
	field: NameField;
	scope: string;
	raw: string;
	code: string | null;
	decidedAt: string;
	decidedBy: string;
}

export async function listDecisions(db: Kysely<Database>): Promise<Decision[]> {
	return db.selectFrom('nameDecision').selectAll().orderBy('decidedAt').execute();
}

/** Records a decision, replacing an earlier one on the same name (matched as written). */
export async function recordDecision(
	db: Kysely<Database>,
	decision: Omit<Decision, 'decidedAt'>,
	sameName: (d: Decision) => boolean
): Promise<void> {
	const earlier = (await listDecisions(db)).filter(sameName);
	await db.transaction().execute(async (trx) => {
		for (const e of earlier)
			await trx
				.deleteFrom('nameDecision')
				.where('field', '=', e.field)
				.where('scope', '=', e.scope)
				.where('raw', '=', e.raw)
				.execute();
		await trx
			.insertInto('nameDecision')
			.values({ ...decision, decidedAt: new Date().toISOString() })
			.execute();
	});
}

export async function replaceOpenNames(db: Kysely<Database>, names: OpenName[]): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('openName').execute();
		const rows = names.map((n) => ({
			field: n.field,
			scope: n.scope,
			raw: n.raw,
			rows: n.rows,
			imports: n.imports,
			problem: n.problem,
			candidates: JSON.stringify(n.candidates),
			suggestions: JSON.stringify(n.suggestions)
		}));
		for (let i = 0; i < rows.length; i += 500)
			await trx
				.insertInto('openName')
				.values(rows.slice(i, i + 500))
				.execute();
	});
}

/** The open names, most rows first; a commune's district is named from the unit list. */
export async function listOpenNames(db: Kysely<Database>): Promise<OpenName[]> {
	const rows = await db
		.selectFrom('openName')
		.leftJoin('unit', 'unit.code', 'openName.scope')
		.selectAll('openName')
		.select('unit.name as scopeName')
		.orderBy('openName.rows', 'desc')
		.orderBy('openName.field')
		.orderBy('openName.raw')
		.execute();
	return rows.map((r) => ({
		field: r.field,
		scope: r.scope,
		scopeName: r.scopeName ?? '',
		raw: r.raw,
		rows: r.rows,
		imports: r.imports,
		problem: r.problem,
		candidates: JSON.parse(r.candidates) as Candidate[],
		suggestions: JSON.parse(r.suggestions) as Candidate[]
	}));
}

export interface PersonGroup {
	code: string;
	name: Localised;
}

export async function replacePersonGroups(
	db: Kysely<Database>,
	groups: PersonGroup[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('personGroup').execute();
		if (groups.length === 0) return;
		await trx
			.insertInto('personGroup')
			.values(
				groups.map((g, position) => ({
					code: g.code,
					nameVi: g.name.vi,
					nameEn: g.name.en,
					position
				}))
			)
			.execute();
	});
}

export async function listPersonGroups(db: Kysely<Database>): Promise<PersonGroup[]> {
	const rows = await db.selectFrom('personGroup').selectAll().orderBy('position').execute();
	return rows.map((r) => ({ code: r.code, name: { vi: r.nameVi, en: r.nameEn } }));
}

export async function getSetting(db: Kysely<Database>, key: string): Promise<string | null> {
	const row = await db
		.selectFrom('setting')
		.select('value')
		.where('key', '=', key)
		.executeTakeFirst();
	return row?.value ?? null;
}

export async function putSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('setting').where('key', '=', key).execute();
		await trx.insertInto('setting').values({ key, value }).execute();
	});
}
