/**
 * Unit names that a spreadsheet would run as formulas: the laggards CSV neutralises them and the
 * XLSX files (laggards export, report annex) hold them as text cells, read back with exceljs.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { laggardsCsv, laggardsXlsx } from '../../../src/lib/server/exports/laggards.ts';
import { reportXlsx } from '../../../src/lib/server/report/xlsx.ts';
import { toRow } from '../../../src/lib/rows.ts';
import type { View } from '../../../src/lib/view.ts';
import { progress } from '../lib/fixtures.ts';
import { current, model, previous } from '../report/fixtures.ts';

const FORMULA = '=HYPERLINK("http://x","y")';
const VIEW: View = { asOf: '2023-02-20', preset: 'ha-tinh-2023', lang: 'vi' };
const rows = [
	toRow(progress({ code: 'D01', name: FORMULA })),
	toRow(progress({ code: 'D02', name: '@SUM(1+1)' })),
	toRow(progress({ code: 'D03', name: '-2+3' }))
];

/** Every cell of every sheet, as exceljs reads the file back. */
async function cells(bytes: Buffer): Promise<ExcelJS.Cell[]> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(bytes as unknown as ArrayBuffer);
	const all: ExcelJS.Cell[] = [];
	book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void all.push(cell))));
	return all;
}

describe('laggards CSV', () => {
	const csv = laggardsCsv(rows, VIEW);

	it('prefixes formula-like names with a quote and quotes the field', () => {
		expect(csv).toContain(`D01,"'=HYPERLINK(""http://x"",""y"")",`);
		expect(csv).toContain(`D02,"'@SUM(1+1)",`);
		expect(csv).toContain(`D03,"'-2+3",`);
	});

	it('has no field that starts a formula', () => {
		const fields = csv.split(/\r\n/).flatMap((line) => line.split(','));
		expect(fields.filter((f) => /^[=+@]/.test(f))).toEqual([]);
	});
});

describe('XLSX exports', () => {
	it('write a formula-like name as a text cell in the laggards workbook', async () => {
		const all = await cells(await laggardsXlsx(rows, VIEW, 'Đơn vị chậm tiến độ'));
		expect(all.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
		const named = all.find((c) => c.value === FORMULA);
		expect(named?.type).toBe(ExcelJS.ValueType.String);
	});

	it('write a formula-like name as a text cell in the report annex', async () => {
		const rename = (units: ReturnType<typeof current>) =>
			units.map((u) => (u.code === 'D1' ? { ...u, name: FORMULA } : u));
		const bytes = await reportXlsx(
			model({ current: rename(current()), previous: rename(previous()) }),
			'vi'
		);
		const all = await cells(bytes);
		expect(all.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
		expect(all.filter((c) => c.value === FORMULA).map((c) => c.type)).toContain(
			ExcelJS.ValueType.String
		);
	});
});
