/**
 * The target-preset form: a preset as the form's fields hold it (text as typed), to and from the
 * form's data, and into the JSON that parsePreset validates — the same check as a preset file,
 * so the form cannot save what the dashboard would refuse. Field names are the JSON paths with
 * dots ("targets.2.threshold" for $.targets[2].threshold), so a problem lands next to its field.
 */
import { ConfigError, problemText } from './config-errors.ts';
import type { Lang } from './format.ts';
import type { TargetPreset } from './targets.ts';

export interface MilestoneDraft {
	date: string;
	share: string;
}

export interface TargetDraft {
	id: string;
	label: { vi: string; en: string };
	/** A unit kind, or '' when the target names one unit. */
	appliesTo: { kind: string; unit: string };
	metric: string;
	threshold: string;
	start: string;
	deadline: string;
	milestones: MilestoneDraft[];
	source: { document: string; item: string };
}

export interface PresetDraft {
	id: string;
	name: { vi: string; en: string };
	source: string;
	rules: {
		paceMargin: string;
		farBehindRatio: string;
		projectionWindowDays: string;
		inactivityDays: string;
	};
	targets: TargetDraft[];
}

export function emptyMilestone(): MilestoneDraft {
	return { date: '', share: '' };
}

export function emptyTarget(): TargetDraft {
	return {
		id: '',
		label: { vi: '', en: '' },
		appliesTo: { kind: 'district', unit: '' },
		metric: 'recognised',
		threshold: '',
		start: '',
		deadline: '',
		milestones: [],
		source: { document: '', item: '' }
	};
}

/** A new preset: the rules the demo's presets use, one target to fill in. */
export function emptyDraft(): PresetDraft {
	return {
		id: '',
		name: { vi: '', en: '' },
		source: '',
		rules: {
			paceMargin: '0.05',
			farBehindRatio: '0.5',
			projectionWindowDays: '30',
			inactivityDays: '30'
		},
		targets: [emptyTarget()]
	};
}

export function draftFromPreset(p: TargetPreset): PresetDraft {
	return {
		id: p.id,
		name: { ...p.name },
		source: p.source,
		rules: {
			paceMargin: String(p.rules.paceMargin),
			farBehindRatio: String(p.rules.farBehindRatio),
			projectionWindowDays: String(p.rules.projectionWindowDays),
			inactivityDays: String(p.rules.inactivityDays)
		},
		targets: p.targets.map((t) => ({
			id: t.id,
			label: { ...t.label },
			appliesTo:
				'kind' in t.appliesTo
					? { kind: t.appliesTo.kind, unit: '' }
					: { kind: '', unit: t.appliesTo.unit },
			metric: t.metric,
			threshold: String(t.threshold),
			start: t.start,
			deadline: t.deadline,
			milestones: t.milestones.map((m) => ({ date: m.date, share: String(m.share) })),
			source: { ...t.source }
		}))
	};
}

type Tree = { [key: string]: Tree | string };

/** "targets.0.label.vi" = "…" into nested objects (numeric keys stay keys: read in order). */
function nest(entries: Iterable<[string, FormDataEntryValue]>): Tree {
	const root: Tree = {};
	for (const [key, value] of entries) {
		if (typeof value !== 'string') continue;
		const parts = key.split('.');
		let node = root;
		for (const part of parts.slice(0, -1)) {
			const next = node[part];
			node = typeof next === 'object' ? next : (node[part] = {});
		}
		node[parts.at(-1)!] = value;
	}
	return root;
}

const text = (t: Tree | string | undefined): string => (typeof t === 'string' ? t : '');
const branch = (t: Tree | string | undefined): Tree => (typeof t === 'object' ? t : {});
/** The numbered children in their numeric order. */
const rows = (t: Tree | string | undefined): Tree[] =>
	Object.entries(branch(t))
		.filter(([k]) => /^\d+$/.test(k))
		.sort(([a], [b]) => Number(a) - Number(b))
		.map(([, v]) => branch(v));
const blank = (values: string[]) => values.every((v) => v.trim() === '');

/**
 * The form's data as a draft; rows left blank (a target or milestone added, never filled) are
 * dropped, so the draft's numbering is the JSON's and problems point at the right row.
 */
export function draftFromForm(form: Iterable<[string, FormDataEntryValue]>): PresetDraft {
	const t = nest(form);
	const pair = (x: Tree | string | undefined) => ({
		vi: text(branch(x).vi),
		en: text(branch(x).en)
	});
	const rules = branch(t.rules);
	return {
		id: text(t.id),
		name: pair(t.name),
		source: text(t.source),
		rules: {
			paceMargin: text(rules.paceMargin),
			farBehindRatio: text(rules.farBehindRatio),
			projectionWindowDays: text(rules.projectionWindowDays),
			inactivityDays: text(rules.inactivityDays)
		},
		targets: rows(t.targets)
			.map((r): TargetDraft => {
				const applies = branch(r.appliesTo);
				const source = branch(r.source);
				return {
					id: text(r.id),
					label: pair(r.label),
					appliesTo: { kind: text(applies.kind), unit: text(applies.unit) },
					metric: text(r.metric),
					threshold: text(r.threshold),
					start: text(r.start),
					deadline: text(r.deadline),
					milestones: rows(r.milestones)
						.map((m) => ({ date: text(m.date), share: text(m.share) }))
						.filter((m) => !blank([m.date, m.share])),
					source: { document: text(source.document), item: text(source.item) }
				};
			})
			.filter(
				(d) =>
					!blank([
						d.id,
						d.label.vi,
						d.label.en,
						d.appliesTo.unit,
						d.threshold,
						d.start,
						d.deadline,
						d.source.document,
						d.source.item
					]) || d.milestones.length > 0
			)
	};
}

/**
 * A number as typed, "0,4" (Vietnamese) or "0.4"; a blank field is missing; anything else stays
 * text, so the check names the value the user typed.
 */
function number(value: string): number | string | undefined {
	const v = value.trim().replace(',', '.');
	if (v === '') return undefined;
	return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : value.trim();
}
const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The preset file the draft stands for, before validation. */
export function presetJson(d: PresetDraft): unknown {
	const pair = (x: { vi: string; en: string }) => ({ vi: optional(x.vi), en: optional(x.en) });
	return {
		id: optional(d.id),
		name: pair(d.name),
		source: optional(d.source),
		rules: {
			paceMargin: number(d.rules.paceMargin),
			farBehindRatio: number(d.rules.farBehindRatio),
			projectionWindowDays: number(d.rules.projectionWindowDays),
			inactivityDays: number(d.rules.inactivityDays)
		},
		targets: d.targets.map((t) => ({
			id: optional(t.id),
			label: pair(t.label),
			appliesTo:
				t.appliesTo.kind !== '' ? { kind: t.appliesTo.kind } : { unit: optional(t.appliesTo.unit) },
			metric: optional(t.metric),
			threshold: number(t.threshold),
			start: optional(t.start),
			deadline: optional(t.deadline),
			milestones: t.milestones.map((m) => ({ date: optional(m.date), share: number(m.share) })),
			source: { document: optional(t.source.document), item: optional(t.source.item) }
		}))
	};
}

/** "$.targets[2].milestones[0].share" → "targets.2.milestones.0.share", the field's name. */
export function fieldName(jsonPath: string): string {
	return jsonPath
		.replace(/^\$\.?/, '')
		.replace(/\[(\d+)\]/g, '.$1')
		.replace(/^\./, '');
}

/** A validation problem, as the form shows it: by the field it concerns (or the form: ''). */
export function fieldProblem(error: ConfigError, lang: Lang): { field: string; text: string } {
	const field = error.place.path === undefined ? '' : fieldName(error.place.path);
	const value = error.value === undefined ? '' : ` (${error.value})`;
	return { field, text: `${problemText(error, lang)}${value}` };
}
