import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook, XlsxDate } from '../../../../pipeline/xlsx/reader.ts';
import { plain, readRows, tempDir } from './helpers.ts';

const dir = tempDir();
const file = (name: string): string => path.join(dir, name);

describe('files written by exceljs, read by the reader', () => {
	it('reads shared strings, rich text, styles, dates, formulas and several sheets', async () => {
		const f = file('exceljs.xlsx');
		const wb = new ExcelJS.Workbook();
		const first = wb.addWorksheet('Tổng hợp');
		first.mergeCells('A1:C1');
		first.getCell('A1').value = 'BÁO CÁO';
		first.getCell('A1').font = { bold: true, size: 14 };
		first.addRow(['Đơn vị', 'Số người', 'Ngày']);
		first.addRow(['Xã Tân Lập', 120, new Date(Date.UTC(2023, 6, 10))]);
		first.getCell('C3').numFmt = 'dd/mm/yyyy';
		first.addRow([
			{ richText: [{ text: 'Phường ', font: { bold: true } }, { text: 'Hòa Bình' }] },
			{ formula: 'B3*2', result: 240 },
			new Date(Date.UTC(2024, 1, 29, 12, 0, 0))
		]);
		first.getCell('C4').numFmt = 'dd/mm/yyyy hh:mm';
		first.addRow(['042090001234', 0.125, true]);
		first.getCell('A5').numFmt = '@';
		first.getCell('B5').numFmt = '0.00%';
		const second = wb.addWorksheet('Chi tiết');
		second.getCell('AB3').value = 'far';
		second.getCell('B2').value = -7;
		await wb.xlsx.writeFile(f);

		const ours = await openWorkbook(f);
		expect(ours.sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Chi tiết']);
		expect(ours.date1904).toBe(false);
		await ours.close();
		const rows = await readRows(f, 'Tổng hợp');
		expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
		expect(plain(rows)).toEqual([
			['BÁO CÁO'],
			['Đơn vị', 'Số người', 'Ngày'],
			['Xã Tân Lập', 120, 'date:2023-07-10'],
			['Phường Hòa Bình', 240, 'date:2024-02-29'],
			['042090001234', 0.125, true]
		]);
		expect((rows[3]!.cells[2] as XlsxDate).serial).toBe(45351.5);
		const far = await readRows(f, 'Chi tiết');
		expect(far.map((r) => r.row)).toEqual([2, 3]);
		expect(far[0]!.cells).toEqual([null, -7]);
		expect(far[1]!.cells[27]).toBe('far');
		expect(far[1]!.cells).toHaveLength(28);
	});

	it('reads 1904 workbooks', async () => {
		const f = file('exceljs-1904.xlsx');
		const wb = new ExcelJS.Workbook();
		wb.properties.date1904 = true;
		const ws = wb.addWorksheet('S');
		ws.getCell('A1').value = new Date(Date.UTC(2023, 6, 10));
		ws.getCell('A1').numFmt = 'd/m/yyyy';
		await wb.xlsx.writeFile(f);
		const ours = await openWorkbook(f);
		expect(ours.date1904).toBe(true);
		await ours.close();
		expect(plain(await readRows(f))).toEqual([['date:2023-07-10']]);
	});

	it('reads what the exceljs streaming writer produces', async () => {
		const f = file('exceljs-stream.xlsx');
		const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: f, useSharedStrings: false });
		const ws = wb.addWorksheet('Luồng');
		for (let i = 1; i <= 500; i++) ws.addRow([i, `Người số ${i}`, i % 3 === 0]).commit();
		ws.commit();
		await wb.commit();
		const rows = await readRows(f, 'Luồng', 128);
		expect(rows).toHaveLength(500);
		expect(plain(rows.slice(0, 3))).toEqual([
			[1, 'Người số 1', false],
			[2, 'Người số 2', false],
			[3, 'Người số 3', true]
		]);
		expect(rows[499]!.cells).toEqual([500, 'Người số 500', false]);
	});
});
