/**
 * Which days a month's report compares: the last day of the month (or the latest snapshot, while
 * the month is still running) against the last day of the month before. Pure.
 */
import { endOfMonth, minDate, previousMonth, type IsoDate } from '../../dates.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
	return MONTH.test(value);
}

export interface ReportDays {
	month: string;
	/** The day the report's figures are as of. */
	asOf: IsoDate;
	/** The last day of the month before: what "since the previous month" compares with. */
	previousAsOf: IsoDate;
	/** The month is not over in the data: the figures stop at the latest snapshot. */
	partial: boolean;
}

/** The days of `month`'s report, or null when no snapshot reaches into the month yet. */
export function reportDays(month: string, snapshots: readonly IsoDate[]): ReportDays | null {
	if (!isMonth(month)) throw new RangeError(`not a month (YYYY-MM): ${month}`);
	const latest = snapshots.at(-1);
	if (!latest || latest < `${month}-01`) return null;
	const end = endOfMonth(month);
	const asOf = minDate(end, latest);
	return { month, asOf, previousAsOf: endOfMonth(previousMonth(month)), partial: asOf < end };
}

/** Months a report can be made for, newest first: from the first snapshot's to the latest's. */
export function reportMonths(snapshots: readonly IsoDate[]): string[] {
	const first = snapshots[0];
	const latest = snapshots.at(-1);
	if (!first || !latest) return [];
	const months: string[] = [];
	for (let m = latest.slice(0, 7); m >= first.slice(0, 7); m = previousMonth(m)) months.push(m);
	return months;
}

/** The month the previous-month comparison of a view starts from ("2023-10-15" → "2023-09-30"). */
export function previousMonthEnd(day: IsoDate): IsoDate {
	return endOfMonth(previousMonth(day.slice(0, 7)));
}
