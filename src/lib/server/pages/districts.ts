/** Districts: the choropleth and ranking; one district: its communes. */
import { rankedBarsOption } from '../../charts/options.ts';
import { byShare, toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { renderChart } from '../charts.ts';
import { cachedProgress, memo } from '../live.ts';
import { districtBoundaries, type Boundaries } from './shared.ts';

export interface DistrictsData {
	districts: UnitRow[];
	threshold: number | null;
	boundaries: Boundaries;
	chart: string;
}

async function buildDistrictsData(
	db: Db,
	preset: TargetPreset,
	view: View
): Promise<DistrictsData> {
	const units = await cachedProgress(db, preset, view.asOf);
	const districts = units
		.filter((u) => u.kind === 'district')
		.map(toRow)
		.sort(byShare);
	const threshold = districts.find((d) => d.threshold !== null)?.threshold ?? null;
	const chart = renderChart(rankedBarsOption(districts, threshold, view.lang), {
		width: 640,
		height: 80 + districts.length * 34
	});
	return { districts, threshold, boundaries: districtBoundaries(), chart };
}

/** Cached per database file, preset, day and language. */
export function districtsData(db: Db, preset: TargetPreset, view: View): Promise<DistrictsData> {
	return memo(db, `districts|${preset.id}|${view.asOf}|${view.lang}`, () =>
		buildDistrictsData(db, preset, view)
	);
}
