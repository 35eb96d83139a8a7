import { DATE1904_OFFSET, XlsxDate, type CellValue, type XlsxRow } from './cells.ts';
import { columnIndexAt } from './columns.ts';
import { MalformedXml } from './errors.ts';
import { isStartTag, readRichText, skipElement, Tags } from './rich-text.ts';
import { decodeText } from './xml-text.ts';

export interface SheetContext {
	sharedStrings: readonly string[];
	/** 1 at the index of every cellXfs style whose number format is a date. */
	dateStyles: Uint8Array;
	date1904: boolean;
}

// Cell types (the t attribute) as small integers, so the hot loop switches on numbers.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_FORMULA_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_ISO_DATE = 6;

const SHEET_DATA = /<([A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])[^>]*>/;

/**
 * Turns the text of a worksheet part into rows, chunk by chunk. Complete `<row>` elements are
 * parsed with indexOf and charCodeAt over the decoded text (no SAX events, no per-tag strings);
 * an unfinished row at the end of a chunk is carried over to the next one. Parsed rows pile up
 * in `rows`, which the caller empties.
 */
export class SheetScanner {
	rows: XlsxRow[] = [];
	/** Set at `</sheetData>`: the rest of the part (merges, page setup) is of no interest. */
	done = false;
	private readonly ctx: SheetContext;
	private readonly decoder = new TextDecoder('utf-8', { fatal: true });
	private tags: Tags | null = null;
	private carry = '';
	private lastRow = 0;
	private bytes = 0;

	constructor(ctx: SheetContext) {
		this.ctx = ctx;
	}

	pushBytes(chunk: Uint8Array): void {
		this.bytes += chunk.length;
		let text: string;
		try {
			text = this.decoder.decode(chunk, { stream: true });
		} catch {
			throw new MalformedXml(`invalid UTF-8 near byte ${this.bytes}`);
		}
		this.pushText(text);
	}

	pushText(text: string): void {
		if (this.done) return;
		if (this.tags === null) {
			this.startSheetData(text);
			return;
		}
		let pos = 0;
		if (this.carry !== '') {
			// Finish the carried-over row in a small string of its own, then scan `text` itself: a
			// joined string would be a rope, slower to read character by character.
			const rowEnd = text.indexOf(this.tags.rowEnd);
			if (rowEnd === -1) {
				this.scanJoined(this.carry + text);
				return;
			}
			pos = rowEnd + this.tags.rowEnd.length;
			this.scanJoined(this.carry + text.slice(0, pos));
			if (this.done) return;
			if (this.carry !== '') {
				this.scanJoined(this.carry + text.slice(pos));
				return;
			}
		}
		this.scanFrom(text, pos);
	}

	private startSheetData(text: string): void {
		const xml = this.carry + text;
		const pos = this.findSheetData(xml);
		if (pos === -1) {
			// Keep a possibly split tag; everything before it is sheet setup.
			const lt = xml.lastIndexOf('<');
			this.carry = lt === -1 ? '' : xml.slice(lt);
			return;
		}
		this.carry = '';
		if (!this.done) this.scanFrom(xml, pos);
	}

	private scanJoined(xml: string): void {
		this.carry = '';
		this.scanFrom(xml, 0);
	}

	private scanFrom(xml: string, pos: number): void {
		const rest = this.scanRows(xml, pos);
		this.carry = this.done ? '' : xml.slice(rest);
	}

	end(): void {
		let rest: string;
		try {
			rest = this.decoder.decode();
		} catch {
			throw new MalformedXml('invalid UTF-8 at the end of the part');
		}
		if (rest !== '') this.pushText(rest);
		if (this.done) return;
		if (this.tags === null) throw new MalformedXml('no <sheetData> element (truncated XML?)');
		throw new MalformedXml(`unexpected end of XML after row ${this.lastRow} (truncated?)`);
	}

	private findSheetData(xml: string): number {
		const m = SHEET_DATA.exec(xml);
		if (!m) return -1;
		this.tags = new Tags(m[1] ?? '');
		if (m[0].charCodeAt(m[0].length - 2) === 47) this.done = true; // <sheetData/>
		return m.index + m[0].length;
	}

	/**
	 * Parses every complete row from `pos`; returns where the unparsed rest begins. Rows are known
	 * to be complete up to the last `</row>` in the text (one search per chunk), so the row parser
	 * never runs off the end of the text: reading past a string's end makes V8 throw away the
	 * optimised code of the hot functions.
	 */
	private scanRows(xml: string, pos: number): number {
		const tags = this.tags!;
		const lastEnd = xml.lastIndexOf(tags.rowEnd);
		const complete = lastEnd === -1 ? 0 : lastEnd + tags.rowEnd.length;
		const need = Math.max(tags.row.length, tags.sheetDataEnd.length) + 1;
		for (;;) {
			const lt = xml.indexOf('<', pos);
			if (lt === -1) return xml.length; // whitespace only
			if (xml.startsWith(tags.sheetDataEnd, lt)) {
				this.done = true;
				return lt;
			}
			if (xml.length - lt < need) return lt; // cannot tell the tag yet
			if (isStartTag(xml, lt, tags.row)) {
				const next = this.scanRow(xml, lt, complete);
				if (next === -1) return lt;
				pos = next;
			} else if (xml.startsWith('<!--', lt)) {
				const close = xml.indexOf('-->', lt + 4);
				if (close === -1) return lt;
				pos = close + 3;
			} else {
				throw new MalformedXml(`unexpected ${xml.slice(lt, lt + 20)} in <sheetData>`);
			}
		}
	}

	/** One `<row>` at `lt`; -1 when it is not complete in this chunk (ends after `complete`). */
	private scanRow(xml: string, lt: number, complete: number): number {
		const tags = this.tags!;
		const gt = xml.indexOf('>', lt);
		if (gt === -1) return -1;
		const selfClosing = xml.charCodeAt(gt - 1) === 47;
		if (!selfClosing && gt >= complete) return -1;
		const at = lt + tags.row.length;
		const r = startsWithR(xml, at) ? rowNumberAt(xml, at + 4) : uintAttribute(xml, at, gt, 114);
		const row = r > 0 ? r : this.lastRow + 1;
		this.lastRow = row;
		if (selfClosing) {
			this.rows.push({ row, cells: [] });
			return gt + 1;
		}
		this.rows.push({ row, cells: this.scanCells(xml, gt + 1, complete) });
		return cell.next;
	}

	/**
	 * The cells of one row, from the end of `<row ...>` up to and including `</row>` (`cell.next`
	 * is set past it). A single forward pass, mostly with charCodeAt: at ~40 characters a cell,
	 * per-cell indexOf calls would cost more than the scan.
	 */
	private scanCells(xml: string, start: number, end: number): CellValue[] {
		const cells: CellValue[] = [];
		const plen = this.tags!.prefix.length;
		let col = -1;
		let i = start;
		while (i < end) {
			if (xml.charCodeAt(i) !== 60 /* < */) {
				i++; // whitespace between cells
				continue;
			}
			if (xml.charCodeAt(i + 1) === 47 /* / */) {
				const rowEnd = this.tags!.rowEnd;
				if (!xml.startsWith(rowEnd, i))
					throw new MalformedXml(`unexpected end tag in row ${this.lastRow}`);
				cell.next = i + rowEnd.length;
				return cells;
			}
			const name = i + 1 + plen;
			if (xml.charCodeAt(name) !== 99 /* c */ || !isNameEnd(xml.charCodeAt(name + 1))) {
				i = skipElement(xml, i, end); // <extLst>, comments
				continue;
			}
			if (plen > 0 && !xml.startsWith(this.tags!.prefix, i + 1)) {
				i = skipElement(xml, i, end);
				continue;
			}
			const gt = this.readCellTag(xml, name + 1, end);
			col = cell.col >= 0 ? cell.col : col + 1;
			if (xml.charCodeAt(gt - 1) === 47 /* / */) {
				i = gt + 1;
				continue;
			}
			const value = this.readCellContent(xml, gt + 1, end, plen);
			if (value !== null) {
				if (col === cells.length) cells.push(value);
				else {
					while (cells.length < col) cells.push(null);
					cells[col] = value;
				}
			}
			i = cell.next;
		}
		throw new MalformedXml(`unclosed <row> ${this.lastRow}`);
	}

	/** Reads r, s and t into `cell` from `start` (after "<c"); returns the index of the '>'. */
	private readCellTag(xml: string, start: number, end: number): number {
		const gt = readExcelCellTag(xml, start, end);
		return gt !== -1 ? gt : this.readAnyCellTag(xml, start, end);
	}

	/** Any attribute order, quoting and spacing. */
	private readAnyCellTag(xml: string, start: number, end: number): number {
		cell.col = -1;
		cell.style = 0;
		cell.type = T_NUMBER;
		let j = start;
		for (;;) {
			let ch = xml.charCodeAt(j);
			while (ch <= 32 && j < end) ch = xml.charCodeAt(++j);
			if (ch === 62 /* > */) return j;
			if (ch === 47 /* / */ && xml.charCodeAt(j + 1) === 62) return j + 1;
			if (j >= end) throw new MalformedXml(`unterminated <c> in row ${this.lastRow}`);
			const nameStart = j;
			while (ch !== 61 /* = */ && ch > 32 && j < end) ch = xml.charCodeAt(++j);
			const nameLength = j - nameStart;
			while (ch !== 61 && j < end) ch = xml.charCodeAt(++j);
			ch = xml.charCodeAt(++j);
			while (ch <= 32 && j < end) ch = xml.charCodeAt(++j);
			if (ch !== 34 && ch !== 39)
				throw new MalformedXml(`bad attribute in <c> in row ${this.lastRow}`);
			const quote = ch;
			const valueStart = ++j;
			while (xml.charCodeAt(j) !== quote && j < end) j++;
			if (j >= end) throw new MalformedXml(`unterminated attribute in row ${this.lastRow}`);
			if (nameLength === 1) {
				const attr = xml.charCodeAt(nameStart);
				if (attr === 114 /* r */) cell.col = columnIndexAt(xml, valueStart, j);
				else if (attr === 115 /* s */) cell.style = parseNumber(xml, valueStart, j) | 0;
				else if (attr === 116 /* t */) cell.type = typeCode(xml, valueStart, j);
			}
			j++;
		}
	}

	/**
	 * The value of a cell from its content at `start` (after `<c ...>`); sets `cell.next` to the
	 * index after `</c>`. Children other than `<v>` and `<is>` (formulas) are skipped.
	 */
	private readCellContent(xml: string, start: number, end: number, plen: number): CellValue {
		let value: CellValue = null;
		let j = start;
		for (;;) {
			while (xml.charCodeAt(j) !== 60 && j < end) j++;
			if (j >= end) throw new MalformedXml(`unclosed <c> in row ${this.lastRow}`);
			const k = j + 1;
			if (xml.charCodeAt(k) === 47 /* / */) {
				// the only end tag at this level is </c>
				const c = k + 1 + plen;
				if (xml.charCodeAt(c) !== 99 || xml.charCodeAt(c + 1) !== 62) {
					throw new MalformedXml(`expected </c> in row ${this.lastRow}`);
				}
				cell.next = c + 2;
				return value;
			}
			const name = xml.charCodeAt(k + plen);
			const next = xml.charCodeAt(k + plen + 1);
			if (name === 118 /* v */ && (next === 62 || isNameEnd(next))) {
				let valueStart = k + plen + 2;
				if (next !== 62) {
					const gt = xml.indexOf('>', k);
					if (gt === -1) throw new MalformedXml(`unterminated <v> in row ${this.lastRow}`);
					if (xml.charCodeAt(gt - 1) === 47) {
						j = gt + 1; // <v/>
						continue;
					}
					valueStart = gt + 1;
				}
				// Most values are small integers (shared-string indexes, counts, whole-day dates):
				// read their digits while looking for the '<'.
				let valueEnd = valueStart;
				let n = 0;
				let ch = xml.charCodeAt(valueEnd);
				while (ch >= 48 && ch <= 57) {
					n = n * 10 + ch - 48;
					ch = xml.charCodeAt(++valueEnd);
				}
				const digits = valueEnd - valueStart;
				if (ch === 60 && digits > 0 && digits <= 15 && cell.type <= T_SHARED) {
					value =
						cell.type === T_SHARED ? this.sharedStringAt(n) : this.numberOrDate(n, cell.style);
				} else {
					while (ch !== 60 && valueEnd < end) ch = xml.charCodeAt(++valueEnd);
					value = this.convert(xml, valueStart, valueEnd, cell.type, cell.style);
				}
				if (xml.charCodeAt(valueEnd + 1) !== 47) {
					throw new MalformedXml(`unclosed <v> in row ${this.lastRow}`);
				}
				j = valueEnd + 3 + plen + 1; // past </v>
			} else if (name === 105 /* i */ && next === 115 /* s */ && cell.type === T_INLINE) {
				const simpleEnd = plen === 0 ? readSimpleInline(xml, k + 2, end) : -1;
				if (simpleEnd !== -1) {
					value = inline.text;
					j = simpleEnd;
					continue;
				}
				const tags = this.tags!;
				const gt = xml.indexOf('>', k);
				if (gt === -1) throw new MalformedXml(`unterminated <is> in row ${this.lastRow}`);
				if (xml.charCodeAt(gt - 1) === 47) {
					value = '';
					j = gt + 1;
					continue;
				}
				const close = xml.indexOf(tags.isEnd, gt);
				if (close === -1 || close > end)
					throw new MalformedXml(`unclosed <is> in row ${this.lastRow}`);
				value = readRichText(xml, gt + 1, close, tags);
				j = close + tags.isEnd.length;
			} else {
				j = skipElement(xml, j, end); // <f>, <extLst>
			}
		}
	}

	private convert(xml: string, start: number, end: number, type: number, style: number): CellValue {
		switch (type) {
			case T_NUMBER:
				return this.numberValue(xml, start, end, style);
			case T_SHARED:
				return this.sharedString(xml, start, end);
			case T_FORMULA_STR:
			case T_INLINE:
				return decodeText(xml.slice(start, end));
			case T_BOOL:
				return xml.charCodeAt(start) === 49 || xml.startsWith('true', start);
			case T_ISO_DATE:
				return isoDateValue(xml.slice(start, end));
			default:
				return null; // T_ERROR: #N/A, #REF! and friends carry no data
		}
	}

	private numberValue(xml: string, start: number, end: number, style: number): CellValue {
		if (start === end) return null;
		const n = parseNumber(xml, start, end);
		if (Number.isNaN(n)) {
			throw new MalformedXml(`bad number "${xml.slice(start, end)}" in row ${this.lastRow}`);
		}
		return this.numberOrDate(n, style);
	}

	private numberOrDate(n: number, style: number): CellValue {
		if (this.ctx.dateStyles[style] !== 1) return n;
		return new XlsxDate(this.ctx.date1904 ? n + DATE1904_OFFSET : n);
	}

	private sharedString(xml: string, start: number, end: number): string {
		return this.sharedStringAt(parseNumber(xml, start, end));
	}

	private sharedStringAt(index: number): string {
		const text = this.ctx.sharedStrings[index];
		if (text === undefined) {
			throw new MalformedXml(`shared string ${index} does not exist (row ${this.lastRow})`);
		}
		return text;
	}
}

/** The text read by readSimpleInline(). */
const inline = { text: '' };

/**
 * The common inline string `<is><t>text</t></is>` (or `<t xml:space="preserve">`) from `at`, just
 * after "<is", in one pass: sets `inline.text` and returns the index after `</is>`, or -1 for
 * anything else (rich text, prefixes, spacing), which the general path handles.
 */
function readSimpleInline(xml: string, at: number, end: number): number {
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
const cell = { col: -1, style: 0, type: T_NUMBER, next: 0 };

/**
 * The attribute layout Excel and most libraries write, ` r="B2" s="3" t="s"` (each optional, in
 * this order, double quotes): read without a name loop. -1 for anything else.
 */
function readExcelCellTag(xml: string, start: number, end: number): number {
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

function startsWithR(xml: string, at: number): boolean {
	return xml.charCodeAt(at) === 32 && isAttributeStart(xml, at, 114 /* r */);
}

/** Digits up to the closing quote, or 0. */
function rowNumberAt(xml: string, start: number): number {
	let n = 0;
	let j = start;
	let ch = xml.charCodeAt(j);
	while (ch >= 48 && ch <= 57) {
		n = n * 10 + ch - 48;
		ch = xml.charCodeAt(++j);
	}
	return ch === 34 ? n : 0;
}

function isNameEnd(c: number): boolean {
	return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13;
}

function typeCode(xml: string, start: number, end: number): number {
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
function uintAttribute(xml: string, start: number, end: number, name: number): number {
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
function isoDateValue(text: string): XlsxDate | null {
	const m = ISO_DATE_TIME.exec(text.trim());
	if (!m) return null;
	const day = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000 + 25_569;
	const seconds = (+(m[4] ?? 0) * 60 + +(m[5] ?? 0)) * 60 + +(m[6] ?? 0);
	return new XlsxDate(day + seconds / 86_400);
}
