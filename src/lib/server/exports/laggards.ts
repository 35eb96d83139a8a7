/**
 * The laggards list as a file for the meeting folder: CSV (UTF-8 with BOM, so Excel shows the
 * diacritics) and a formatted XLSX. Confidential units carry shares only, like the page.
 */
import ExcelJS from 'exceljs';
import { csvLines } from '../../csv.ts';
import { explainFlag, flagLabel } from '../../explain.ts';
import { formatDate, type Lang } from '../../format.ts';
import { t } from '../../i18n/index.ts';
import type { UnitRow } from '../../rows.ts';
import type { View } from '../../view.ts';

interface Column {
	header: string;
	width: number;
	value: (row: UnitRow) => string | number | null;
	/** Excel number format for numeric columns. */
	format?: string;
}

function columns(lang: Lang): Column[] {
	const vi = lang === 'vi';
	return [
		{ header: vi ? 'Mã' : 'Code', width: 10, value: (r) => r.code },
		{ header: t(lang, 'unit'), width: 40, value: (r) => r.name },
		{ header: vi ? 'Loại' : 'Kind', width: 16, value: (r) => t(lang, `kind_${r.kind}`) },
		{ header: t(lang, 'eligible'), width: 12, value: (r) => r.eligible, format: '#,##0' },
		{ header: t(lang, 'registered'), width: 12, value: (r) => r.registered, format: '#,##0' },
		{ header: t(lang, 'recognised'), width: 12, value: (r) => r.recognised, format: '#,##0' },
		{ header: t(lang, 'share'), width: 11, value: (r) => r.share, format: '0.0%' },
		{ header: t(lang, 'target'), width: 10, value: (r) => r.threshold, format: '0%' },
		{ header: t(lang, 'expected'), width: 13, value: (r) => r.expected, format: '0.0%' },
		{ header: t(lang, 'projected'), width: 13, value: (r) => r.projected, format: '0.0%' },
		{
			header: t(lang, 'flags'),
			width: 40,
			value: (r) => r.flags.map((f) => flagLabel(f.kind, lang)).join('; ')
		},
		{
			header: t(lang, 'reasons'),
			width: 80,
			value: (r) => r.flags.map((f) => explainFlag(f, lang)).join('; ')
		},
		{ header: t(lang, 'severity'), width: 10, value: (r) => r.severity }
	];
}

export function laggardsCsv(rows: UnitRow[], view: View): string {
	const cols = columns(view.lang);
	return (
		'\ufeff' +
		csvLines([cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => c.value(r)))])
	);
}

export async function laggardsXlsx(rows: UnitRow[], view: View, title: string): Promise<Buffer> {
	const cols = columns(view.lang);
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(view.lang === 'vi' ? 'Đơn vị chậm tiến độ' : 'Laggards', {
		views: [{ state: 'frozen', ySplit: 3 }],
		pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
	});
	sheet.addRow([title]).font = { bold: true, size: 14 };
	sheet.addRow([`${t(view.lang, 'asOf')}: ${formatDate(view.asOf)}`]);
	const header = sheet.addRow(cols.map((c) => c.header));
	header.font = { bold: true };
	header.alignment = { vertical: 'middle', wrapText: true };
	cols.forEach((c, i) => {
		const column = sheet.getColumn(i + 1);
		column.width = c.width;
		if (c.format) column.numFmt = c.format;
	});
	for (const row of rows) sheet.addRow(cols.map((c) => c.value(row)));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
