/**
 * What changed since the end of the previous month: the view's day against the last day of the
 * month before, both from the progress cache. The same comparison the monthly report makes.
 */
import type { IsoDate } from '../../dates.ts';
import type { TargetPreset } from '../../targets.ts';
import type { Db } from '../db.ts';
import { cachedProgress } from '../live.ts';
import { compareProgress, type MonthComparison } from '../report/model.ts';
import { previousMonthEnd } from '../report/month.ts';

/** The comparison for `asOf`, redacted; communes are left out unless asked for (216 rows a page). */
export async function changesData(
	db: Db,
	preset: TargetPreset,
	asOf: IsoDate,
	withCommunes = false
): Promise<MonthComparison> {
	const previousAsOf = previousMonthEnd(asOf);
	const [current, previous] = await Promise.all([
		cachedProgress(db, preset, asOf),
		cachedProgress(db, preset, previousAsOf)
	]);
	const comparison = compareProgress({ preset, asOf, previousAsOf, current, previous });
	return withCommunes ? comparison : { ...comparison, units: { ...comparison.units, commune: [] } };
}
