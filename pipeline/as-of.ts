/**
 * The as-of date of an export: the one typed (`--as-of`), else the title's ("Tính đến ngày …"),
 * else a clear date in the file's name (`dk_31-10-2023.xlsx`, `export_2023-09-30.csv`). The
 * summary says which, and warns when a typed date disagrees with the title.
 */
import { isoFromParts, type IsoDate } from '../src/lib/dates.ts';

export type AsOfSource = 'option' | 'title' | 'file_name';

export interface AsOf {
	date: IsoDate;
	source: AsOfSource;
	/** The title's date, when it differs from a typed one. */
	titleDisagrees: IsoDate | null;
}

// Day-month-year or year-month-day, with the same separator twice, not inside a longer number.
const DMY = /(?<!\d)(\d{1,2})([-_.])(\d{1,2})\2(\d{4})(?!\d)/g;
const YMD = /(?<!\d)(\d{4})([-_.])(\d{1,2})\2(\d{1,2})(?!\d)/g;

/** A date in a file name, if the name holds exactly one (two different ones decide nothing). */
export function asOfFromFileName(name: string): IsoDate | null {
	const found = new Set<IsoDate>();
	for (const m of name.matchAll(DMY)) {
		const day = isoFromParts(Number(m[4]), Number(m[3]), Number(m[1]));
		if (day) found.add(day);
	}
	for (const m of name.matchAll(YMD)) {
		const day = isoFromParts(Number(m[1]), Number(m[3]), Number(m[4]));
		if (day) found.add(day);
	}
	return found.size === 1 ? [...found][0]! : null;
}

export function chooseAsOf(
	typed: IsoDate | undefined,
	title: IsoDate | null,
	fileName: string
): AsOf | null {
	if (typed)
		return {
			date: typed,
			source: 'option',
			titleDisagrees: title !== null && title !== typed ? title : null
		};
	if (title) return { date: title, source: 'title', titleDisagrees: null };
	const named = asOfFromFileName(fileName);
	return named ? { date: named, source: 'file_name', titleDisagrees: null } : null;
}
