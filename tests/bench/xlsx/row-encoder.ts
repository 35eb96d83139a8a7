import { excelSerialFromIso, isIsoDate, type IsoDate } from '../../../src/lib/dates.ts';
import type { WriteRow } from '../../../pipeline/demo/xlsx-writer.ts';
import { XmlBuffer } from './xml-buffer.ts';
import { needsPreserve } from './xml-escape.ts';
import { sharedStringsHead, STYLE } from './writer-parts.ts';

/** Column letters ("A", "Z", "AA", "XFD") for a 0-based index. */
function columnLetters(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const rem = (n - 1) % 26;
		out = String.fromCharCode(65 + rem) + out;
		n = (n - 1 - rem) / 26;
	}
	return out;
}

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

/**
 * The end of a cell's start tag after `<c r="B2`, by kind and style index: written in one piece
 * rather than attribute by attribute.
 */
const TAIL = tails({
	number: '><v>',
	shared: ' t="s"><v>',
	inline: ' t="inlineStr"><is><t>',
	inlinePreserve: ' t="inlineStr"><is><t xml:space="preserve">',
	true: ' t="b"><v>1</v></c>',
	false: ' t="b"><v>0</v></c>',
	empty: '/>'
});

function tails<K extends string>(ends: Record<K, string>): Record<K, string[]> {
	const styles = Object.values(STYLE);
	const table = {} as Record<K, string[]>;
	for (const kind of Object.keys(ends) as K[]) {
		table[kind] = styles.map((s) => `"${s === 0 ? '' : ` s="${s}"`}${ends[kind]}`);
	}
	return table;
}

/**
 * Turns rows into worksheet XML in a byte buffer, keeping the shared-string table: strings go to
 * the table until it holds `sharedLimit` of them, then new ones are written inline, so memory
 * stays bounded however many rows are written.
 */
export class RowEncoder {
	readonly out: XmlBuffer;
	private readonly sharedLimit: number;
	private readonly shared = new Map<string, number>();
	private sharedRefs = 0;
	private readonly columns: string[] = [];
	private readonly serials = new Map<string, number>();

	constructor(sharedLimit: number, bufferBytes: number) {
		this.sharedLimit = sharedLimit;
		this.out = new XmlBuffer(bufferBytes);
	}

	/** Appends row `r`; a row with a bad value is taken back whole before the error is thrown. */
	row(row: WriteRow, r: number): void {
		const mark = this.out.length;
		try {
			this.writeRow(row, r);
		} catch (error) {
			this.out.truncate(mark);
			throw error;
		}
	}

	/** sharedStrings.xml, in pieces of about `pieceBytes`. */
	*sharedStrings(pieceBytes: number): Generator<Buffer> {
		const out = new XmlBuffer(pieceBytes + (64 << 10));
		out.utf8(sharedStringsHead(this.sharedRefs, this.shared.size));
		for (const text of this.shared.keys()) {
			out.ascii(needsPreserve(text) ? '<si><t xml:space="preserve">' : '<si><t>');
			out.text(text);
			out.ascii('</t></si>');
			if (out.length >= pieceBytes) yield out.take();
		}
		out.ascii('</sst>');
		yield out.take();
	}

	private writeRow(row: WriteRow, r: number): void {
		const cells = row.cells;
		if (cells.length === 0) return; // an empty row needs no element
		if (cells.length > MAX_COLUMNS)
			throw new RangeError(`row ${r}: more than ${MAX_COLUMNS} columns`);
		const rowStyle =
			row.style === 'header' ? STYLE.header : row.style === 'title' ? STYLE.title : 0;
		const out = this.out;
		const rowRef = String(r); // written after every column's letters
		out.ascii('<row r="');
		out.ascii(rowRef);
		out.ascii('">');
		for (let i = 0; i < cells.length; i++) {
			const value = cells[i];
			if (value === null || value === undefined) {
				if (rowStyle !== 0) this.cellStart(i, rowRef, TAIL.empty[rowStyle]!);
			} else if (typeof value === 'string') {
				this.stringCell(i, rowRef, rowStyle, value);
			} else if (typeof value === 'number') {
				if (!Number.isFinite(value))
					throw new RangeError(`row ${r}: ${value} is not a finite number`);
				this.cellStart(i, rowRef, TAIL.number[rowStyle]!);
				out.number(value);
				out.ascii('</v></c>');
			} else if (typeof value === 'boolean') {
				this.cellStart(i, rowRef, (value ? TAIL.true : TAIL.false)[rowStyle]!);
			} else if ('date' in value) {
				this.cellStart(i, rowRef, TAIL.number[rowStyle || STYLE.date]!);
				out.number(this.serial(value.date, r));
				out.ascii('</v></c>');
			} else if ('text' in value) {
				this.stringCell(i, rowRef, rowStyle || STYLE.text, value.text);
			} else {
				throw new TypeError(`row ${r}: unsupported cell value ${JSON.stringify(value)}`);
			}
		}
		out.ascii('</row>');
	}

	/** `<c r="B2"` and the rest of the start tag (`tail`, from the TAIL table). */
	private cellStart(col: number, rowRef: string, tail: string): void {
		const out = this.out;
		out.ascii(this.cellOpen(col));
		out.ascii(rowRef);
		out.ascii(tail);
	}

	private stringCell(col: number, rowRef: string, style: number, text: string): void {
		// With no table at all, skip the lookup: hashing every string is most of this method.
		let index = this.sharedLimit === 0 ? undefined : this.shared.get(text);
		if (index === undefined && this.shared.size < this.sharedLimit) {
			index = this.shared.size;
			this.shared.set(text, index);
		}
		const out = this.out;
		if (index === undefined) {
			const tail = needsPreserve(text) ? TAIL.inlinePreserve : TAIL.inline;
			this.cellStart(col, rowRef, tail[style]!);
			out.text(text);
			out.ascii('</t></is></c>');
		} else {
			this.sharedRefs++;
			this.cellStart(col, rowRef, TAIL.shared[style]!);
			out.uint(index);
			out.ascii('</v></c>');
		}
	}

	/** `<c r="` and the column's letters. */
	private cellOpen(index: number): string {
		let open = this.columns[index];
		if (open === undefined) {
			open = `<c r="${columnLetters(index)}`;
			this.columns[index] = open;
		}
		return open;
	}

	/** Serial numbers of the days seen (a few thousand distinct days in practice). */
	private serial(day: IsoDate, r: number): number {
		let serial = this.serials.get(day);
		if (serial === undefined) {
			if (!isIsoDate(day)) throw new RangeError(`row ${r}: not a date (YYYY-MM-DD): ${day}`);
			serial = excelSerialFromIso(day);
			if (this.serials.size >= 100_000) this.serials.clear();
			this.serials.set(day, serial);
		}
		return serial;
	}
}
