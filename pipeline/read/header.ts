/**
 * Finds the header of an export among its first rows: the title rows above it ("DANH SÁCH …",
 * "Tính đến ngày 30/06/2023"), a one- or two-row header (a group label such as "Địa chỉ" merged
 * over "Xã" and "Huyện"), and the as-of date the title gives.
 */
import { isoFromParts, type IsoDate } from '../../src/lib/dates.ts';
import { fold } from '../text.ts';
import {
	fieldForLabel,
	KEPT_FIELDS,
	REQUIRED_FIELDS,
	type Field,
	type KeptField
} from './fields.ts';

export interface Header {
	/** 0-based index, among the rows given, of the last header row; data starts after it. */
	lastRow: number;
	/** How many rows the header spans (1 or 2). */
	rows: 1 | 2;
	/** Column index of each field found. */
	columns: Partial<Record<Field, number>>;
	/** Labels of columns that name no known field (shown to the user, then dropped). */
	unknown: string[];
	/** From a title line, when one says "Tính đến ngày dd/mm/yyyy" or alike. */
	asOf: IsoDate | null;
}

export class HeaderError extends Error {
	readonly missing: Field[];
	readonly found: string[];
	constructor(missing: Field[], found: string[]) {
		super(`missing columns: ${missing.join(', ')}`);
		this.name = 'HeaderError';
		this.missing = missing;
		this.found = found;
	}
}

/** A row whose labels name at least this many fields is a header, not data or a title. */
const MIN_FIELDS = 4;
const SCAN_ROWS = 50;

export function detectHeader(rows: string[][]): Header {
	// Every row naming a few fields is a candidate, read alone or with the row below as its
	// second header row; the reading that names the most fields wins (the first, on a tie).
	let best: { index: number; twoRows: boolean; mapped: Mapping } | null = null;
	for (let i = 0; i < Math.min(rows.length, SCAN_ROWS); i++) {
		if (new Set(rows[i]!.map(fieldForLabel).filter((f) => f !== null)).size < 2) continue;
		const twoRows = isSubHeader(rows[i]!, rows[i + 1] ?? []);
		const mapped = mapColumns(rows[i]!, twoRows ? (rows[i + 1] ?? []) : []);
		const size = Object.keys(mapped.columns).length;
		if (size >= MIN_FIELDS && (!best || size > Object.keys(best.mapped.columns).length))
			best = { index: i, twoRows, mapped };
	}
	if (!best)
		throw new HeaderError(
			[...REQUIRED_FIELDS],
			rows.slice(0, SCAN_ROWS).flat().filter(Boolean).slice(0, 30)
		);
	const { columns, unknown } = best.mapped;
	const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
	if (missing.length > 0) {
		const labels = [...rows[best.index]!, ...(best.twoRows ? rows[best.index + 1]! : [])];
		throw new HeaderError(missing, labels.filter(Boolean));
	}
	return {
		lastRow: best.index + (best.twoRows ? 1 : 0),
		rows: best.twoRows ? 2 : 1,
		columns,
		unknown,
		asOf: asOfFromTitles(rows.slice(0, best.index))
	};
}

interface Mapping {
	columns: Partial<Record<Field, number>>;
	unknown: string[];
}

function mapColumns(top: string[], below: string[]): Mapping {
	const columns: Partial<Record<Field, number>> = {};
	const unknown: string[] = [];
	let group = '';
	for (let c = 0; c < Math.max(top.length, below.length); c++) {
		const upper = (top[c] ?? '').trim();
		const lower = (below[c] ?? '').trim();
		if (upper) group = upper;
		// A blank top cell under a merged group label belongs to that group.
		const field =
			(lower && fieldForLabel(lower)) ||
			(upper && fieldForLabel(upper)) ||
			(lower && fieldForLabel(`${group} ${lower}`)) ||
			null;
		if (field && columns[field] === undefined) columns[field] = c;
		else if (upper || lower) unknown.push([upper, lower].filter(Boolean).join(' / '));
	}
	return { columns, unknown };
}

/**
 * The row below a header is a second header row when it names fields in columns the first row
 * left blank or used for a group label, and holds no data-like values (digits only).
 */
function isSubHeader(top: string[], below: string[]): boolean {
	let named = 0;
	for (let c = 0; c < below.length; c++) {
		const label = (below[c] ?? '').trim();
		if (!label) continue;
		if (/^\d+$/.test(label)) return false;
		const field = fieldForLabel(label);
		if (field && (!top[c]?.trim() || !fieldForLabel(top[c]!))) named++;
	}
	return named > 0;
}

const AS_OF_WORDS = /(tinh den|den ngay|so lieu den|cap nhat den|ngay bao cao|ngay xuat)/;
const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})(?!\d)/;
// A date cell reads as ISO text (2023-11-30), and so does a date typed that way.
const YEAR_MONTH_DAY = /(?<!\d)(\d{4}) (\d{1,2}) (\d{1,2})(?!\d)/;

/**
 * "Tính đến ngày 30/06/2023", "(Số liệu tính đến 30 tháng 6 năm 2023)" → 2023-06-30; also the
 * date in a cell after the words ("Tính đến ngày" in A2, a date cell in B2), which the readers
 * give as ISO text in the workbook's calendar.
 */
export function asOfFromTitles(rows: string[][]): IsoDate | null {
	for (const row of rows) {
		// The cells of a row joined: the words in one cell, the date in the next non-empty one.
		const line = fold(row.join(' '));
		const words = AS_OF_WORDS.exec(line);
		if (!words) continue;
		const after = line.slice(words.index);
		const dmy = DAY_MONTH_YEAR.exec(after);
		const ymd = YEAR_MONTH_DAY.exec(after);
		const day =
			dmy && (!ymd || dmy.index < ymd.index)
				? isoFromParts(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
				: ymd && isoFromParts(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
		if (day) return day;
	}
	return null;
}

/** Labels of the kept columns as the file spells them (the lower row of a two-row header). */
export function labelsOf(rows: string[][], header: Header): Partial<Record<KeptField, string>> {
	const labels: Partial<Record<KeptField, string>> = {};
	for (const field of KEPT_FIELDS) {
		const c = header.columns[field];
		if (c === undefined) continue;
		const lower = rows[header.lastRow]?.[c]?.trim();
		labels[field] = lower || rows[header.lastRow - 1]?.[c]?.trim() || field;
	}
	return labels;
}
