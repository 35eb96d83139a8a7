/** The overview: tiles per target, the district map, rankings, the province curve, flag counts. */
import { countBarsOption, curveOption } from '../../charts/options.ts';
import { flagLabel } from '../../explain.ts';
import { FLAG_KINDS, type FlagKind } from '../../flags.ts';
import { toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { renderChart } from '../charts.ts';
import { cachedProgress, cachedSnapshots, cachedUnits, memo } from '../live.ts';
import { cumulativeSeries } from '../progress.ts';
import {
	districtBoundaries,
	flagCounts,
	provinceTarget,
	ranking,
	rowsOfKind,
	targetTiles,
	curvePoints,
	type Boundaries,
	type TargetTile
} from './shared.ts';

export interface OverviewData {
	province: UnitRow;
	tiles: TargetTile[];
	districts: UnitRow[];
	boundaries: Boundaries;
	rankings: { kind: 'district' | 'agency' | 'armed_force'; best: UnitRow[]; worst: UnitRow[] }[];
	flagCounts: Record<FlagKind, number>;
	charts: { curve: string; flags: string };
}

async function buildOverviewData(db: Db, preset: TargetPreset, view: View): Promise<OverviewData> {
	const [list, snapshots] = await Promise.all([cachedUnits(db), cachedSnapshots(db)]);
	const code = list.find((u) => u.kind === 'province')?.code;
	if (!code) throw new Error('the unit list has no province');
	// The curve's series while the day's progress is computed: it needs only the code.
	const [units, series] = await Promise.all([
		cachedProgress(db, preset, view.asOf),
		cumulativeSeries(db.kysely, code, view.asOf, snapshots)
	]);
	const province = units.find((u) => u.code === code)!;
	const target = provinceTarget(preset);
	const counts = flagCounts(units);
	const curve = curvePoints(series, province, target, false);
	return {
		province: toRow(province),
		tiles: targetTiles(preset, units, view.asOf),
		districts: rowsOfKind(units, 'district'),
		boundaries: districtBoundaries(),
		rankings: (['district', 'agency', 'armed_force'] as const).map((kind) => ({
			kind,
			...ranking(units, kind, 5)
		})),
		flagCounts: counts,
		charts: {
			curve: renderChart(curveOption(curve, false, view.lang), { width: 760, height: 420 }),
			flags: renderChart(
				countBarsOption(
					FLAG_KINDS.map((k) => ({ label: flagLabel(k, view.lang), value: counts[k] })),
					view.lang
				),
				{ width: 560, height: 300 }
			)
		}
	};
}

/** Cached per database file, preset, day and language. */
export function overviewData(db: Db, preset: TargetPreset, view: View): Promise<OverviewData> {
	return memo(db, `overview|${preset.id}|${view.asOf}|${view.lang}`, () =>
		buildOverviewData(db, preset, view)
	);
}
