import { XlsxDate } from './cells.ts';
import { columnIndexAt } from './columns.ts';
import { MalformedXml } from './errors.ts';
import { decodeText } from './xml-text.ts';

/**
 * Character-level readers for the markup inside `<row>`: cell start tags, small values, simple
 * inline strings. They work on positions in the chunk text and report through the shared `cell`
 * and `inline` objects rather than allocating results, since they run once per cell.
 */

// Cell types (the t attribute) as small integers, so the hot loop switches on numbers.
export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_FORMULA_STR = 2;
export const T_INLINE = 3;
export const T_BOOL = 4;
export const T_ERROR = 5;
export const T_ISO_DATE = 6;

/** The text read by readSimpleInline(). */
export const inline = { text: '' };

/**
 * The common inline string `<is><t>text</t></is>` (or `<t xml:space="preserve">`) from `at`, just
 * after "<is", in one pass: sets `inline.text` and returns the index after `</is>`, or -1 for
 * anything else (rich text, prefixes, spacing), which the general path handles.
 */
export function readSimpleInline(xml: string, at: number, end: number): number {
	if (!xml.startsWith('><t', at)) return -1;
	let start = at + 3;
	const c = xml.charCodeAt(start);
	if (c === 32) {
		if (!xml.startsWith(' xml:space="preserve">', start)) return -1;
		start += 22;
	} else if (c === 62) {
		start++;
	} else {
		return -1;
	}
	let special = false;
	let i = start;
	for (; i < end; i++) {
		const ch = xml.charCodeAt(i);
		if (ch === 60) break;
		if (ch === 38 || ch === 95 || ch === 13) special = true; // & _ CR: decodeText() needed
	}
	if (!xml.startsWith('</t></is>', i)) return -1;
	const raw = xml.slice(start, i);
	inline.text = special ? decodeText(raw) : raw;
	return i + 9;
}

/** The cell being read; one at a time, so a single object serves (no allocation per cell). */
export const cell = { col: -1, style: 0, type: T_NUMBER, next: 0 };

/**
 * The attribute layout Excel and most libraries write, ` r="B2" s="3" t="s"` (each optional, in
 * this order, double quotes): read without a name loop. -1 for anything else.
 */
export function readExcelCellTag(xml: string, start: number, end: number): number {
	cell.col = -1;
	cell.style = 0;
	cell.type = T_NUMBER;
	let j = start;
	let ch = xml.charCodeAt(j);
	if (ch === 32 && startsWithR(xml, j)) {
		j += 4;
		let col = 0;
		ch = xml.charCodeAt(j);
		while (ch >= 65 && ch <= 90) {
			col = col * 26 + ch - 64;
			ch = xml.charCodeAt(++j);
		}
		while (ch >= 48 && ch <= 57) ch = xml.charCodeAt(++j);
		if (ch !== 34 || col === 0) return -1;
		cell.col = col - 1;
		ch = xml.charCodeAt(++j);
	}
	if (ch === 32 && isAttributeStart(xml, j, 115 /* s */)) {
		j += 4;
		let style = 0;
		ch = xml.charCodeAt(j);
		while (ch >= 48 && ch <= 57) {
			style = style * 10 + ch - 48;
			ch = xml.charCodeAt(++j);
		}
		if (ch !== 34) return -1;
		cell.style = style;
		ch = xml.charCodeAt(++j);
	}
	if (ch === 32 && isAttributeStart(xml, j, 116 /* t */)) {
		j += 4;
		const valueStart = j;
		while (xml.charCodeAt(j) !== 34 && j < end) j++;
		if (j >= end) return -1;
		cell.type = typeCode(xml, valueStart, j);
		ch = xml.charCodeAt(++j);
	}
	if (ch === 62) return j;
	if (ch === 47 && xml.charCodeAt(j + 1) === 62) return j + 1;
	return -1;
}

/** ` x="` at `at` for the one-letter attribute x. */
function isAttributeStart(xml: string, at: number, name: number): boolean {
	return (
		xml.charCodeAt(at + 1) === name &&
		xml.charCodeAt(at + 2) === 61 &&
		xml.charCodeAt(at + 3) === 34
	);
}

export function startsWithR(xml: string, at: number): boolean {
	return xml.charCodeAt(at) === 32 && isAttributeStart(xml, at, 114 /* r */);
}

/** Digits up to the closing quote, or 0. */
export function rowNumberAt(xml: string, start: number): number {
	let n = 0;
	let j = start;
	let ch = xml.charCodeAt(j);
	while (ch >= 48 && ch <= 57) {
		n = n * 10 + ch - 48;
		ch = xml.charCodeAt(++j);
	}
	return ch === 34 ? n : 0;
}

export function isNameEnd(c: number): boolean {
	return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13;
}

export function typeCode(xml: string, start: number, end: number): number {
	const len = end - start;
	const first = xml.charCodeAt(start);
	if (len === 1) {
		if (first === 115) return T_SHARED; // s
		if (first === 110) return T_NUMBER; // n
		if (first === 98) return T_BOOL; // b
		if (first === 101) return T_ERROR; // e
		if (first === 100) return T_ISO_DATE; // d
	} else if (len === 3 && xml.startsWith('str', start)) {
		return T_FORMULA_STR;
	} else if (len === 9 && xml.startsWith('inlineStr', start)) {
		return T_INLINE;
	}
	throw new MalformedXml(`unknown cell type t="${xml.slice(start, end)}"`);
}

/** An unsigned integer attribute such as a row's r, or 0 when absent. */
export function uintAttribute(xml: string, start: number, end: number, name: number): number {
	let i = start;
	while (i < end) {
		const eq = xml.indexOf('=', i);
		if (eq === -1 || eq >= end) return 0;
		let q = eq + 1;
		while (xml.charCodeAt(q) <= 32) q++;
		const quote = xml.charCodeAt(q);
		const valueEnd = xml.indexOf(quote === 39 ? "'" : '"', q + 1);
		if (valueEnd === -1 || valueEnd >= end) return 0;
		let nameStart = eq;
		while (nameStart > i && xml.charCodeAt(nameStart - 1) > 32) nameStart--;
		if (eq - nameStart === 1 && xml.charCodeAt(nameStart) === name) {
			return parseNumber(xml, q + 1, valueEnd);
		}
		i = valueEnd + 1;
	}
	return 0;
}

/** Digits are read in place; anything else (decimals, exponents) goes through Number(). */
export function parseNumber(xml: string, start: number, end: number): number {
	let i = start;
	const negative = xml.charCodeAt(i) === 45;
	if (negative) i++;
	if (end - i > 0 && end - i <= 15) {
		let n = 0;
		for (; i < end; i++) {
			const d = xml.charCodeAt(i) - 48;
			if (d < 0 || d > 9) break;
			n = n * 10 + d;
		}
		if (i === end) return negative ? -n : n;
	}
	const text = xml.slice(start, end).trim();
	return text === '' ? NaN : Number(text);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** t="d" cells (ISO 8601 text, strict OOXML) as the same serial a numeric date would have. */
export function isoDateValue(text: string): XlsxDate | null {
	const m = ISO_DATE_TIME.exec(text.trim());
	if (!m) return null;
	const day = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000 + 25_569;
	const seconds = (+(m[4] ?? 0) * 60 + +(m[5] ?? 0)) * 60 + +(m[6] ?? 0);
	return new XlsxDate(day + seconds / 86_400);
}

/** Any attribute order, quoting and spacing. */
export function readAnyCellTag(xml: string, start: number, end: number, row: number): number {
	cell.col = -1;
	cell.style = 0;
	cell.type = T_NUMBER;
	let j = start;
	for (;;) {
		let ch = xml.charCodeAt(j);
		while (ch <= 32 && j < end) ch = xml.charCodeAt(++j);
		if (ch === 62 /* > */) return j;
		if (ch === 47 /* / */ && xml.charCodeAt(j + 1) === 62) return j + 1;
		if (j >= end) throw new MalformedXml(`unterminated <c> in row ${row}`);
		const nameStart = j;
		while (ch !== 61 /* = */ && ch > 32 && j < end) ch = xml.charCodeAt(++j);
		const nameLength = j - nameStart;
		while (ch !== 61 && j < end) ch = xml.charCodeAt(++j);
		ch = xml.charCodeAt(++j);
		while (ch <= 32 && j < end) ch = xml.charCodeAt(++j);
		if (ch !== 34 && ch !== 39) throw new MalformedXml(`bad attribute in <c> in row ${row}`);
		const quote = ch;
		const valueStart = ++j;
		while (xml.charCodeAt(j) !== quote && j < end) j++;
		if (j >= end) throw new MalformedXml(`unterminated attribute in row ${row}`);
		if (nameLength === 1) {
			const attr = xml.charCodeAt(nameStart);
			if (attr === 114 /* r */) cell.col = columnIndexAt(xml, valueStart, j);
			else if (attr === 115 /* s */) cell.style = parseNumber(xml, valueStart, j) | 0;
			else if (attr === 116 /* t */) cell.type = typeCode(xml, valueStart, j);
		}
		j++;
	}
}
