import {
	cell,
	inline,
	isNameEnd,
	isoDateValue,
	parseNumber,
	readAnyCellTag,
	readExcelCellTag,
	readSimpleInline,
	rowNumberAt,
	startsWithR,
	T_BOOL,
	T_FORMULA_STR,
	T_INLINE,
	T_ISO_DATE,
	T_NUMBER,
	T_SHARED,
	uintAttribute
} from './cell-markup.ts';
import { DATE1904_OFFSET, XlsxDate, type CellValue, type XlsxRow } from './cells.ts';
import { maxColumns } from './columns.ts';
import { carriedRow, MalformedXml, MAX_ROW_BYTES, RowTooLarge, RowTooWide } from './errors.ts';
import { isStartTag, readRichText, skipElement, Tags } from './rich-text.ts';
import { decodeText } from './xml-text.ts';

export interface SheetContext {
	sharedStrings: readonly string[];
	/** 1 at the index of every cellXfs style whose number format is a date. */
	dateStyles: Uint8Array;
	/** The words some date styles' formats write around the date ("Tính đến ngày"). */
	dateWords?: ReadonlyMap<number, string>;
	date1904: boolean;
}

const SHEET_DATA = /<([A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])[^>]*>/;

/** Carried-over text longer than this waits for a row end before it is scanned again. */
const DEFER_FROM = 1 << 20;

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
	/** Text after a long `carry` with no row end in it: joined once one comes (or at the end). */
	private pending: string[] = [];
	private pendingLength = 0;
	private lastRow = 0;
	private bytes = 0;
	private readonly maxColumns = maxColumns();

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
				// A carry this long is a row (or comment) in progress, not a tag cut in two: scanning
				// it again with every chunk until its end comes would read it over and over.
				if (this.carry.length >= DEFER_FROM) {
					this.pending.push(text);
					// Characters, not bytes: a character is at least one byte of the part.
					this.pendingLength += text.length;
					if (this.carry.length + this.pendingLength > MAX_ROW_BYTES)
						throw new RowTooLarge(carriedRow(this.carry.slice(0, 200)));
				} else this.scanJoined(this.carry + text);
				return;
			}
			pos = rowEnd + this.tags.rowEnd.length;
			this.scanJoined(this.takeCarry() + text.slice(0, pos));
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

	/** The carry and the text pending after it, as one string; both are then empty. */
	private takeCarry(): string {
		const carried = this.carry + this.pending.join('');
		this.carry = '';
		this.pending = [];
		this.pendingLength = 0;
		return carried;
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
		if (this.pending.length > 0) this.scanJoined(this.takeCarry());
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
			// Checked before the row is padded out to the cell.
			if (col >= this.maxColumns) throw new RowTooWide(this.lastRow, this.maxColumns);
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
		return gt !== -1 ? gt : readAnyCellTag(xml, start, end, this.lastRow);
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
		const serial = this.ctx.date1904 ? n + DATE1904_OFFSET : n;
		return new XlsxDate(serial, this.ctx.dateWords?.get(style));
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
