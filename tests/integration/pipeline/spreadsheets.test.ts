/**
 * Exports as real spreadsheet programs save them (tests/fixtures/spreadsheets, see make/README.md
 * there for which program wrote which file), ingested through the command line: the 1904 date
 * system, hidden sheets, date cells in the title, signature lines below the data, and the
 * formats the reader refuses (.ods, .xls) with what to do.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { query as queryDatabase } from '../../support/database.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/spreadsheets');
const fixture = (name: string) => path.join(FIXTURES, name);

let dir: string;
let db: string;

beforeEach(async () => {
	({ dir, db } = await freshDatabase());
});

const query = <T>(sql: string) => queryDatabase<T>(db, sql);

async function ingest(file: string, ...options: string[]) {
	const result = await pipeline(['ingest', file, '--db', db, ...options]);
	expect(result.code, result.text).toBe(0);
	return result;
}

const registrations = () =>
	query(
		`SELECT row, registered_on::VARCHAR AS registered, status, recognised_on::VARCHAR AS recognised
		 FROM registration ORDER BY row`
	);
const imported = () =>
	query(
		'SELECT sheet, as_of::VARCHAR AS as_of, rows_read, rows_accepted, rows_rejected FROM import'
	);

describe('the 1904 date system', () => {
	it('reads date cells, plain-number and text serials and the title date with the workbook calendar', async () => {
		await ingest(fixture('date1904.xlsx'));
		expect(await imported()).toEqual([
			{ sheet: 'Danh sách', as_of: '2023-11-30', rows_read: 3, rows_accepted: 3, rows_rejected: 0 }
		]);
		expect(await registrations()).toEqual([
			{ row: 4, registered: '2023-07-01', status: 'recognised', recognised: '2023-07-15' },
			{ row: 5, registered: '2023-07-03', status: 'registered', recognised: null },
			{ row: 6, registered: '2023-07-05', status: 'recognised', recognised: '2023-07-20' }
		]);
	});
});

describe('hidden sheets', () => {
	it('skips a hidden old template before the data sheet, and says which sheet was read', async () => {
		const result = await ingest(fixture('hidden-template.xlsx'));
		expect(result.text).toContain('trang “Danh sách”');
		expect(await imported()).toEqual([
			{ sheet: 'Danh sách', as_of: '2023-07-31', rows_read: 2, rows_accepted: 2, rows_rejected: 0 }
		]);
	});

	it('skips a very hidden one too', async () => {
		await ingest(fixture('very-hidden.xlsx'));
		expect(await imported()).toEqual([
			{ sheet: 'Danh sách', as_of: '2023-07-31', rows_read: 1, rows_accepted: 1, rows_rejected: 0 }
		]);
	});

	it('reads a hidden sheet when no visible one holds a header', async () => {
		const result = await ingest(fixture('hidden-data.xlsx'), '--lang', 'en');
		expect(result.text).toContain('sheet "Dữ liệu"');
		expect(await imported()).toEqual([
			{ sheet: 'Dữ liệu', as_of: '2023-07-31', rows_read: 1, rows_accepted: 1, rows_rejected: 0 }
		]);
	});
});

describe('the title and the lines below the data', () => {
	it('takes the as-of date from a date cell after "Tính đến ngày" and skips signature lines in any column', async () => {
		const result = await ingest(fixture('title-date-footer.xlsx'));
		expect(await imported()).toEqual([
			{ sheet: 'Danh sách', as_of: '2023-11-30', rows_read: 3, rows_accepted: 2, rows_rejected: 1 }
		]);
		// The row without an ID above the signatures is data: rejected, not skipped.
		expect(await query('SELECT row, reason FROM reject')).toEqual([
			{ row: 5, reason: 'missing_id' }
		]);
		expect((await registrations()).map((r) => (r as { row: number }).row)).toEqual([4, 6]);
		// The total and four signature lines (LibreOffice writes no element for the blank row 7).
		expect(result.text).toContain('5 dòng trống, dòng tổng cộng hoặc chữ ký được bỏ qua');
	});

	it('takes the as-of date from a date cell whose number format writes "Tính đến ngày"', async () => {
		await ingest(fixture('title-date-format.xlsx'));
		expect(await imported()).toEqual([
			{ sheet: 'Danh sách', as_of: '2023-10-31', rows_read: 2, rows_accepted: 2, rows_rejected: 0 }
		]);
	});

	it('skips "Người lập biểu" written in the date column of a CSV, and keeps rejecting rows with data', async () => {
		const file = await writeCsv(path.join(dir, 'footer.csv'), [
			['Tính đến ngày', '31/07/2023'],
			HEADER,
			row(1),
			row(2, { id: '' }),
			row(3),
			['', '', '', '', '', '', 'Người lập biểu', '', ''],
			['', '', '', '', '', '', '', 'Thủ trưởng đơn vị', ''],
			['', '', '', '', '', '', 'Ngày 31 tháng 7 năm 2023', '', ''],
			['', '', '', '', '', '', 'Kế toán', '(Ký, ghi rõ họ tên)', '']
		]);
		const result = await ingest(file);
		expect(await imported()).toEqual([
			{ sheet: null, as_of: '2023-07-31', rows_read: 3, rows_accepted: 2, rows_rejected: 1 }
		]);
		expect(await query('SELECT row, reason FROM reject')).toEqual([
			{ row: 4, reason: 'missing_id' }
		]);
		expect(result.text).toContain('4 dòng trống, dòng tổng cộng hoặc chữ ký được bỏ qua');
	});
});

describe('formats the reader refuses', () => {
	it.each([
		[
			'export.ods',
			'vi',
			'✗ tệp export.ods: đây là tệp OpenDocument (.ods), không đọc được: mở tệp trong Excel hoặc LibreOffice và lưu thành .xlsx'
		],
		[
			'export.xls',
			'vi',
			'✗ tệp export.xls: đây là tệp Excel cũ (.xls), không đọc được: mở tệp trong Excel hoặc LibreOffice và lưu thành .xlsx'
		],
		[
			'export.ods',
			'en',
			'✗ file export.ods: this is an OpenDocument spreadsheet (.ods), which cannot be read: open it in Excel or LibreOffice and save it as .xlsx'
		],
		[
			'export.xls',
			'en',
			'✗ file export.xls: this is an old Excel workbook (.xls), which cannot be read: open it in Excel or LibreOffice and save it as .xlsx'
		]
	])('%s (%s): one line saying what it is and what to do', async (name, lang, line) => {
		const result = await pipeline(['ingest', fixture(name), '--db', db, '--lang', lang]);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([line]);
		expect(await query('SELECT count(*)::INTEGER AS n FROM import')).toEqual([{ n: 0 }]);
	});

	it('refuses an .xls unit list the same way, and changes nothing', async () => {
		const result = await pipeline(['units', fixture('export.xls'), '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			'✗ tệp export.xls: đây là tệp Excel cũ (.xls), không đọc được: mở tệp trong Excel hoặc LibreOffice và lưu thành .xlsx'
		]);
		expect(await query('SELECT count(*)::INTEGER AS n FROM unit')).not.toEqual([{ n: 0 }]);
	});

	it('says the same whatever the file is called', async () => {
		const { copyFileSync } = await import('node:fs');
		const renamed = path.join(dir, 'danh-sach.xlsx');
		copyFileSync(fixture('export.ods'), renamed);
		const result = await pipeline(['ingest', renamed, '--db', db]);
		expect(result.errors).toEqual([
			'✗ tệp danh-sach.xlsx: đây là tệp OpenDocument (.ods), không đọc được: mở tệp trong Excel hoặc LibreOffice và lưu thành .xlsx'
		]);
	});
});
