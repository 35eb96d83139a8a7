import ExcelJS from 'exceljs';
import path from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { createXlsxWriter, type WriteRow } from '../../../../pipeline/demo/xlsx-writer.ts';
import { XlsxDate } from '../../../../pipeline/xlsx/reader.ts';
import { plain, readRows, tempDir } from '../xlsx/helpers.ts';

const dir = tempDir();
const file = (name: string): string => path.join(dir, name);

async function write(name: string, rows: WriteRow[], sharedStrings = true): Promise<string> {
	const f = file(name);
	const w = await createXlsxWriter(f, { sheetName: 'Danh sách', sharedStrings });
	await w.writeRows(rows);
	await w.close();
	return f;
}

async function sheetXml(f: string): Promise<string> {
	const zip = await yauzl.openPromise(f, { lazyEntries: false });
	try {
		for await (const entry of zip.eachEntry()) {
			if (entry.fileName !== 'xl/worksheets/sheet1.xml') continue;
			const chunks: Buffer[] = [];
			for await (const chunk of await zip.openReadStreamPromise(entry))
				chunks.push(chunk as Buffer);
			return Buffer.concat(chunks).toString('utf8');
		}
	} finally {
		zip.close();
	}
	throw new Error('no sheet1.xml');
}

const FORMULA_LIKE = ['=1+1', '+84912345678', '-3', '@SUM(A1)', '=HYPERLINK("x")'];

describe('demo XLSX writer (exceljs)', () => {
	for (const sharedStrings of [true, false]) {
		it(`writes every kind of cell and the reader reads it back exactly (${sharedStrings ? 'shared' : 'inline'} strings)`, async () => {
			const f = await write(
				`kinds-${sharedStrings}.xlsx`,
				[
					{ cells: ['BÁO CÁO'], style: 'title' },
					{ cells: ['Số', 'Tên', null, 'Ngày'], style: 'header' },
					{
						cells: [
							0,
							-12.5,
							123456789012,
							{ text: '042090001234' },
							'0009',
							{ date: '2023-07-10' },
							{ date: '1900-03-01' },
							{ date: '2024-02-29' },
							true,
							false,
							null,
							'after a gap'
						]
					},
					{
						cells: [
							'Nguyễn Thị Ánh Tuyết',
							'A & B <c> "d" \'e\'',
							'  leading and trailing  ',
							'tab\there\nnew line',
							'emoji 😀 and 𝔘',
							''
						]
					}
				],
				sharedStrings
			);
			const rows = await readRows(f);
			expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
			expect(plain(rows)).toEqual([
				['BÁO CÁO'],
				['Số', 'Tên', null, 'Ngày'],
				[
					0,
					-12.5,
					123456789012,
					'042090001234',
					'0009',
					'date:2023-07-10',
					'date:1900-03-01',
					'date:2024-02-29',
					true,
					false,
					null,
					'after a gap'
				],
				[
					'Nguyễn Thị Ánh Tuyết',
					'A & B <c> "d" \'e\'',
					'  leading and trailing  ',
					'tab\there\nnew line',
					'emoji 😀 and 𝔘',
					''
				]
			]);
			// Whole serials of the 1900 system, as Excel stores these days.
			expect(rows[2]!.cells.slice(5, 8).map((d) => (d as XlsxDate).serial)).toEqual([
				45117, 61, 45351
			]);
		});

		it(`writes text starting with = + - @ as text, never a formula (${sharedStrings ? 'shared' : 'inline'} strings)`, async () => {
			const f = await write(
				`formula-${sharedStrings}.xlsx`,
				[{ cells: FORMULA_LIKE }],
				sharedStrings
			);
			expect(await sheetXml(f)).not.toMatch(/<f[ >]/);
			expect(plain(await readRows(f))).toEqual([FORMULA_LIKE]);
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.readFile(f);
			const row = wb.getWorksheet('Danh sách')!.getRow(1);
			expect(FORMULA_LIKE.map((_, i) => row.getCell(i + 1).type)).toEqual(
				FORMULA_LIKE.map(() => ExcelJS.ValueType.String)
			);
		});
	}

	it('writes the styles, number formats, merges and widths, as exceljs reads them', async () => {
		const f = file('styles.xlsx');
		const w = await createXlsxWriter(f, { sheetName: 'Học viên', columnWidths: [8, 28, 14, 16] });
		await w.writeRows(
			[
				{ cells: ['DANH SÁCH HỌC VIÊN', null, null, null], style: 'title' },
				{ cells: ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD'], style: 'header' },
				{ cells: [1, 'Nguyễn Văn Ánh', { date: '1990-05-17' }, { text: '042090001234' }] }
			],
			['A1:D1']
		);
		await w.writeRows([{ cells: [2, 'Trần & <Thị>', { date: '2001-12-31' }, 2.5, true] }]);
		await w.close();

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(f);
		const ws = wb.getWorksheet('Học viên')!;
		expect(ws.getCell('A1').value).toBe('DANH SÁCH HỌC VIÊN');
		expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
		expect(ws.getCell('D1').isMerged).toBe(true);
		expect(ws.getCell('B2').font?.bold).toBe(true);
		expect(ws.getCell('B2').border?.top?.style).toBe('thin');
		expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(1990, 4, 17)));
		expect(ws.getCell('C3').numFmt).toBe('dd/mm/yyyy');
		expect(ws.getCell('D3').value).toBe('042090001234');
		expect(ws.getCell('D3').numFmt).toBe('@');
		expect(ws.getCell('B4').value).toBe('Trần & <Thị>');
		expect(ws.getCell('C4').value).toEqual(new Date(Date.UTC(2001, 11, 31)));
		expect([ws.getCell('D4').value, ws.getCell('E4').value]).toEqual([2.5, true]);
		expect(ws.getCell('B3').font?.bold).toBeFalsy();
		expect(ws.getColumn(2).width).toBe(28);
		expect(ws.rowCount).toBe(4);
	});

	it('streams many rows in batches', async () => {
		const f = file('many.xlsx');
		const w = await createXlsxWriter(f, { sheetName: 'S', sharedStrings: false });
		for (let b = 0; b < 20; b++) {
			await w.writeRows(
				Array.from({ length: 1000 }, (_, i) => {
					const n = b * 1000 + i;
					return { cells: [n, `Học viên ${n}`, { text: String(n).padStart(12, '0') }] };
				})
			);
		}
		await w.close();
		const rows = await readRows(f);
		expect(rows).toHaveLength(20_000);
		expect(rows[12_345]!.cells).toEqual([12_345, 'Học viên 12345', '000000012345']);
	});

	it('refuses a value it cannot write, naming the row', async () => {
		const w = await createXlsxWriter(file('bad.xlsx'), { sheetName: 'S' });
		await expect(w.writeRows([{ cells: [1] }, { cells: [Number.NaN] }])).rejects.toThrow(
			'row 2: NaN is not a finite number'
		);
		const v = await createXlsxWriter(file('bad2.xlsx'), { sheetName: 'S' });
		await expect(v.writeRows([{ cells: [{ date: '2023-02-30' }] }])).rejects.toThrow(
			'row 1: not a date (YYYY-MM-DD): 2023-02-30'
		);
		const u = await createXlsxWriter(file('bad3.xlsx'), { sheetName: 'S' });
		await expect(u.writeRows([{ cells: [{ date: '1900-02-28' }] }])).rejects.toThrow(
			'row 1: a day before 1900-03-01: 1900-02-28'
		);
	});
});
