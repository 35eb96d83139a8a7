/**
 * The names review in the browser: what the page shows (the open names, the decisions made, the
 * units and groups a name can be accepted as) and the decisions, each run as the `names`
 * command — the same checks, the same re-match and swap, recorded as the signed-in user.
 */
import type { User } from '../../access.ts';
import type { Lang } from '../../format.ts';
import type { NameField, OpenName } from '../../names.ts';
import type { Unit, UnitKind } from '../../units.ts';
import type { Choice } from '../../unit-search.ts';
import type { Db } from '../db.ts';
import { listDecisions, listOpenNames, listPersonGroups, type PersonGroup } from '../names.ts';
import { runPipeline } from '../pipeline-run.ts';
import { listUnits } from '../units.ts';
import { commandReport, type CommandReport } from './cli-result.ts';

export interface DecisionView {
	field: NameField;
	raw: string;
	/** Null: ignored. */
	code: string | null;
	meaning: string | null;
	decidedAt: string;
	decidedBy: string;
}

export interface NamesReview {
	names: OpenName[];
	decisions: DecisionView[];
	/** What a name of each column can be accepted as. */
	choices: Record<NameField, Choice[]>;
}

const KINDS: Record<Exclude<NameField, 'group'>, UnitKind[]> = {
	district: ['district'],
	commune: ['commune'],
	workplace: ['agency', 'armed_force']
};

export function choicesFor(
	units: Unit[],
	groups: PersonGroup[],
	lang: Lang
): Record<NameField, Choice[]> {
	const name = new Map(units.map((u) => [u.code, u.name]));
	const ofKinds = (kinds: UnitKind[]) =>
		units
			.filter((u) => kinds.includes(u.kind))
			.map((u) => ({
				code: u.code,
				name: u.name,
				hint: u.parent ? (name.get(u.parent) ?? '') : ''
			}));
	return {
		district: ofKinds(KINDS.district),
		commune: ofKinds(KINDS.commune),
		workplace: ofKinds(KINDS.workplace),
		group: groups.map((g) => ({ code: g.code, name: g.name[lang], hint: '' }))
	};
}

export async function namesReview(db: Db, lang: Lang): Promise<NamesReview> {
	const [names, decisions, units, groups] = await Promise.all([
		listOpenNames(db.kysely),
		listDecisions(db.kysely),
		listUnits(db.kysely),
		listPersonGroups(db.kysely)
	]);
	const meaning = new Map<string, string>([
		...units.map((u) => [u.code, u.name] as const),
		...groups.map((g) => [g.code, g.name[lang]] as const)
	]);
	return {
		names,
		decisions: decisions
			.map((d) => ({
				field: d.field,
				raw: d.raw,
				code: d.code,
				meaning: d.code === null ? null : (meaning.get(d.code) ?? null),
				decidedAt: d.decidedAt,
				decidedBy: d.decidedBy
			}))
			.reverse(),
		choices: choicesFor(units, groups, lang)
	};
}

export const DECISIONS = ['accept', 'ignore', 'undo'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** A form's decision that is incomplete: nothing is run. */
export class IncompleteDecision extends Error {}

/**
 * Runs `names accept|ignore|undo` for the form's name (and code), as `user`. The name goes after
 * "--" so a name that starts with a dash is a name, not an option.
 */
export async function decideName(
	user: User,
	kind: DecisionKind,
	form: FormData,
	lang: Lang
): Promise<CommandReport> {
	const name = form.get('name');
	const code = form.get('code');
	if (typeof name !== 'string' || name.trim() === '') throw new IncompleteDecision('name');
	if (kind === 'accept' && (typeof code !== 'string' || code.trim() === ''))
		throw new IncompleteDecision('code');
	const args = [
		'names',
		kind,
		'--lang',
		lang,
		'--',
		name,
		...(kind === 'accept' ? [String(code).trim()] : [])
	];
	return commandReport(await runPipeline(args, { actor: user.name }));
}
