/**
 * The review of names: a reviewer accepts a name for a unit (or group), ignores it, or takes a
 * decision back; each is recorded in the database and re-matches every stored import at once.
 * Decisions are exported back into the unit list as aliases (`names export`).
 */
import { userInfo } from 'node:os';
import type { NameField } from '../../src/lib/names.ts';
import type { Db } from '../../src/lib/server/db.ts';
import { listDecisions, listOpenNames, recordDecision } from '../../src/lib/server/names.ts';
import type { Unit } from '../../src/lib/units.ts';
import { ImportError } from '../errors.ts';
import { exactKey } from '../text.ts';
import { withWorkingCopy } from '../workspace.ts';
import { matchingContext, type Matching } from './context.ts';
import { settle, type Settled } from './rematch.ts';

export interface ReviewOptions {
	db: string;
	dataDir: string | null;
	dryRun?: boolean;
}

export interface Reviewed {
	/** What was decided, per field (a name can be open as a commune of two districts). */
	decided: Decided[];
	settled: Settled;
}

export interface Decided {
	field: NameField;
	scope: string;
	raw: string;
	code: string | null;
	/** The unit's or group's name, for the reviewer to read. */
	meaning: string | null;
}

const same = (a: string, b: string) => exactKey(a) === exactKey(b);

function fieldOf(unit: Unit): NameField {
	switch (unit.kind) {
		case 'district':
			return 'district';
		case 'commune':
			return 'commune';
		case 'agency':
		case 'armed_force':
			return 'workplace';
		case 'province':
			throw new ImportError('name_for_province', {}, { code: unit.code });
	}
}

/** The stored texts of a name, as written in the files, per field. */
async function storedTexts(db: Db, raw: string): Promise<{ field: NameField; raw: string }[]> {
	const rows = await db.kysely.selectFrom('nameText').select(['field', 'raw']).execute();
	return rows.filter((r) => same(r.raw, raw));
}

/** Records decisions, then re-matches every import with them. */
async function decide(
	options: ReviewOptions,
	choose: (db: Db, matching: Matching) => Promise<Reviewed['decided']>
): Promise<Reviewed> {
	return withWorkingCopy(
		options.db,
		async (db) => {
			const decided = await choose(db, await matchingContext(db, options.dataDir));
			// The browser's user when the server runs the command for them (pipeline-run.ts).
			const by = process.env.CDHT_ACTOR || userInfo().username;
			for (const { meaning: _, ...d } of decided)
				await recordDecision(
					db.kysely,
					{ ...d, decidedBy: by },
					(e) => e.field === d.field && e.scope === d.scope && same(e.raw, d.raw)
				);
			const connection = await db.connect();
			try {
				const matching = await matchingContext(db, options.dataDir);
				return { decided, settled: await settle(db, connection, matching, { rowsChanged: false }) };
			} finally {
				connection.closeSync();
			}
		},
		{ dryRun: options.dryRun }
	);
}

/** `names accept "<raw>" <code>`: the name means that unit (or group) wherever it is written. */
export function acceptName(options: ReviewOptions, raw: string, code: string): Promise<Reviewed> {
	return decide(options, async (db, { units, vocabulary }) => {
		const texts = await storedTexts(db, raw);
		if (texts.length === 0) throw new ImportError('no_such_name', {}, { name: raw });
		const group = vocabulary.groups.find((g) => g.code === code);
		const unit = units.find((u) => u.code === code);
		if (!group && !unit) throw new ImportError('no_such_code', {}, { code });
		const field: NameField = group && !unit ? 'group' : fieldOf(unit!);
		const text = texts.find((t) => t.field === field);
		if (!text)
			throw new ImportError(
				'name_not_in_field',
				{},
				{ name: raw, code, fields: texts.map((t) => t.field).join(', ') }
			);
		const scope = field === 'commune' ? unit!.parent! : '';
		return [{ field, scope, raw: text.raw, code, meaning: group ? group.name.vi : unit!.name }];
	});
}

/** `names ignore "<raw>"`: the name is not ours; stop listing it (its rows stay as they are). */
export function ignoreName(options: ReviewOptions, raw: string): Promise<Reviewed> {
	return decide(options, async (db) => {
		const open = (await listOpenNames(db.kysely)).filter((n) => same(n.raw, raw));
		if (open.length === 0) throw new ImportError('name_not_open', {}, { name: raw });
		return open.map((n) => ({
			field: n.field,
			scope: n.scope,
			raw: n.raw,
			code: null,
			meaning: null
		}));
	});
}

/** `names undo "<raw>"`: takes back every decision on the name. */
export function undoName(options: ReviewOptions, raw: string): Promise<Reviewed> {
	return withWorkingCopy(
		options.db,
		async (db) => {
			const decisions = (await listDecisions(db.kysely)).filter((d) => same(d.raw, raw));
			if (decisions.length === 0) throw new ImportError('no_decision', {}, { name: raw });
			await db.kysely
				.deleteFrom('nameDecision')
				.where(
					'raw',
					'in',
					decisions.map((d) => d.raw)
				)
				.execute();
			const connection = await db.connect();
			try {
				const matching = await matchingContext(db, options.dataDir);
				return {
					decided: decisions.map(({ field, scope, raw, code }) => ({
						field,
						scope,
						raw,
						code,
						meaning: null
					})),
					settled: await settle(db, connection, matching, { rowsChanged: false })
				};
			} finally {
				connection.closeSync();
			}
		},
		{ dryRun: options.dryRun }
	);
}

/** The unit list with every accepted name added to its unit's aliases. */
export function unitsWithDecisions(
	units: Unit[],
	decisions: { field: NameField; raw: string; code: string | null }[]
): Unit[] {
	return units.map((u) => {
		const extra = decisions
			.filter((d) => d.field !== 'group' && d.code === u.code)
			.map((d) => d.raw)
			.filter((raw) => ![u.name, ...u.aliases].some((known) => same(known, raw)));
		return extra.length > 0 ? { ...u, aliases: [...u.aliases, ...new Set(extra)] } : u;
	});
}
