/** Agencies or armed-force units: ranked against their target, with the table's columns. */
import { byShare, toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { cachedProgress } from '../live.ts';

export interface OrganisationsData {
	units: UnitRow[];
	threshold: number | null;
}

export async function organisationsData(db: Db, preset: TargetPreset, view: View, kind: 'agency' | 'armed_force'): Promise<OrganisationsData> {
	const units = (await cachedProgress(db, preset, view.asOf)).filter((u) => u.kind === kind).map(toRow).sort(byShare);
	return { units, threshold: units.find((u) => u.threshold !== null)?.threshold ?? null };
}
