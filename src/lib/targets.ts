/**
 * Targets are data: a preset (one JSON file under data/targets/) lists what a province or district
 * committed to, each target citing the document and item it comes from. Nothing here knows Hà Tĩnh.
 */
import { isIsoDate, type IsoDate } from './dates.ts';
import { ConfigError, type ConfigProblem } from './config-errors.ts';
import { isUnitKind, UNIT_KINDS, type Unit, type UnitKind } from './units.ts';

/**
 * What a target measures, as a share:
 * - recognised: people recognised ÷ eligible (the default);
 * - registered: people registered ÷ eligible;
 * - digital_skills: people recognised with digital skills ÷ people recognised;
 * - trained: association members trained ÷ members — the exports carry no such data, so this
 *   metric always reads "no data" until a source exists.
 */
export const METRICS = ['recognised', 'registered', 'digital_skills', 'trained'] as const;
export type Metric = (typeof METRICS)[number];

export interface Localised {
	vi: string;
	en: string;
}

export interface TargetSource {
	document: string;
	item: string;
}

export interface Milestone {
	date: IsoDate;
	/** Expected share by that date, 0–1. */
	share: number;
}

export interface Target {
	id: string;
	label: Localised;
	appliesTo: { kind: UnitKind } | { unit: string };
	metric: Metric;
	/** Share to reach by the deadline, 0–1. */
	threshold: number;
	start: IsoDate;
	deadline: IsoDate;
	/** Optional intermediate points of the expected path; linear between them. */
	milestones: Milestone[];
	source: TargetSource;
}

/** Thresholds of the laggard rules, per preset. */
export interface Rules {
	/** Behind pace when the share is below the expected share by more than this (0–1). */
	paceMargin: number;
	/** "Far behind" on the map when the share is below this fraction of the expected share. */
	farBehindRatio: number;
	/** Days of history behind the projected rate. */
	projectionWindowDays: number;
	/** No activity when nobody registered in this many days. */
	inactivityDays: number;
}

export interface TargetPreset {
	id: string;
	name: Localised;
	source: string;
	rules: Rules;
	targets: Target[];
}

const PRESET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** Validates a parsed preset file; every problem names the file, the JSON path and the value. */
export function parsePreset(json: unknown, file: string): TargetPreset {
	const fail = (path: string, value: unknown, problem: ConfigProblem, params = {}): never => {
		throw new ConfigError({ file, path }, problem, value, params);
	};
	const obj = (v: unknown, path: string): Record<string, unknown> =>
		typeof v === 'object' && v !== null && !Array.isArray(v)
			? (v as Record<string, unknown>)
			: fail(path, v, 'object');
	const str = (v: unknown, path: string): string =>
		typeof v === 'string' && v.trim() !== '' ? v : fail(path, v, 'text');
	const share = (v: unknown, path: string): number => {
		if (typeof v === 'number' && v >= 0 && v <= 1) return v;
		// 40 for 40%: the slip everyone makes once; say how to write it.
		if (typeof v === 'number' && v > 1 && v <= 100)
			fail(path, v, 'percent', { percent: v, share: v / 100 });
		return fail(path, v, 'share');
	};
	const date = (v: unknown, path: string): IsoDate =>
		typeof v === 'string' && isIsoDate(v) ? v : fail(path, v, 'date');
	const positive = (v: unknown, path: string): number =>
		typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fail(path, v, 'positive');
	const localised = (v: unknown, path: string): Localised => {
		const o = obj(v, path);
		return { vi: str(o.vi, `${path}.vi`), en: str(o.en, `${path}.en`) };
	};

	const root = obj(json, '$');
	const id = str(root.id, '$.id');
	// The id names the preset's file (data/targets/<id>.json): nothing that leaves the folder.
	if (!PRESET_ID.test(id) || id.includes('..')) fail('$.id', id, 'presetId');
	const rules = obj(root.rules, '$.rules');
	const targets = Array.isArray(root.targets)
		? root.targets
		: fail('$.targets', root.targets, 'list');
	const ids = new Set<string>();
	const preset: TargetPreset = {
		id,
		name: localised(root.name, '$.name'),
		source: str(root.source, '$.source'),
		rules: {
			paceMargin: share(rules.paceMargin, '$.rules.paceMargin'),
			farBehindRatio: share(rules.farBehindRatio, '$.rules.farBehindRatio'),
			projectionWindowDays: positive(rules.projectionWindowDays, '$.rules.projectionWindowDays'),
			inactivityDays: positive(rules.inactivityDays, '$.rules.inactivityDays')
		},
		targets: targets.map((t, i): Target => {
			const path = `$.targets[${i}]`;
			const o = obj(t, path);
			const id = str(o.id, `${path}.id`);
			if (ids.has(id)) fail(`${path}.id`, id, 'duplicateId', { id });
			ids.add(id);
			const applies = obj(o.appliesTo, `${path}.appliesTo`);
			let appliesTo: Target['appliesTo'];
			if (typeof applies.kind === 'string') {
				if (!isUnitKind(applies.kind))
					fail(`${path}.appliesTo.kind`, applies.kind, 'unknownKind', {
						kinds: UNIT_KINDS.join(', ')
					});
				appliesTo = { kind: applies.kind as UnitKind };
			} else {
				appliesTo = { unit: str(applies.unit, `${path}.appliesTo.unit`) };
			}
			const metric = str(o.metric, `${path}.metric`);
			if (!(METRICS as readonly string[]).includes(metric)) {
				fail(`${path}.metric`, metric, 'unknownMetric', { metrics: METRICS.join(', ') });
			}
			const start = date(o.start, `${path}.start`);
			const deadline = date(o.deadline, `${path}.deadline`);
			if (deadline <= start) fail(`${path}.deadline`, deadline, 'afterStart');
			const milestones = (Array.isArray(o.milestones) ? o.milestones : []).map((m, j) => {
				const mo = obj(m, `${path}.milestones[${j}]`);
				const md = date(mo.date, `${path}.milestones[${j}].date`);
				if (md <= start || md >= deadline) {
					fail(`${path}.milestones[${j}].date`, md, 'between');
				}
				return { date: md, share: share(mo.share, `${path}.milestones[${j}].share`) };
			});
			const source = obj(o.source, `${path}.source`);
			return {
				id,
				label: localised(o.label, `${path}.label`),
				appliesTo,
				metric: metric as Metric,
				threshold: share(o.threshold, `${path}.threshold`),
				start,
				deadline,
				milestones: milestones.sort((a, b) => (a.date < b.date ? -1 : 1)),
				source: {
					document: str(source.document, `${path}.source.document`),
					item: str(source.item, `${path}.source.item`)
				}
			};
		})
	};
	return preset;
}

/**
 * The targets that apply to a unit: targets naming the unit win over targets for its kind, one
 * per metric.
 */
export function targetsFor(unit: Pick<Unit, 'code' | 'kind'>, preset: TargetPreset): Target[] {
	const byMetric = new Map<Metric, Target>();
	for (const t of preset.targets) {
		if ('kind' in t.appliesTo && t.appliesTo.kind === unit.kind && !byMetric.has(t.metric)) {
			byMetric.set(t.metric, t);
		}
	}
	for (const t of preset.targets) {
		if ('unit' in t.appliesTo && t.appliesTo.unit === unit.code) byMetric.set(t.metric, t);
	}
	return [...byMetric.values()];
}

/** The target a unit is ranked and flagged on: its recognised target if any, else the first. */
export function mainTarget(unit: Pick<Unit, 'code' | 'kind'>, preset: TargetPreset): Target | null {
	const all = targetsFor(unit, preset);
	return all.find((t) => t.metric === 'recognised') ?? all[0] ?? null;
}
