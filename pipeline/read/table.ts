/**
 * Small sheets kept by hand (the unit list, the activity sheet): read whole, CSV or XLSX, with
 * their own header synonyms. Each row keeps its sheet row number for messages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../errors.ts';
import { fold } from '../text.ts';
import { openWorkbook, XlsxDate, XlsxError, type CellValue } from '../xlsx/reader.ts';
import { detectFormat } from './format.ts';
import { rowRefusal } from './xlsx.ts';
import { detectDelimiter, detectEncoding, parseCsv } from './text-file.ts';

export interface TableRow<K extends string> {
	row: number;
	values: Partial<Record<K, string>>;
}

export interface Table<K extends string> {
	file: string;
	sheet: string | null;
	/** The header label of each field, as written. */
	labels: Partial<Record<K, string>>;
	rows: TableRow<K>[];
}

export async function readTable<K extends string>(
	file: string,
	synonyms: Record<K, string[]>,
	required: NoInfer<K>[]
): Promise<Table<K>> {
	const name = path.basename(file);
	const { sheet, rows } =
		(await detectFormat(file)) === 'xlsx'
			? await xlsxRows(file, name)
			: csvRows(await readFile(file));
	const byLabel = new Map<string, K>();
	for (const [field, labels] of Object.entries(synonyms) as [K, string[]][]) {
		for (const label of labels) byLabel.set(fold(label), field);
	}
	const headerIndex = rows.findIndex(
		(r) => r.cells.filter((c) => byLabel.has(fold(c))).length >= Math.min(2, required.length)
	);
	if (headerIndex < 0) {
		throw new ImportError(
			'no_header',
			{ file: name, sheet },
			{ columns: required.map((k) => `“${synonyms[k][0]}”`).join(', ') }
		);
	}
	const header = rows[headerIndex]!;
	const columns = new Map<number, K>();
	const labels: Partial<Record<K, string>> = {};
	header.cells.forEach((label, i) => {
		const field = byLabel.get(fold(label));
		if (field && labels[field] === undefined) {
			columns.set(i, field);
			labels[field] = label.trim();
		}
	});
	const missing = required.filter((k) => labels[k] === undefined);
	if (missing.length > 0) {
		throw new ImportError(
			'missing_columns',
			{ file: name, sheet, row: header.row },
			{
				columns: missing.map((k) => `“${synonyms[k][0]}”`).join(', '),
				found: header.cells.filter(Boolean).join(', ')
			}
		);
	}
	const body = rows
		.slice(headerIndex + 1)
		.map((r) => {
			const values: Partial<Record<K, string>> = {};
			for (const [i, field] of columns) {
				const value = (r.cells[i] ?? '').trim();
				if (value) values[field] = value;
			}
			return { row: r.row, values };
		})
		.filter((r) => Object.keys(r.values).length > 0);
	return { file: name, sheet, labels, rows: body };
}

function csvRows(bytes: Buffer): { sheet: null; rows: { row: number; cells: string[] }[] } {
	const { encoding, bom } = detectEncoding(bytes);
	const text = new TextDecoder(encoding).decode(bytes.subarray(bom));
	const records = parseCsv(text, detectDelimiter(text));
	return { sheet: null, rows: records.map((r, i) => ({ row: i + 1, cells: r.cells })) };
}

async function xlsxRows(
	file: string,
	name: string
): Promise<{ sheet: string; rows: { row: number; cells: string[] }[] }> {
	try {
		const workbook = await openWorkbook(file);
		try {
			// The first sheet a user sees: a hidden one is a template or a lookup.
			const sheet = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
			if (!sheet) throw new ImportError('no_sheet', { file: name });
			const rows: { row: number; cells: string[] }[] = [];
			try {
				for await (const batch of workbook.rows(sheet)) {
					for (const r of batch) rows.push({ row: r.row, cells: r.cells.map(cellText) });
				}
			} catch (error) {
				throw rowRefusal(error, name, sheet.name) ?? error;
			}
			return { sheet: sheet.name, rows };
		} finally {
			await workbook.close();
		}
	} catch (error) {
		if (error instanceof XlsxError) {
			throw new ImportError(
				'corrupt_file',
				{ file: name },
				{ detail: error.message.replace(`${name}: `, '') }
			);
		}
		throw error;
	}
}

function cellText(cell: CellValue): string {
	if (cell === null) return '';
	if (cell instanceof XlsxDate) return cell.toIsoDate() ?? String(cell.serial);
	return String(cell);
}
