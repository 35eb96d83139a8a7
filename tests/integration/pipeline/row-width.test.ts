/**
 * Row width: a cell beyond the widest row allowed (Excel's XFD, or CDHT_XLSX_MAX_COLUMNS) is
 * refused while the sheet is read, in one line naming file, sheet and row, before any row is
 * padded out to it.
 */
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, HEADER, row, writeXlsx } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import { inlineCell, inlineRows, workbookParts, writeRawXlsx } from '../../support/raw-xlsx.ts';

let dir: string;
let db: string;

beforeAll(async () => {
	({ dir, db } = await freshDatabase());
});
afterEach(() => {
	delete process.env.CDHT_XLSX_MAX_COLUMNS;
});

const ingest = (file: string) =>
	pipeline(['ingest', file, '--db', db, '--as-of', '2023-07-31', '--lang', 'en']);

const TITLE = ['Tính đến ngày 31/07/2023'];
const refused = (file: string, row: number, limit: number) =>
	new RegExp(
		`^✗ file ${file.replace('.', '\\.')}, sheet "Danh sách", row ${row}: a row with a cell beyond column ${limit}: `
	);

describe('a row wider than allowed', () => {
	it('is refused at a cell beyond column XFD (a reference no spreadsheet writes)', async () => {
		const rows = [...inlineRows([TITLE, HEADER, row(1), row(2)])];
		// Row 4 (person 2) gets a cell at column ZZZZZ, some 12 million columns to the right.
		rows[3] = rows[3]!.replace('</row>', `${inlineCell('ZZZZZ4', 'x')}</row>`);
		const file = await writeRawXlsx(path.join(dir, 'wide.xlsx'), workbookParts(rows));
		const result = await ingest(file);
		expect(result.code, result.text).toBe(1);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(refused('wide.xlsx', 4, 16384));
	});

	it('is refused in the header rows too, and so are cells without references', async () => {
		// 20,000 cells without a reference after the title: each is one column further right.
		const title = `<row r="1">${'<c t="inlineStr"><is><t>x</t></is></c>'.repeat(20_000)}</row>`;
		const rows = [title, ...inlineRows([HEADER, row(1)], 2)];
		const file = await writeRawXlsx(path.join(dir, 'wide-title.xlsx'), workbookParts(rows));
		const result = await ingest(file);
		expect(result.code, result.text).toBe(1);
		expect(result.errors).toEqual([expect.stringMatching(refused('wide-title.xlsx', 1, 16384))]);
	});

	it('is refused beyond CDHT_XLSX_MAX_COLUMNS, by the fast path too; narrower rows load', async () => {
		const rows = [TITLE, HEADER, ...Array.from({ length: 30 }, (_, i) => row(i + 1))];
		rows[20] = [...rows[20]!, ...Array(12).fill('x')];
		const file = await writeXlsx(path.join(dir, 'wide-fast.xlsx'), rows);
		process.env.CDHT_XLSX_MAX_COLUMNS = '20';
		const result = await ingest(file);
		expect(result.code, result.text).toBe(1);
		expect(result.errors).toEqual([expect.stringMatching(refused('wide-fast.xlsx', 21, 20))]);
		process.env.CDHT_XLSX_MAX_COLUMNS = '21';
		const loaded = await ingest(file);
		expect(loaded.code, loaded.text).toBe(0);
		expect(loaded.text).toMatch(/\b30 rows\b/);
	});
});

describe('a giant cell (a zip bomb’s)', () => {
	// 40 MB of one letter in a kept cell of row 3: a few dozen kilobytes deflated.
	const bomb = (open: string, close: string, between = '') => [
		...inlineRows([TITLE, HEADER]),
		between,
		`<row r="3">${open}`,
		...Array.from({ length: 40 }, () => 'A'.repeat(2 ** 20)),
		`${close}</row>`
	];
	it.each([
		['fast path', bomb('<c r="E3" t="s"><v>', '</v></c>')],
		['general path', bomb('<c r="E3" t="inlineStr"><is><t>', '</t></is></c>', '<!-- x -->')]
	])('is refused once its row passes 32 MB, naming the row (%s)', async (kind, rows) => {
		const file = await writeRawXlsx(
			path.join(dir, `giant-${kind.replace(' ', '-')}.xlsx`),
			workbookParts(rows)
		);
		const started = Date.now();
		const result = await ingest(file);
		expect(result.code, result.text).toBe(1);
		expect(result.errors).toEqual([
			expect.stringMatching(
				/^✗ file giant-.*\.xlsx, sheet "Danh sách", row 3: a row longer than 32 MB inflated \(a giant cell: a damaged file or a zip bomb\); not read$/
			)
		]);
		expect(Date.now() - started).toBeLessThan(20_000);
	});
});
