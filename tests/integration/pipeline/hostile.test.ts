/**
 * Hostile files: refused at once with a one-line message and exit 1, never hung on, crashed on
 * or silently shortened.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, HEADER, id, row, writeXlsx } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

let dir: string;
let db: string;

beforeAll(async () => {
	({ dir, db } = await freshDatabase());
});

const ingestInEnglish = (file: string) =>
	pipeline(['ingest', file, '--db', db, '--as-of', '2023-07-31', '--lang', 'en']);

describe('files that are not regular files', () => {
	it('refuses a FIFO named .csv at once, naming it', async () => {
		const fifo = path.join(dir, 'pipe.csv');
		execFileSync('mkfifo', [fifo]);
		const result = await pipeline(['ingest', fifo, '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(/^✗ tệp pipe\.csv: không phải một tệp thường/);
	}, 10_000);

	it('refuses a link to /dev/zero named .xlsx at once', async () => {
		const link = path.join(dir, 'zero.xlsx');
		symlinkSync('/dev/zero', link);
		const result = await pipeline(['ingest', link, '--db', db, '--lang', 'en']);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			'✗ file zero.xlsx: not a regular file (a device, pipe or folder); save the export as a file and import that'
		]);
	}, 10_000);
});

describe('nothing dropped silently', () => {
	it.each(['Người "Thử 4', 'Người Thử 4"', '"Người" Thử 4', 'Người Thử" 4"'])(
		'loads all 20 rows of a CSV with a stray quote in a field (%s), as Excel reads it',
		async (name) => {
			// Written by hand: a CSV writer would quote the field and double the quote.
			const lines = [HEADER, ...Array.from({ length: 20 }, (_, i) => row(i + 1))].map((r) =>
				r.join(',')
			);
			lines[4] = lines[4]!.replace('Người Thử 4', name);
			const file = path.join(dir, `stray-${name.length}-${name.indexOf('"')}.csv`);
			writeFileSync(file, lines.join('\r\n') + '\r\n');
			const result = await pipeline([
				'ingest',
				file,
				'--db',
				db,
				'--lang',
				'en',
				'--as-of',
				'2023-07-31'
			]);
			expect(result.code, result.text).toBe(0);
			expect(result.text).toMatch(/\b20 rows\b/);
		}
	);
});

describe('unexpected failures', () => {
	it('end as one line with exit 1, no stack trace (a database under a file, not a folder)', async () => {
		writeFileSync(path.join(dir, 'plain'), 'x');
		const csv = path.join(dir, 'ok.csv');
		writeFileSync(csv, [HEADER, row(1)].map((r) => r.join(',')).join('\n'));
		const result = await pipeline([
			'ingest',
			csv,
			'--db',
			path.join(dir, 'plain', 'cdht.duckdb'),
			'--as-of',
			'2023-07-31',
			'--lang',
			'en'
		]);
		expect(result.code).toBe(1);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(/^✗ (file \S+: )?system error: .*plain/);
		expect(result.errors[0]).not.toMatch(/\n| {4}at /);
	});
});

describe('zip bombs', () => {
	it('refuses a part that inflates beyond the limit, naming file and part, before inflating it', async () => {
		const file = await writeXlsx(path.join(dir, 'bomb.xlsx'), [
			HEADER,
			...Array.from({ length: 200 }, (_, i) => row(i + 1))
		]);
		process.env.CDHT_XLSX_MAX_PART = '4096';
		try {
			const result = await ingestInEnglish(file);
			expect(result.code).toBe(1);
			// Shared strings are read before the sheet.
			expect(result.errors).toEqual([
				'✗ file bomb.xlsx: part xl/sharedStrings.xml inflates beyond the 1 MB limit (a damaged file or a zip bomb); not read'
			]);
		} finally {
			delete process.env.CDHT_XLSX_MAX_PART;
		}
	});
});

describe('oversized cells', () => {
	// Refused at Excel's 32,767 characters, naming the cell, in one line without a personal value.
	it('a 5 MB cell in a kept column is refused naming its row and column, exit 1', async () => {
		const rows = Array.from({ length: 20 }, (_, i) => row(i + 1));
		rows[5]![4] = 'Huyện '.repeat(900_000);
		const file = await writeXlsx(path.join(dir, 'big-cell.xlsx'), [HEADER, ...rows]);
		const result = await ingestInEnglish(file);
		expect(result.code).toBe(1);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(
			/^✗ file big-cell\.xlsx, sheet .*, row 7, column .*: a cell longer than 32767 characters/
		);
		expect(result.text).not.toMatch(/\n| {4}at /);
		expect(result.text).not.toContain(id(6));
	}, 60_000);
});
