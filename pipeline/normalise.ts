/**
 * Normalise: turn the words and dates of an export into the product's values. These run on the
 * distinct values of a column (a few thousand at most), never row by row; the load stage joins
 * the results back in SQL.
 */
import { isoFromExcelSerial, isoFromParts, type IsoDate } from '../src/lib/dates.ts';
import type { RegistrationStatus } from '../src/lib/server/schema.ts';
import { fold } from './text.ts';

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
const YMD = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/;
const SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * A calendar day from the forms Vietnamese exports use: dd/mm/yyyy (also with - or .), d/m/yy,
 * yyyy-mm-dd, an optional time after the date, and Excel serial numbers. Day comes before
 * month, always: 07/10/2023 is 7 October. Two-digit years up to `pivotYear` are 20yy.
 */
export function parseDate(raw: string, pivotYear = 2030): IsoDate | null {
	const text = raw.trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
	let m = DMY.exec(text);
	if (m) {
		let year = Number(m[3]);
		if (m[3]!.length === 2) year += year <= pivotYear % 100 ? 2000 : 1900;
		return isoFromParts(year, Number(m[2]), Number(m[1]));
	}
	m = YMD.exec(text);
	if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
	if (SERIAL.test(text)) return isoFromExcelSerial(Number(text));
	return null;
}

/** The year of birth from a birth date or a bare year; null if neither. */
export function parseBirthYear(raw: string, asOfYear: number): number | null {
	const text = raw.trim();
	if (/^\d{4}$/.test(text)) {
		const year = Number(text);
		return year >= 1900 && year <= asOfYear ? year : null;
	}
	const day = parseDate(text, asOfYear);
	if (!day) return null;
	const year = Number(day.slice(0, 4));
	return year >= 1900 && year <= asOfYear ? year : null;
}

const STATUS_WORDS: Record<string, RegistrationStatus> = {
	dat: 'recognised',
	'da cong nhan': 'recognised',
	'dat danh hieu': 'recognised',
	'da dang ky': 'registered',
	'da dang ki': 'registered',
	'cho xet duyet': 'registered',
	'dang tu danh gia': 'registered',
	'khong dat': 'not_recognised'
};

/** The status a word names, or null for anything else (the row is rejected with the word). */
export function parseStatus(raw: string): RegistrationStatus | null {
	return STATUS_WORDS[fold(raw)] ?? null;
}

const YES = new Set(['co', 'x', 'co ky nang so', 'co ki nang so', 'dat', 'yes', 'y', '1', 'true']);
const NO = new Set(['khong', 'no', 'n', '0', 'false', 'chua', 'chua co']);

/** Digital skills: true, false, or null when blank or unclear. */
export function parseDigitalSkills(raw: string): boolean | null {
	const key = fold(raw);
	if (YES.has(key)) return true;
	if (NO.has(key)) return false;
	return null;
}

/**
 * ID numbers, checked in SQL on every row: spaces, dots and dashes are dropped, then a CCCD has
 * 12 digits and an old CMND 9. (Excel drops the leading zero of a CCCD typed as a number; the
 * XLSX reader restores it for numeric cells only, see read/xlsx.ts.)
 */
export const ID_SEPARATORS_SQL = String.raw`[\s.\-]`;
export const ID_PATTERN_SQL = String.raw`^(\d{12}|\d{9})$`;
