/**
 * Gathers what a month's report is built from: the progress of the month's last day and of the
 * previous month's, the snapshots in force, the province curve. The dashboard passes its cache,
 * the pipeline a direct query.
 */
import type { IsoDate } from '../../dates.ts';
import type { UnitProgress } from '../../progress.ts';
import type { TargetPreset } from '../../targets.ts';
import type { Db } from '../db.ts';
import { snapshotDates } from '../imports.ts';
import { provinceTarget, unitCurve } from '../pages/shared.ts';
import { snapshotInForce } from '../progress.ts';
import { buildReport, type ReportModel } from './model.ts';
import { reportDays } from './month.ts';

export interface ReportSource {
	db: Db;
	preset: TargetPreset;
	simulated: boolean;
	/** Every unit's progress on a day, unredacted (the model redacts). */
	progress: (day: IsoDate) => Promise<UnitProgress[]>;
}

/** Today in Vietnam, the day a document generated now is dated. */
export function todayInVietnam(now = new Date()): IsoDate {
	return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The report of `month`, or null when the data does not reach into that month. */
export async function loadReport(
	source: ReportSource,
	month: string,
	issued = todayInVietnam()
): Promise<ReportModel | null> {
	const { db, preset } = source;
	const days = reportDays(month, await snapshotDates(db.kysely));
	if (!days) return null;
	const [current, previous, snapshot, previousSnapshot] = await Promise.all([
		source.progress(days.asOf),
		source.progress(days.previousAsOf),
		snapshotInForce(db.kysely, days.asOf),
		snapshotInForce(db.kysely, days.previousAsOf)
	]);
	const province = current.find((u) => u.kind === 'province');
	if (!province) throw new Error('the unit list has no province');
	const curve = await unitCurve(db, province, provinceTarget(preset), days.asOf, false);
	return buildReport({
		...days,
		preset,
		current,
		previous,
		snapshot,
		previousSnapshot,
		issued,
		simulated: source.simulated,
		curve
	});
}
