/**
 * One unit's page: its figures and flags, the curve against the target path, the funnel, the
 * groups, its sub-units and the imports its figures come from. Confidential units get shares.
 */
import type { IsoDate } from '../../dates.ts';
import { countBarsOption, curveOption } from '../../charts/options.ts';
import { t } from '../../i18n/index.ts';
import { coarseShare } from '../../progress.ts';
import { byShare, toRow, type UnitRow } from '../../rows.ts';
import type { Localised, TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { renderChart } from '../charts.ts';
import { cachedProgress, cachedSnapshots, memo } from '../live.ts';
import { listPersonGroups } from '../names.ts';
import { countsByGroup, cumulativeSeries, importsOfUnit, inForce } from '../progress.ts';
import { suppressArmedForces } from '../../suppression.ts';
import { curvePoints } from './shared.ts';

export interface UnitData {
	unit: UnitRow;
	parent: UnitRow | null;
	children: UnitRow[];
	target: {
		label: Localised;
		threshold: number;
		start: IsoDate;
		deadline: IsoDate;
		source: { document: string; item: string };
	} | null;
	/**
	 * Counts by group (shares, rounded, on confidential units). Elsewhere the armed-forces group
	 * is merged into another group or the breakdown left out (src/lib/suppression.ts): its
	 * count, or the total minus the other groups, would tell a confidential number.
	 */
	groups: {
		group: string;
		/** The group's name, from the vocabulary the pipeline matched with. */
		label: Localised;
		registered: number | null;
		recognised: number | null;
		digital: number | null;
	}[];
	funnel: { registered: number | null; recognised: number | null; digital: number | null };
	asShares: boolean;
	charts: { curve: string; funnel: string };
	/** Rows each import gave the unit; null for confidential units (a count). */
	imports: { id: number; file: string; asOf: IsoDate; rows: number | null }[];
}

async function buildUnitData(
	db: Db,
	preset: TargetPreset,
	view: View,
	code: string
): Promise<UnitData | null> {
	const snapshots = await cachedSnapshots(db);
	// What needs only the unit's code is asked for while the day's progress is computed.
	const [units, series, groups, imports, labels] = await Promise.all([
		cachedProgress(db, preset, view.asOf),
		cumulativeSeries(db.kysely, code, view.asOf, snapshots),
		countsByGroup(db.kysely, code, view.asOf, snapshots),
		// Not the day's: every import of the unit, filtered below, so kept per file.
		memo(db, `imports|${code}`, () => importsOfUnit(db.kysely, code)),
		memo(db, 'groups', () => listPersonGroups(db.kysely))
	]);
	const unit = units.find((u) => u.code === code);
	if (!unit) return null;
	const parent = units.find((u) => u.code === unit.parent) ?? null;
	const asShares = unit.confidential;
	// Confidential units only: a count as a share of the eligible count, rounded as published.
	const share = (v: number) => coarseShare(unit.eligible ? v / unit.eligible : 0, unit.eligible);
	const known = inForce(snapshots, view.asOf);
	const curve = curvePoints(series, unit, unit.target, asShares);
	const label = (group: string): Localised =>
		labels.find((l) => l.code === group)?.name ?? { vi: group, en: group };
	const withArmed = (l: Localised): Localised => ({
		vi: t('vi', 'groupWithArmedForces', { group: l.vi }),
		en: t('en', 'groupWithArmedForces', { group: l.en })
	});
	const funnel = asShares
		? {
				registered: coarseShare(unit.registeredShare, unit.eligible),
				recognised: coarseShare(unit.recognisedShare, unit.eligible),
				digital: unit.recognised ? share(unit.digital ?? 0) : null
			}
		: { registered: unit.registered, recognised: unit.recognised, digital: unit.digital };
	const lang = view.lang;
	const funnelBars = [
		{ label: t(lang, 'registered'), value: funnel.registered ?? 0 },
		{ label: t(lang, 'recognised'), value: funnel.recognised ?? 0 },
		{ label: t(lang, 'digitalSkills'), value: funnel.digital ?? 0 }
	];
	return {
		unit: toRow(unit),
		parent: parent && toRow(parent),
		children: units
			.filter((u) => u.parent === code)
			.map(toRow)
			.sort(byShare),
		target: unit.target && {
			label: unit.target.label,
			threshold: unit.target.threshold,
			start: unit.target.start,
			deadline: unit.target.deadline,
			source: unit.target.source
		},
		groups: asShares
			? groups.map((g) => ({
					group: g.group,
					label: label(g.group),
					registered: share(g.registered),
					recognised: share(g.recognised),
					digital: share(g.digital)
				}))
			: suppressArmedForces(groups).map(({ withArmedForces, ...g }) => ({
					...g,
					label: withArmedForces ? withArmed(label(g.group)) : label(g.group)
				})),
		funnel,
		asShares,
		charts: {
			curve: renderChart(curveOption(curve, asShares, lang), { width: 720, height: 380 }),
			funnel: renderChart(countBarsOption(funnelBars, lang, asShares), { width: 560, height: 170 })
		},
		// The imports known on the day: later ones do not stand behind these figures.
		imports: imports
			.filter((i) => known === null || i.asOf <= known)
			.map((i) => ({
				id: i.id,
				file: i.file,
				asOf: i.asOf,
				rows: asShares ? null : i.rows
			}))
	};
}

/** Cached per database file, preset, day and language. */
export function unitData(
	db: Db,
	preset: TargetPreset,
	view: View,
	code: string
): Promise<UnitData | null> {
	return memo(db, `unit|${code}|${preset.id}|${view.asOf}|${view.lang}`, () =>
		buildUnitData(db, preset, view, code)
	);
}
