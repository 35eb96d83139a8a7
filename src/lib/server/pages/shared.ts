/**
 * Pieces several pages share: target tiles, rankings, the province curve, boundaries.
 */
import type { FeatureCollection } from 'geojson';
import { readFileSync } from 'node:fs';
import { daysBetween, type IsoDate } from '../../dates.ts';
import type { FlagKind } from '../../flags.ts';
import { expectedShare } from '../../pace.ts';
import { coarseShare, type UnitProgress } from '../../progress.ts';
import { byShare, toRow, type UnitRow } from '../../rows.ts';
import type { Localised, Metric, Target, TargetPreset } from '../../targets.ts';
import type { UnitKind } from '../../units.ts';
import type { Db } from '../db.ts';
import { appConfig, cachedSnapshots } from '../live.ts';
import { cumulativeSeries, type DailyPoint } from '../progress.ts';

export interface TargetTile {
	id: string;
	label: Localised;
	metric: Metric;
	threshold: number;
	deadline: IsoDate;
	/** Days from the as-of day to the deadline (negative once passed). */
	daysLeft: number;
	/** The combined share of the units the target applies to; null: no data source. */
	share: number | null;
	/** The combined share exists but covers too few confidential people to be published. */
	withheld: boolean;
	/** Units at or above the threshold, of `total`. */
	reached: number;
	total: number;
	source: { document: string; item: string };
}

/** Units that are not sub-units of their own kind (sub-units already count in their parent). */
function topLevel(units: UnitProgress[], kind: UnitKind): UnitProgress[] {
	const kinds = new Map(units.map((u) => [u.code, u.kind]));
	return units.filter((u) => u.kind === kind && kinds.get(u.parent ?? '') !== kind);
}

function combinedShare(metric: Metric, units: UnitProgress[]): number | null {
	const sum = (f: (u: UnitProgress) => number | null) => units.reduce((s, u) => s + (f(u) ?? 0), 0);
	const eligible = sum((u) => u.eligible);
	switch (metric) {
		case 'recognised':
			return eligible > 0 ? sum((u) => u.recognised) / eligible : null;
		case 'registered':
			return eligible > 0 ? sum((u) => u.registered) / eligible : null;
		case 'digital_skills': {
			const recognised = sum((u) => u.recognised);
			return recognised > 0 ? sum((u) => u.digital) / recognised : null;
		}
		case 'trained':
			return null;
	}
}

/** The people a combined share is a share of. */
function denominator(metric: Metric, units: UnitProgress[]): number {
	return units.reduce(
		(s, u) => s + ((metric === 'digital_skills' ? u.recognised : u.eligible) ?? 0),
		0
	);
}

/** One tile per target of the preset, computed server-side (so confidential counts stay here). */
export function targetTiles(
	preset: TargetPreset,
	units: UnitProgress[],
	asOf: IsoDate
): TargetTile[] {
	return preset.targets.map((target) => {
		const covered =
			'kind' in target.appliesTo
				? topLevel(units, target.appliesTo.kind)
				: units.filter((u) => 'unit' in target.appliesTo && u.code === target.appliesTo.unit);
		const measured = covered.filter((u) => u.target?.id === target.id);
		const combined =
			target.metric === 'trained'
				? null
				: combinedShare(
						target.metric,
						measured.filter((u) => u.hasRows)
					);
		// Over confidential units the combined share is theirs: published like their own shares.
		const share = measured.some((u) => u.confidential)
			? coarseShare(
					combined,
					denominator(
						target.metric,
						measured.filter((u) => u.hasRows)
					)
				)
			: combined;
		return {
			id: target.id,
			label: target.label,
			metric: target.metric,
			threshold: target.threshold,
			deadline: target.deadline,
			daysLeft: daysBetween(asOf, target.deadline),
			share,
			withheld: combined !== null && share === null,
			// By class, which a confidential unit gets from its published share.
			reached: measured.filter((u) => u.paceClass === 'reached').length,
			total: measured.length,
			source: target.source
		};
	});
}

export function rowsOfKind(units: UnitProgress[], kind: UnitKind): UnitRow[] {
	return units.filter((u) => u.kind === kind).map(toRow);
}

/** The n best and n worst top-level units of a kind by their target share. */
export function ranking(
	units: UnitProgress[],
	kind: UnitKind,
	n: number
): { best: UnitRow[]; worst: UnitRow[] } {
	const rows = topLevel(units, kind)
		.map(toRow)
		.filter((r) => r.share !== null)
		.sort(byShare);
	// With few units (the three armed-force units) the lists would repeat each other.
	return { best: rows.slice(0, n), worst: rows.slice(Math.max(n, rows.length - n)).reverse() };
}

export function flagCounts(units: UnitProgress[]): Record<FlagKind, number> {
	const counts: Record<FlagKind, number> = {
		behind_target: 0,
		projected_miss: 0,
		behind_pace: 0,
		no_data: 0,
		no_activity: 0,
		no_budget: 0,
		no_training: 0
	};
	for (const u of units) for (const f of u.flags) counts[f.kind]++;
	return counts;
}

export interface CurvePoint {
	day: IsoDate;
	registered: number | null;
	recognised: number | null;
	/** Recognised people the target expects by that day. */
	target: number | null;
}

/**
 * A unit's cumulative curve with the target path. For confidential units the caller passes
 * `asShares`: every value becomes a share of the eligible count, rounded like the unit's own
 * shares, so no count leaves the server.
 */
export async function unitCurve(
	db: Db,
	unit: UnitProgress,
	target: Target | null,
	asOf: IsoDate,
	asShares: boolean
): Promise<CurvePoint[]> {
	const series = await cumulativeSeries(db.kysely, unit.code, asOf, await cachedSnapshots(db));
	return curvePoints(series, unit, target, asShares);
}

/**
 * `unitCurve` from a series already read: the pages ask for the series while the day's progress
 * is still being computed, since it needs only the unit's code.
 */
export function curvePoints(
	series: DailyPoint[],
	unit: Pick<UnitProgress, 'eligible'>,
	target: Target | null,
	asShares: boolean
): CurvePoint[] {
	const eligible = unit.eligible ?? 0;
	const scale = (v: number) =>
		asShares ? (eligible > 0 ? coarseShare(v / eligible, eligible) : null) : v;
	const targetAt = (day: IsoDate) =>
		target && eligible > 0 && target.metric !== 'digital_skills'
			? (asShares ? 1 : eligible) * expectedShare(target, day)
			: null;
	const points: CurvePoint[] = series.map((p) => ({
		day: p.day,
		registered: scale(p.registered),
		recognised: scale(p.recognised),
		target: targetAt(p.day)
	}));
	if (target) {
		// The path's corners, so the line is drawn to the deadline even before data reaches it.
		for (const day of [target.start, ...target.milestones.map((m) => m.date), target.deadline]) {
			points.push({ day, registered: null, recognised: null, target: targetAt(day) });
		}
	}
	return points.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The target that sets the province's path: the citizens' target (districts), else one for the province. */
export function provinceTarget(preset: TargetPreset): Target | null {
	const kinds: UnitKind[] = ['district', 'province', 'commune'];
	for (const kind of kinds) {
		const t = preset.targets.find(
			(x) =>
				'kind' in x.appliesTo &&
				x.appliesTo.kind === kind &&
				(x.metric === 'recognised' || x.metric === 'registered')
		);
		if (t) return t;
	}
	return null;
}

export interface Boundaries {
	geojson: FeatureCollection | null;
	source: string | null;
	tileUrl: string | null;
	tileAttribution: string | null;
}

let boundaries: Boundaries | null = null;

/** The district boundaries from the configured GeoJSON; a missing or broken file means none. */
export function districtBoundaries(): Boundaries {
	if (boundaries) return boundaries;
	const config = appConfig();
	let geojson: FeatureCollection | null = null;
	try {
		if (config.boundaries)
			geojson = JSON.parse(readFileSync(config.boundaries, 'utf8')) as FeatureCollection;
	} catch (error) {
		console.error(
			`boundaries ${config.boundaries}: ${(error as Error).message}; the map is replaced by its table`
		);
	}
	boundaries = {
		geojson,
		source: config.boundarySource,
		tileUrl: config.tileUrl,
		tileAttribution: config.tileAttribution
	};
	return boundaries;
}
