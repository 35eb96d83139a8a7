/** The overview: tiles per target, the district map, rankings, the province curve, flag counts. */
import type { FlagKind } from '../../flags.ts';
import { toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { cachedProgress } from '../live.ts';
import { districtBoundaries, flagCounts, provinceTarget, ranking, rowsOfKind, targetTiles, unitCurve, type Boundaries, type CurvePoint, type TargetTile } from './shared.ts';

export interface OverviewData {
	province: UnitRow;
	tiles: TargetTile[];
	districts: UnitRow[];
	boundaries: Boundaries;
	rankings: { kind: 'district' | 'agency' | 'armed_force'; best: UnitRow[]; worst: UnitRow[] }[];
	curve: CurvePoint[];
	flagCounts: Record<FlagKind, number>;
}

export async function overviewData(db: Db, preset: TargetPreset, view: View): Promise<OverviewData> {
	const units = await cachedProgress(db, preset, view.asOf);
	const province = units.find((u) => u.kind === 'province');
	if (!province) throw new Error('the unit list has no province');
	const target = provinceTarget(preset);
	return {
		province: toRow(province),
		tiles: targetTiles(preset, units, view.asOf),
		districts: rowsOfKind(units, 'district'),
		boundaries: districtBoundaries(),
		rankings: (['district', 'agency', 'armed_force'] as const).map((kind) => ({ kind, ...ranking(units, kind, 5) })),
		curve: await unitCurve(db, { ...province, eligible: province.eligible }, target, view.asOf, false),
		flagCounts: flagCounts(units)
	};
}
