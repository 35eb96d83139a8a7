/**
 * Calendar days as ISO strings ("2023-07-10"). Every date in the product is a day in Vietnam, not
 * an instant, so arithmetic runs in UTC on the string and never depends on the machine's zone.
 */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): value is IsoDate {
	const m = ISO.exec(value);
	if (!m) return false;
	return toIso(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) === value;
}

export function parseIsoDate(value: string): IsoDate {
	if (!isIsoDate(value)) throw new RangeError(`not a date (YYYY-MM-DD): ${value}`);
	return value;
}

/**
 * Days since 1970-01-01 to "YYYY-MM-DD" by Hinnant's civil-from-days algorithm: the XLSX reader
 * converts millions of date cells, and a Date object per cell was most of its time.
 */
function toIso(ms: number): IsoDate {
	const z = Math.floor(ms / DAY_MS) + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
	return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function toMs(day: IsoDate): number {
	return Date.parse(day + 'T00:00:00Z');
}

export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
	const ms = Date.UTC(year, month - 1, day);
	const iso = toIso(ms);
	const d = new Date(ms);
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
		return null;
	}
	return iso;
}

export function addDays(day: IsoDate, days: number): IsoDate {
	return toIso(toMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
	return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
	return a > b ? a : b;
}

/** Last day of the month "YYYY-MM". */
export function endOfMonth(month: string): IsoDate {
	const [y, m] = month.split('-').map(Number);
	return toIso(Date.UTC(y!, m!, 0));
}

/** "YYYY-MM" of the month before. */
export function previousMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return toIso(Date.UTC(y!, m! - 2, 1)).slice(0, 7);
}

/** Days from the Excel epoch (1899-12-30, which absorbs Lotus's 1900 leap-year bug). */
export function isoFromExcelSerial(serial: number): IsoDate | null {
	if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
	return toIso(Date.UTC(1899, 11, 30) + Math.floor(serial) * DAY_MS);
}

export function excelSerialFromIso(day: IsoDate): number {
	return (toMs(day) - Date.UTC(1899, 11, 30)) / DAY_MS;
}
