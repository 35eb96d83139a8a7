/** Agencies or armed-force units: ranked against their target, with the table's columns. */
import { rankedBarsOption } from '../../charts/options.ts';
import { byShare, toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { renderChart } from '../charts.ts';
import { cachedProgress, memo } from '../live.ts';

export interface OrganisationsData {
	units: UnitRow[];
	threshold: number | null;
	/** Ranked bars of the top-level units (sub-units are in the table). */
	chart: string;
}

async function buildOrganisationsData(
	db: Db,
	preset: TargetPreset,
	view: View,
	kind: 'agency' | 'armed_force'
): Promise<OrganisationsData> {
	const units = (await cachedProgress(db, preset, view.asOf))
		.filter((u) => u.kind === kind)
		.map(toRow)
		.sort(byShare);
	const threshold = units.find((u) => u.threshold !== null)?.threshold ?? null;
	const top = units.filter((u) => !units.some((p) => p.code === u.parent));
	const chart = renderChart(rankedBarsOption(top, threshold, view.lang), {
		width: 900,
		height: 80 + top.length * 30
	});
	return { units, threshold, chart };
}

/** Cached per database file, preset, day and language. */
export function organisationsData(
	db: Db,
	preset: TargetPreset,
	view: View,
	kind: 'agency' | 'armed_force'
): Promise<OrganisationsData> {
	return memo(db, `${kind}|${preset.id}|${view.asOf}|${view.lang}`, () =>
		buildOrganisationsData(db, preset, view, kind)
	);
}
