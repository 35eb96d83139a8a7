/**
 * DuckDB's CSV reader skips empty records and, in its parallel mode, the records it cannot read
 * (titles and totals shorter than the header), so its running count drifts from the row numbers
 * a user sees in Excel. One quote-aware pass finds the empty records and counts them all; with
 * the records DuckDB set aside, every reported row is exact.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface RecordScan {
	/** 1-based numbers of the empty records. */
	blanks: number[];
	/** Records in the file, empty ones included. */
	records: number;
	/** Byte offset in the file where each record starts (record n at index n - 1). */
	starts: Float64Array;
	/** Where the file's last quoted field opened, when the file ends inside it. */
	unclosedQuote: { record: number; offset: number } | null;
}

/**
 * Scans a UTF-8 CSV file the way Excel and DuckDB read it: a quote opens a quoted field only at
 * the start of a field (a quote inside unquoted text is a character), a doubled quote inside one
 * is a quote, and line breaks inside one do not end the record. Jumps from quote to line break
 * with indexOf: a byte-by-byte loop in JavaScript would cost more than DuckDB's whole read.
 */
export async function scanRecords(file: string, delimiter = ','): Promise<RecordScan> {
	const delim = delimiter.charCodeAt(0);
	const blanks: number[] = [];
	let starts: Float64Array = new Float64Array(1 << 16);
	let base = 0;
	let record = 1;
	let inQuote = false;
	// A quote ended the last chunk inside a quoted field: closing, or the first of a pair.
	let quoteAtEnd = false;
	let opened = { record: 0, offset: 0 };
	let previous = LF;
	// Bytes of the current record seen so far (0, or 1 for a lone CR: still empty).
	let length = 0;
	let onlyCr = true;
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
		const bytes = chunk as Buffer;
		let pos = 0;
		if (quoteAtEnd) {
			quoteAtEnd = false;
			if (bytes[0] === QUOTE) pos = 1;
			else inQuote = false;
		}
		// The next quote and line break at or after pos, each looked up again only once pos has
		// passed it: searching from every record or field would read a chunk with few quotes (or
		// long records) over and over.
		let quote = -2;
		let lf = -2;
		while (pos < bytes.length) {
			if (quote !== -1 && quote < pos) quote = bytes.indexOf(QUOTE, pos);
			if (inQuote) {
				if (quote < 0) break;
				length++;
				if (quote + 1 === bytes.length) {
					quoteAtEnd = true;
					pos = quote + 1;
				} else if (bytes[quote + 1] === QUOTE) pos = quote + 2;
				else {
					inQuote = false;
					pos = quote + 1;
				}
				continue;
			}
			if (lf !== -1 && lf < pos) lf = bytes.indexOf(LF, pos);
			if (lf >= 0 && (quote < 0 || lf < quote)) {
				const before = lf - pos;
				if (before > 0) {
					onlyCr = onlyCr && before === 1 && bytes[lf - 1] === CR && length === 0;
					length += before;
				}
				if (length === 0 || (length === 1 && onlyCr)) blanks.push(record);
				if (record === starts.length) starts = grow(starts);
				starts[record] = base + lf + 1;
				record++;
				length = 0;
				onlyCr = true;
				pos = lf + 1;
			} else if (quote >= 0) {
				const before = quote > 0 ? bytes[quote - 1]! : previous;
				// Only a quote that starts a field (the record, or after a delimiter) opens one.
				inQuote = (length === 0 && quote === pos) || before === delim;
				if (inQuote) opened = { record, offset: base + quote };
				length += quote - pos + 1;
				onlyCr = false;
				pos = quote + 1;
			} else {
				const rest = bytes.length - pos;
				if (rest > 0) {
					onlyCr = onlyCr && rest === 1 && bytes[bytes.length - 1] === CR && length === 0;
					length += rest;
				}
				break;
			}
		}
		previous = bytes[bytes.length - 1] ?? previous;
		base += bytes.length;
	}
	// A last record without a line break still counts, unless it is empty.
	const open = length > 0 && !(length === 1 && onlyCr);
	const records = record - 1 + (open ? 1 : 0);
	return {
		blanks,
		records,
		starts: starts.subarray(0, records),
		unclosedQuote: inQuote && !quoteAtEnd ? opened : null
	};
}

function grow(starts: Float64Array): Float64Array {
	const bigger = new Float64Array(starts.length * 2);
	bigger.set(starts);
	return bigger;
}

/** The 1-based number of the record holding byte `offset`. */
export function recordAt(scan: RecordScan, offset: number): number {
	const { starts } = scan;
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

/**
 * For a reader's running number of the records it returned (1-based ordinals): from which
 * ordinal on how many skipped records precede it, given the skipped records' numbers in
 * ascending order. Consecutive skipped records share a start; the larger shift wins.
 */
export function skipShifts(skipped: number[]): { firstOrdinal: number; shift: number }[] {
	const byStart = new Map<number, number>();
	skipped.forEach((physical, i) => byStart.set(physical - i, i + 1));
	return [...byStart].map(([firstOrdinal, shift]) => ({ firstOrdinal, shift }));
}
