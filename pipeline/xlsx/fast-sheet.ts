/**
 * The fast path for the data rows of a worksheet: scans the inflated XML as bytes (no UTF-8
 * decoding of the part) and writes the kept columns straight to a row sink, copying text bytes
 * rather than making strings. It knows the markup Excel, LibreOffice and the common libraries
 * write: `<row r=…>`, `<c r=… s=… t=…>` with `<v>` or a plain `<is><t>` inline string. Anything
 * else (namespace prefixes, formulas, rich text, rows without numbers, odd values) throws
 * NotFast and the caller reads the sheet again with the general scanner (sheet-scanner.ts),
 * which also words any error: so the two give the same rows, or the general one decides.
 */
import { DATE1904_OFFSET, XlsxDate, type CellValue } from './cells.ts';
import type { SheetContext } from './sheet-scanner.ts';
import { maxColumns } from './columns.ts';
import { carriedRow, MAX_ROW_BYTES, RowTooLarge, RowTooWide } from './errors.ts';
import { decodeText } from './xml-text.ts';

export class NotFast extends Error {
	constructor(what: string) {
		super(`not on the fast path: ${what}`);
		this.name = 'NotFast';
	}
}

/** Where the rows go (read/row-file.ts). */
export interface RowSink {
	start(row: number): void;
	field(value: string | null): void;
	fieldBytes(bytes: Uint8Array, start: number, end: number): void;
	end(): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const EQUALS = 0x3d;

const KIND_NONE = 0;
const KIND_SHARED = 1;
const KIND_INLINE = 2;
const KIND_NUMBER = 3;
const KIND_BOOL = 4;

const bytes = (s: string) => Buffer.from(s, 'latin1');
const SHEET_DATA = bytes('<sheetData');
const SHEET_DATA_END = bytes('</sheetData>');
const ROW_END = bytes('</row>');
const CELL_END = bytes('</c>');
const V_START = bytes('<v>');
const V_END = bytes('</v>');
const IS_T = bytes('<is><t>');
const IS_T_PRESERVE = bytes('<is><t xml:space="preserve">');
const T_IS_END = bytes('</t></is>');

interface SharedText {
	/** The shared string as the sheet holds it. */
	value: string;
	bytes: Buffer;
	/** Text that must go through the sink's string path (quoting). */
	text: string | null;
}

export class FastSheetWriter {
	private readonly ctx: SheetContext;
	/** Kept field index by column (-1: not kept). */
	private readonly fieldOf: Int16Array;
	private readonly fields: number;
	private readonly head: number;
	private readonly out: RowSink;
	/** A kept field's value as the text the normalise stage expects (read/xlsx.ts). */
	private readonly convert: (cell: CellValue, field: number) => string;
	/** 1 for the fields whose text convert must see with the field (not shared, not copied). */
	private readonly textByField: Uint8Array;
	private readonly shared: (SharedText | undefined)[] = [];
	private readonly kind: Uint8Array;
	private readonly from: Int32Array;
	private readonly to: Int32Array;
	/** The style of a number (dates are numbers with a date style). */
	private readonly style: Int32Array;
	private carry: Buffer | null = null;
	/** Chunks after `carry` with no `</row>`: joined once one comes, not copied again per chunk. */
	private pending: Buffer[] = [];
	private pendingLength = 0;
	private started = false;
	/** The sheet row being read, and the widest row allowed. */
	private row = 0;
	private readonly maxColumns = maxColumns();
	done = false;

	constructor(
		ctx: SheetContext,
		fieldOf: Int16Array,
		fields: number,
		head: number,
		out: RowSink,
		convert: (cell: CellValue, field: number) => string,
		textByField: Uint8Array = new Uint8Array(fields)
	) {
		this.ctx = ctx;
		this.fieldOf = fieldOf;
		this.fields = fields;
		this.head = head;
		this.out = out;
		this.convert = convert;
		this.textByField = textByField;
		this.kind = new Uint8Array(fields);
		this.from = new Int32Array(fields);
		this.to = new Int32Array(fields);
		this.style = new Int32Array(fields);
	}

	push(chunk: Buffer): void {
		if (this.done) return;
		let rest = chunk;
		if (this.carry) {
			// Only the row cut by the chunk boundary is joined (copying every chunk whole would be
			// most of the garbage collector's work).
			const first = chunk.indexOf(ROW_END);
			if (first === -1) {
				this.pending.push(chunk);
				this.pendingLength += chunk.length;
				// A giant cell: refused here, not after it is gathered and found not fast.
				if (this.carry.length + this.pendingLength > MAX_ROW_BYTES)
					throw new RowTooLarge(carriedRow(this.carry.subarray(0, 200).toString('latin1')));
				return;
			}
			const joined = Buffer.concat([
				this.carry,
				...this.pending,
				chunk.subarray(0, first + ROW_END.length)
			]);
			this.carry = null;
			this.pending = [];
			this.pendingLength = 0;
			this.scan(joined);
			if (this.done) return;
			rest = chunk.subarray(first + ROW_END.length);
			if (this.carry) {
				rest = Buffer.concat([this.carry, rest]);
				this.carry = null;
			}
		}
		this.scan(rest);
	}

	private scan(chunk: Buffer): void {
		let buf = chunk;
		let pos = 0;
		if (!this.started) {
			const at = buf.indexOf(SHEET_DATA);
			if (at === -1) {
				this.carry = buf.subarray(Math.max(0, buf.length - SHEET_DATA.length));
				return;
			}
			const gt = buf.indexOf(GT, at);
			if (gt === -1) {
				this.carry = buf.subarray(at);
				return;
			}
			this.started = true;
			if (buf[gt - 1] === SLASH) {
				this.done = true;
				return;
			}
			pos = gt + 1;
		}
		// Rows are parsed up to the last complete one; the rest waits for the next chunk.
		const last = buf.lastIndexOf(ROW_END);
		const complete = last === -1 ? pos : last + ROW_END.length;
		pos = this.rows(buf, pos, complete);
		if (this.done) return;
		if (pos < buf.length) {
			buf = buf.subarray(pos);
			this.carry = Buffer.from(buf);
		}
	}

	end(): void {
		// The end of the part may hold no </row>: self-closing rows, </sheetData>.
		if (!this.done && this.carry) {
			const last = Buffer.concat([this.carry, ...this.pending]);
			this.carry = null;
			this.pending = [];
			this.pendingLength = 0;
			this.scan(last);
		}
		if (!this.done) throw new NotFast('no end of sheetData');
	}

	private rows(buf: Buffer, pos: number, complete: number): number {
		for (;;) {
			while (pos < buf.length && buf[pos]! <= 0x20) pos++;
			if (pos >= buf.length) return pos;
			if (buf[pos] !== LT) throw new NotFast('text between rows');
			if (startsWith(buf, pos, SHEET_DATA_END)) {
				this.done = true;
				return pos;
			}
			// "<row" then a space, '>' or '/'
			if (
				buf[pos + 1] !== 0x72 ||
				buf[pos + 2] !== 0x6f ||
				buf[pos + 3] !== 0x77 ||
				!(buf[pos + 4] === 0x20 || buf[pos + 4] === GT || buf[pos + 4] === SLASH)
			) {
				if (pos + 12 > buf.length) return pos;
				throw new NotFast('an element other than <row>');
			}
			let gt = pos + 4;
			while (gt < buf.length && buf[gt] !== GT) gt++;
			if (gt >= buf.length) return pos;
			const selfClosing = buf[gt - 1] === SLASH;
			if (!selfClosing && gt >= complete) return pos;
			const row = this.rowNumber(buf, pos + 4, gt);
			this.row = row;
			this.kind.fill(KIND_NONE);
			pos = selfClosing ? gt + 1 : this.cells(buf, gt + 1, complete);
			if (row > this.head) this.emit(buf, row);
		}
	}

	private rowNumber(buf: Buffer, from: number, gt: number): number {
		const at = attribute(buf, from, gt, 0x72);
		if (at === -1) throw new NotFast('a row without its number');
		let n = 0;
		let i = at;
		for (; buf[i]! >= 0x30 && buf[i]! <= 0x39; i++) n = n * 10 + buf[i]! - 0x30;
		if (i === at || buf[i] !== QUOTE) throw new NotFast('a row number that is not a number');
		return n;
	}

	/** The cells of a row from after `<row …>`; returns the position after `</row>`. */
	private cells(buf: Buffer, pos: number, complete: number): number {
		for (;;) {
			while (buf[pos]! <= 0x20 && pos < complete) pos++;
			if (pos >= complete) throw new NotFast('an unclosed row');
			if (buf[pos] !== LT) throw new NotFast('text in a row');
			if (buf[pos + 1] === SLASH) {
				if (!startsWith(buf, pos, ROW_END)) throw new NotFast('an unexpected end tag');
				return pos + ROW_END.length;
			}
			const after = buf[pos + 2];
			if (buf[pos + 1] !== 0x63 || !(after === 0x20 || after === GT || after === SLASH))
				throw new NotFast('an element other than <c>');
			pos = this.cell(buf, pos, complete);
		}
	}

	/** Positions of the r, s and t values in the cell tag being read (-1: absent). */
	private ref = -1;
	private styleAt = -1;
	private typeAt = -1;

	/**
	 * Reads the cell tag's attributes in one pass (names of one letter; others skipped) and
	 * returns the position of its '>'. Short distances: a loop beats calls into indexOf.
	 */
	private cellTag(buf: Buffer, from: number, complete: number): number {
		this.ref = this.styleAt = this.typeAt = -1;
		let i = from;
		for (;;) {
			while (i < complete && buf[i] === 0x20) i++;
			const c = buf[i];
			if (c === GT || c === SLASH) break;
			if (i >= complete) throw new NotFast('an unclosed cell tag');
			const one = buf[i + 1] === EQUALS;
			while (i < complete && buf[i] !== QUOTE) i++;
			const value = ++i;
			while (i < complete && buf[i] !== QUOTE) i++;
			if (i >= complete) throw new NotFast('an odd attribute');
			i++;
			if (!one) continue;
			if (c === 0x72) this.ref = value;
			else if (c === 0x73) this.styleAt = value;
			else if (c === 0x74) this.typeAt = value;
		}
		if (buf[i] === SLASH && buf[i + 1] !== GT) throw new NotFast('an odd cell tag');
		return buf[i] === SLASH ? i + 1 : i;
	}

	private cell(buf: Buffer, lt: number, complete: number): number {
		const gt = this.cellTag(buf, lt + 2, complete);
		const ref = this.ref;
		if (ref === -1) throw new NotFast('a cell without a reference');
		let col = 0;
		let i = ref;
		for (; buf[i]! >= 0x41 && buf[i]! <= 0x5a; i++) col = col * 26 + buf[i]! - 0x40;
		if (i === ref) throw new NotFast('a lower-case or empty cell reference');
		col--;
		if (col >= this.maxColumns) throw new RowTooWide(this.row, this.maxColumns);
		const field = col < this.fieldOf.length ? this.fieldOf[col]! : -1;
		if (buf[gt - 1] === SLASH) return gt + 1;
		if (field === -1) {
			let end = gt + 1;
			for (;;) {
				while (end < complete && buf[end] !== LT) end++;
				if (end >= complete) throw new NotFast('an unclosed cell');
				if (buf[end + 1] === SLASH && buf[end + 2] === 0x63 && buf[end + 3] === GT) return end + 4;
				end++;
			}
		}
		const type = cellType(buf, this.typeAt);
		let end: number;
		if (startsWith(buf, gt + 1, V_START)) {
			const start = gt + 1 + V_START.length;
			let close = start;
			while (close < complete && buf[close] !== LT) close++;
			if (!startsWith(buf, close, V_END)) throw new NotFast('an odd <v>');
			if (type === 0x73) this.kind[field] = KIND_SHARED;
			else if (type === 0x6e) this.kind[field] = KIND_NUMBER;
			else if (type === 0x62) this.kind[field] = KIND_BOOL;
			else throw new NotFast('a cell type other than s, n, b');
			this.from[field] = start;
			this.to[field] = close;
			if (type === 0x6e) this.style[field] = styleOf(buf, this.styleAt);
			end = close + V_END.length;
		} else if (type === 0x69 && startsWith(buf, gt + 1, IS_T)) {
			end = this.inline(buf, gt + 1 + IS_T.length, field);
		} else if (type === 0x69 && startsWith(buf, gt + 1, IS_T_PRESERVE)) {
			end = this.inline(buf, gt + 1 + IS_T_PRESERVE.length, field);
		} else {
			throw new NotFast('a formula, rich text or other cell content');
		}
		while (buf[end]! <= 0x20 && end < complete) end++;
		if (!startsWith(buf, end, CELL_END)) throw new NotFast('more than one value in a cell');
		return end + CELL_END.length;
	}

	private inline(buf: Buffer, start: number, field: number): number {
		let close = start;
		while (close < buf.length && buf[close] !== LT) close++;
		if (!startsWith(buf, close, T_IS_END)) throw new NotFast('rich inline text');
		this.kind[field] = KIND_INLINE;
		this.from[field] = start;
		this.to[field] = close;
		return close + T_IS_END.length;
	}

	private emit(buf: Buffer, row: number): void {
		const out = this.out;
		out.start(row);
		for (let f = 0; f < this.fields; f++) {
			const from = this.from[f]!;
			const to = this.to[f]!;
			switch (this.kind[f]) {
				case KIND_NONE:
					out.field(null);
					break;
				case KIND_SHARED: {
					if (this.textByField[f] === 1) {
						out.field(this.convert(this.sharedText(digitsAt(buf, from, to)).value, f));
						break;
					}
					const text = this.sharedText(digitsAt(buf, from, to));
					if (text.text !== null) out.field(text.text);
					else out.fieldBytes(text.bytes, 0, text.bytes.length);
					break;
				}
				case KIND_INLINE:
					if (plain(buf, from, to) && this.textByField[f] !== 1) out.fieldBytes(buf, from, to);
					else out.field(this.convert(decodeText(buf.toString('utf8', from, to)), f));
					break;
				case KIND_NUMBER: {
					const n = numberAt(buf, from, to);
					if (from === to || Number.isNaN(n)) throw new NotFast('a number that is not one');
					if (this.ctx.dateStyles[this.style[f]!] !== 1) {
						out.field(this.convert(n, f));
						break;
					}
					const serial = this.ctx.date1904 ? n + DATE1904_OFFSET : n;
					const day = this.dayBytes(serial, f);
					if (day) out.fieldBytes(day, 0, day.length);
					else out.field(this.convert(new XlsxDate(serial), f));
					break;
				}
				case KIND_BOOL:
					out.field(this.convert(buf[from] === 0x31 || startsWith(buf, from, TRUE), f));
					break;
			}
		}
		out.end();
	}

	/** A whole-day serial's text, converted once (a date's text does not depend on its field). */
	private readonly days: (Buffer | undefined)[] = [];
	private dayBytes(serial: number, field: number): Buffer | null {
		if (!Number.isInteger(serial) || serial < 1 || serial > 100_000) return null;
		return (this.days[serial] ??= Buffer.from(this.convert(new XlsxDate(serial), field)));
	}

	private sharedText(index: number): SharedText {
		let found = this.shared[index];
		if (found) return found;
		const text = this.ctx.sharedStrings[index];
		if (text === undefined) throw new NotFast('a shared string that does not exist');
		const value = this.convert(text, 0);
		const special = /[\x1f\x02\n\r]/.test(value); // eslint-disable-line no-control-regex
		found = {
			value: text,
			bytes: Buffer.from(value),
			text: special || value === '' ? value : null
		};
		this.shared[index] = found;
		return found;
	}
}

const TRUE = bytes('true');

const INLINE_STR = bytes('inlineStr"');

/** The t attribute as one letter: n (also when absent), s, b, i (inlineStr); 0 for the others. */
function cellType(buf: Buffer, at: number): number {
	if (at === -1) return 0x6e;
	if (buf[at + 1] === QUOTE) return buf[at]!;
	return startsWith(buf, at, INLINE_STR) ? 0x69 : 0;
}

function startsWith(buf: Buffer, at: number, what: Buffer): boolean {
	if (at + what.length > buf.length) return false;
	for (let i = 0; i < what.length; i++) if (buf[at + i] !== what[i]) return false;
	return true;
}

/** Position of the value of the one-letter attribute `name` in a tag, or -1. */
function attribute(buf: Buffer, from: number, gt: number, name: number): number {
	for (let i = from; i < gt; i++) {
		const c = buf[i]!;
		if (c === QUOTE) {
			// skip a value
			let close = i + 1;
			while (close < gt && buf[close] !== QUOTE) close++;
			if (close >= gt) throw new NotFast('an odd attribute');
			i = close;
		} else if (c === name && buf[i - 1] === 0x20 && buf[i + 1] === EQUALS && buf[i + 2] === QUOTE) {
			return i + 3;
		}
	}
	return -1;
}

const DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A number's text as a number: plain digits read here, decimals (times of day, exponents) by
 * Number(); NaN for anything else, which the general scanner judges.
 */
function numberAt(buf: Buffer, from: number, to: number): number {
	let n = 0;
	let i = from;
	for (; i < to && i - from < 15; i++) {
		const d = buf[i]! - 0x30;
		if (d < 0 || d > 9) break;
		n = n * 10 + d;
	}
	if (i === to && to > from) return n;
	const text = buf.toString('latin1', from, to);
	return DECIMAL.test(text) ? Number(text) : NaN;
}

function styleOf(buf: Buffer, at: number): number {
	let n = 0;
	if (at !== -1)
		for (let i = at; buf[i]! >= 0x30 && buf[i]! <= 0x39; i++) n = n * 10 + buf[i]! - 0x30;
	return n;
}

function digitsAt(buf: Buffer, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const d = buf[i]! - 0x30;
		if (d < 0 || d > 9) throw new NotFast('a shared string index that is not a number');
		n = n * 10 + d;
	}
	if (from === to) throw new NotFast('an empty shared string index');
	return n;
}

/**
 * Text bytes that need no decoding, trimming or quoting: no entities, escapes or line breaks
 * (& _ CR LF), no separators, and no white space at either end (Unicode spaces included).
 */
function plain(buf: Buffer, from: number, to: number): boolean {
	if (from === to) return false;
	for (let i = from; i < to; i++) {
		const c = buf[i]!;
		if (c < 0x20 || c === 0x26 || c === 0x5f) return false;
	}
	if (buf[from] === 0x20 || buf[to - 1] === 0x20) return false;
	return !unicodeSpaceAt(buf, from, to);
}

/** A Unicode white space (as String.prototype.trim knows it) at the start or end, as UTF-8. */
function unicodeSpaceAt(buf: Buffer, from: number, to: number): boolean {
	return (
		(buf[from]! >= 0x80 && isSpace(buf, from, to)) ||
		(buf[to - 1]! >= 0x80 && endsWithSpace(buf, from, to))
	);
}

/** U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF starting at `at`. */
function isSpace(buf: Buffer, at: number, to: number): boolean {
	const a = buf[at]!;
	const b = at + 1 < to ? buf[at + 1]! : -1;
	const c = at + 2 < to ? buf[at + 2]! : -1;
	if (a === 0xc2) return b === 0xa0;
	if (a === 0xe1) return b === 0x9a && c === 0x80;
	if (a === 0xe2)
		return (
			(b === 0x80 && ((c >= 0x80 && c <= 0x8a) || c === 0xa8 || c === 0xa9 || c === 0xaf)) ||
			(b === 0x81 && c === 0x9f)
		);
	if (a === 0xe3) return b === 0x80 && c === 0x80;
	if (a === 0xef) return b === 0xbb && c === 0xbf;
	return false;
}

function endsWithSpace(buf: Buffer, from: number, to: number): boolean {
	return (
		(to - 2 >= from && isSpace(buf, to - 2, to)) || (to - 3 >= from && isSpace(buf, to - 3, to))
	);
}
