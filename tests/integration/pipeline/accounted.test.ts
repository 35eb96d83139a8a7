/**
 * Nothing dropped silently, on every read path: the rows loaded, the rows ignored (blank, totals,
 * signatures) and the title and header rows add up to the file's rows; a file whose rows would
 * not (row numbers that repeat) is refused in one line instead of loaded short.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PersonKeyer, registerPersonKey } from '../../../pipeline/person-key.ts';
import { refuseUnaccounted } from '../../../pipeline/read/accounting.ts';
import { readCsv } from '../../../pipeline/read/csv.ts';
import { createStaging, STAGING } from '../../../pipeline/read/staging.ts';
import { memoryConnection } from '../../support/database.ts';
import { freshDatabase, HEADER, row, writeXlsx } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import { inlineRows, sharedRows, workbookParts, writeRawXlsx } from '../../support/raw-xlsx.ts';

let dir: string;
let db: string;
beforeAll(async () => {
	({ dir, db } = await freshDatabase());
});

const ingest = (file: string) =>
	pipeline(['ingest', file, '--db', db, '--as-of', '2023-07-31', '--lang', 'en', '--dry-run']);

/** Rows read and rows ignored, from the summary. */
function counts(text: string): { read: number; ignored: number } {
	const number = (pattern: RegExp) => Number(pattern.exec(text)?.[1]?.replaceAll(',', '') ?? 0);
	return {
		read: number(/([\d,]+) rows read/),
		ignored: number(/([\d,]+) blank, total or signature rows ignored/)
	};
}

const TITLE = ['Tính đến ngày 31/07/2023'];
const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c}"` : c)).join(',');

/**
 * A CSV with 2 title and header rows, data rows (one with a quoted line break, one short, one
 * rejected), blank lines among them and 3 footer lines: `data` rows count, 2 lines are blank.
 */
function csvText(data: number, short: (n: number) => boolean): string {
	const lines = [csvLine(TITLE), csvLine(HEADER)];
	for (let n = 1; n <= data; n++) {
		const cells = row(n, n === 3 ? { district: 'Huyện\nCan Lộc' } : n === 4 ? { id: '12' } : {});
		lines.push(csvLine(short(n) ? cells.slice(0, 8) : cells));
		if (n === 2 || n === data - 1) lines.push('');
	}
	lines.push('', 'Tổng cộng: 3', 'Người lập biểu');
	return lines.join('\r\n') + '\r\n';
}

describe('every row of a file is accounted for', () => {
	for (const [reader, data, short] of [
		['parallel', 40, (n: number) => n === 6],
		// More short rows than the parallel reader sets aside.
		['serial', 3000, (n: number) => n % 2 === 0]
	] as const)
		it(`CSV, ${reader} reader: loaded + ignored + title and header = the file's rows`, async () => {
			const file = path.join(dir, `accounted-${reader}.csv`);
			writeFileSync(file, csvText(data, short));
			const result = await ingest(file);
			expect(result.code, result.text).toBe(0);
			const { read, ignored } = counts(result.text);
			// 3 blank lines (2 between rows, 1 above the footer) are not even staged; 2 footers.
			expect(read).toBe(data);
			expect(ignored).toBe(2);
			// Records end with CRLF (the quoted line break is a bare LF).
			const records = csvText(data, short).split('\r\n').length - 1;
			expect(2 + read + ignored + 3).toBe(records);
		});

	const sheet = (data: number) => [
		{ row: 1, cells: TITLE },
		{ row: 2, cells: HEADER },
		...Array.from({ length: data }, (_, i) => ({ row: i + 3, cells: row(i + 1) })),
		{ row: data + 5, cells: ['', 'Tổng cộng: 3'] },
		{ row: data + 7, cells: ['', 'Người lập biểu'] }
	];

	it('XLSX, fast path (shared strings): loaded + ignored + title and header = the sheet’s rows', async () => {
		const { sheetData, sharedStrings } = sharedRows(sheet(30));
		const file = await writeRawXlsx(
			path.join(dir, 'accounted-fast.xlsx'),
			workbookParts(sheetData, { sharedStrings })
		);
		const result = await ingest(file);
		expect(result.code, result.text).toBe(0);
		expect(counts(result.text)).toEqual({ read: 30, ignored: 2 });
	});

	it('XLSX, general path (inline strings): the same', async () => {
		const rows = sheet(30).map(({ row: r, cells }) => [...inlineRows([cells], r)][0]!);
		const file = await writeRawXlsx(path.join(dir, 'accounted-general.xlsx'), workbookParts(rows));
		const result = await ingest(file);
		expect(result.code, result.text).toBe(0);
		expect(counts(result.text)).toEqual({ read: 30, ignored: 2 });
	});

	it('XLSX written by the product’s writer: the same', async () => {
		const file = await writeXlsx(path.join(dir, 'accounted-writer.xlsx'), [
			TITLE,
			HEADER,
			...Array.from({ length: 30 }, (_, i) => row(i + 1)),
			['', 'Tổng cộng: 30']
		]);
		const result = await ingest(file);
		expect(result.code, result.text).toBe(0);
		expect(counts(result.text)).toEqual({ read: 30, ignored: 1 });
	});
});

describe('a file whose rows do not add up', () => {
	const repeated = (data: number) => {
		const rows = [
			{ row: 1, cells: TITLE },
			{ row: 2, cells: HEADER },
			...Array.from({ length: data }, (_, i) => ({ row: i + 3, cells: row(i + 1) }))
		];
		// Two rows numbered 10: one of them would replace the other.
		rows[8] = { ...rows[8]!, row: 10 };
		return rows;
	};
	const refusal = (file: string) =>
		new RegExp(
			`^✗ file ${file.replace('.', '\\.')}, sheet "Danh sách": read 19 distinct data rows where the file has 20: rows would be lost or numbered twice; not imported`
		);

	it('is refused when XLSX row numbers repeat (fast path)', async () => {
		const { sheetData, sharedStrings } = sharedRows(repeated(20));
		const file = await writeRawXlsx(
			path.join(dir, 'repeated-fast.xlsx'),
			workbookParts(sheetData, { sharedStrings })
		);
		const result = await ingest(file);
		expect(result.code, result.text).toBe(1);
		expect(result.errors).toEqual([expect.stringMatching(refusal('repeated-fast.xlsx'))]);
	});

	it('is refused when XLSX row numbers repeat (general path)', async () => {
		const rows = repeated(20).map(({ row: r, cells }) => [...inlineRows([cells], r)][0]!);
		const file = await writeRawXlsx(path.join(dir, 'repeated-general.xlsx'), workbookParts(rows));
		const result = await ingest(file);
		expect(result.code, result.text).toBe(1);
		expect(result.errors).toEqual([expect.stringMatching(refusal('repeated-general.xlsx'))]);
	});

	describe('a CSV reader that lost a row', () => {
		const connection = memoryConnection();
		it('is refused by the check both CSV readers end with', async () => {
			const key = Buffer.alloc(32, 5);
			registerPersonKey(connection(), key);
			await createStaging(connection());
			const file = path.join(dir, 'lost.csv');
			writeFileSync(
				file,
				csvText(40, () => false)
			);
			await readCsv(file, connection(), dir, new PersonKeyer(key));
			// The same check, after one staged row is gone: what a reader dropping it would leave.
			await connection().run(`DELETE FROM ${STAGING} WHERE row = 12`);
			// 40 rows and the 2 footer lines (ignored later).
			await expect(refuseUnaccounted(connection(), 42, { file: 'lost.csv' })).rejects.toThrow(
				/rows_unaccounted .*"read":41,"expected":42/
			);
		});
	});
});
