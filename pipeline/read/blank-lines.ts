/**
 * DuckDB's CSV reader skips empty lines, so its row count drifts from the row numbers a user sees
 * in Excel. One quote-aware pass finds the empty records, so every reported row is exact.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** 1-based record numbers of the empty records of a UTF-8 CSV file (newlines in quotes included). */
export async function blankRecords(file: string): Promise<number[]> {
	const blanks: number[] = [];
	let record = 1;
	let inQuote = false;
	let empty = true;
	let afterCr = false;
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
		const bytes = chunk as Buffer;
		for (let i = 0; i < bytes.length; i++) {
			const b = bytes[i]!;
			if (b === LF && afterCr) {
				// The LF of a CRLF: the record already ended at the CR.
				afterCr = false;
				continue;
			}
			afterCr = false;
			if (b === QUOTE) {
				inQuote = !inQuote;
				empty = false;
			} else if ((b === LF || b === CR) && !inQuote) {
				if (empty) blanks.push(record);
				record++;
				empty = true;
				afterCr = b === CR;
			} else {
				empty = false;
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
