/** Every flagged unit, most severe first, with its reasons. */
import { toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { cachedProgress, memo } from '../live.ts';

async function buildLaggardsData(db: Db, preset: TargetPreset, view: View): Promise<UnitRow[]> {
	const units = await cachedProgress(db, preset, view.asOf);
	return units
		.filter((u) => u.flags.length > 0)
		.map(toRow)
		.sort((a, b) => b.severity - a.severity || a.name.localeCompare(b.name, 'vi'));
}

/** Cached per database file, preset, day and language. */
export function laggardsData(db: Db, preset: TargetPreset, view: View): Promise<UnitRow[]> {
	return memo(db, `laggards|${preset.id}|${view.asOf}`, () => buildLaggardsData(db, preset, view));
}
