/**
 * XLSX for the demo exports, the activity sheet and the test fixtures, written by exceljs's
 * streaming writer, rows committed as they come. exceljs keeps every distinct string for its
 * shared-string table and does not wait for the zip, so memory grows with the rows (1 to 3 GB
 * per million): right for the demo and the fixtures, not for the benchmark's ten
 * million rows, which have their own writer (tests/bench/xlsx/; README.md, Benchmarks).
 */
import ExcelJS from 'exceljs';
import { isIsoDate, type IsoDate } from '../../src/lib/dates.ts';

/**
 * A cell to write: text (always a text cell, even when it starts with = + - @: exceljs writes a
 * formula only for `{ formula }` values), a number, a boolean, nothing, a calendar day (an Excel
 * date with the date format) or text that must stay text (digits with leading zeros: "@" format).
 */
export type WriteCell = string | number | boolean | null | { date: IsoDate } | { text: string };

export interface WriteRow {
	cells: WriteCell[];
	/** Title rows are bold and larger, header rows bold with borders; styled rows keep empty cells. */
	style?: 'title' | 'header';
}

export interface XlsxWriterOptions {
	sheetName: string;
	/** Widths in characters, from column A. */
	columnWidths?: number[];
	/** Text in a shared-string table (as Excel writes it; default) or in each cell (t="str"). */
	sharedStrings?: boolean;
}

export interface XlsxWriter {
	/** Appends rows after those already written, then merges ranges such as "A1:N1" among them. */
	writeRows(rows: readonly WriteRow[], merges?: readonly string[]): Promise<void>;
	/** Finishes the sheet and the file. */
	close(): Promise<void>;
}

/** One object per style: exceljs numbers a style by the object's identity. */
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy' };
const TEXT_STYLE: Partial<ExcelJS.Style> = { numFmt: '@' };
const TITLE_STYLE: Partial<ExcelJS.Style> = {
	font: { bold: true, size: 14 },
	alignment: { horizontal: 'center', vertical: 'middle' }
};
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
	font: { bold: true },
	border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
	alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }
};
const ROW_STYLE = { title: TITLE_STYLE, header: HEADER_STYLE };
const FIRST_EXACT_DAY = '1900-03-01';

/** How `generate` makes its XLSX files: this module's, or the benchmark's (tests/bench/xlsx/). */
export type XlsxWriterFactory = (file: string, options: XlsxWriterOptions) => Promise<XlsxWriter>;

export async function createXlsxWriter(
	file: string,
	options: XlsxWriterOptions
): Promise<XlsxWriter> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		filename: file,
		useStyles: true,
		useSharedStrings: options.sharedStrings ?? true,
		// zlib level 1, as the benchmark's writer: the default 6 deflates several times slower
		// for files about a quarter smaller.
		zip: { zlib: { level: 1 } }
	});
	workbook.creator = 'cdht';
	const sheet = workbook.addWorksheet(options.sheetName);
	if (options.columnWidths) sheet.columns = options.columnWidths.map((width) => ({ width }));
	let rowNumber = 0;
	return {
		async writeRows(rows, merges = []) {
			const added = rows.map((row) => addRow(sheet, row, ++rowNumber));
			for (const range of merges) sheet.mergeCells(range);
			for (const row of added) row.commit();
			// Lets the zip (on this thread) take what was committed before more rows are made:
			// exceljs's streams never push back.
			await new Promise((resolve) => setImmediate(resolve));
		},
		async close() {
			sheet.commit();
			await workbook.commit();
		}
	};
}

function addRow(sheet: ExcelJS.Worksheet, row: WriteRow, r: number): ExcelJS.Row {
	const out = sheet.getRow(r);
	const rowStyle = row.style === undefined ? undefined : ROW_STYLE[row.style];
	row.cells.forEach((value, i) => {
		if (value === null) {
			if (rowStyle) out.getCell(i + 1).style = rowStyle;
			return;
		}
		const cell = out.getCell(i + 1);
		if (typeof value === 'number' && !Number.isFinite(value))
			throw new RangeError(`row ${r}: ${value} is not a finite number`);
		if (typeof value !== 'object') {
			cell.value = value;
		} else if ('date' in value) {
			if (!isIsoDate(value.date))
				throw new RangeError(`row ${r}: not a date (YYYY-MM-DD): ${value.date}`);
			// exceljs counts back from 1970 without Excel's 29/02/1900, one day off before March.
			if (value.date < FIRST_EXACT_DAY)
				throw new RangeError(`row ${r}: a day before 1900-03-01: ${value.date}`);
			// Midnight UTC: exceljs counts days from the epoch in UTC, so the serial is whole.
			cell.value = new Date(`${value.date}T00:00:00Z`);
			cell.style = rowStyle ?? DATE_STYLE;
			return;
		} else {
			cell.value = value.text;
			cell.style = rowStyle ?? TEXT_STYLE;
			return;
		}
		if (rowStyle) cell.style = rowStyle;
	});
	return out;
}
