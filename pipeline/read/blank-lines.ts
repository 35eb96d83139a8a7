/**
 * DuckDB's CSV reader skips empty lines, so its row count drifts from the row numbers a user sees
 * in Excel. One quote-aware pass finds the empty records, so every reported row is exact.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * 1-based record numbers of the empty records of a UTF-8 CSV file (line breaks inside quotes do
 * not end a record). Jumps from quote to line break with indexOf: a byte-by-byte loop in
 * JavaScript would cost more than DuckDB's whole read.
 */
export async function blankRecords(file: string): Promise<number[]> {
	const blanks: number[] = [];
	let record = 1;
	let inQuote = false;
	// Bytes of the current record seen so far (0, or 1 for a lone CR: still empty).
	let length = 0;
	let onlyCr = true;
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
		const bytes = chunk as Buffer;
		let pos = 0;
		while (pos < bytes.length) {
			const quote = bytes.indexOf(QUOTE, pos);
			if (inQuote) {
				if (quote < 0) break;
				inQuote = false;
				pos = quote + 1;
				length++;
				onlyCr = false;
				continue;
			}
			const lf = bytes.indexOf(LF, pos);
			if (lf >= 0 && (quote < 0 || lf < quote)) {
				const before = lf - pos;
				if (before > 0) {
					onlyCr = onlyCr && before === 1 && bytes[lf - 1] === CR && length === 0;
					length += before;
				}
				if (length === 0 || (length === 1 && onlyCr)) blanks.push(record);
				record++;
				length = 0;
				onlyCr = true;
				pos = lf + 1;
			} else if (quote >= 0) {
				inQuote = true;
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
	}
	return blanks;
}

/**
 * For DuckDB's running number of non-empty records: from which number on how many empty records
 * precede it. Consecutive empty records share a start; the larger shift wins.
 */
export function blankShifts(blanks: number[]): { firstOrdinal: number; shift: number }[] {
	const byStart = new Map<number, number>();
	blanks.forEach((physical, i) => byStart.set(physical - i, i + 1));
	return [...byStart].map(([firstOrdinal, shift]) => ({ firstOrdinal, shift }));
}
