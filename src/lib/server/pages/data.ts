/** Every unit as the pages publish it, for the analysts' downloads (/data/progress.*). */
import { toRow, type UnitRow } from '../../rows.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { cachedProgress, memo } from '../live.ts';

async function buildPublishedUnits(db: Db, preset: TargetPreset, view: View): Promise<UnitRow[]> {
	// toRow is the pages' own redaction: confidential counts null, shares rounded.
	return (await cachedProgress(db, preset, view.asOf)).map(toRow);
}

/** Cached per database file, preset and day, in the unit list's order. */
export function publishedUnits(db: Db, preset: TargetPreset, view: View): Promise<UnitRow[]> {
	return memo(db, `published|${preset.id}|${view.asOf}`, () =>
		buildPublishedUnits(db, preset, view)
	);
}
