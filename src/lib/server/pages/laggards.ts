/** Every flagged unit, most severe first, with its reasons. */
import { toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { cachedProgress } from '../live.ts';

export async function laggardsData(db: Db, preset: TargetPreset, view: View): Promise<UnitRow[]> {
	const units = await cachedProgress(db, preset, view.asOf);
	return units
		.filter((u) => u.flags.length > 0)
		.map(toRow)
		.sort((a, b) => b.severity - a.severity || a.name.localeCompare(b.name, 'vi'));
}
