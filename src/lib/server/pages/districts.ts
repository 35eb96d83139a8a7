/** Districts: the choropleth and ranking; one district: its communes. */
import { byShare, toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { cachedProgress } from '../live.ts';
import { districtBoundaries, type Boundaries } from './shared.ts';

export interface DistrictsData {
	districts: UnitRow[];
	threshold: number | null;
	boundaries: Boundaries;
}

export async function districtsData(db: Db, preset: TargetPreset, view: View): Promise<DistrictsData> {
	const units = await cachedProgress(db, preset, view.asOf);
	const districts = units.filter((u) => u.kind === 'district').map(toRow).sort(byShare);
	return { districts, threshold: districts.find((d) => d.threshold !== null)?.threshold ?? null, boundaries: districtBoundaries() };
}
