/**
 * Reads an XLSX export into the staging table, streaming: the sheet whose first rows hold a
 * registration header is the data sheet; its rows go to DuckDB through a row file.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../errors.ts';
import type { PersonKeyer } from '../person-key.ts';
import { tempFile } from '../temp-files.ts';
import { DATE1904_OFFSET } from '../xlsx/cells.ts';
import {
	openWorkbook,
	XlsxDate,
	XlsxError,
	XlsxPartTooLarge,
	type CellValue,
	type SheetInfo,
	type Workbook
} from '../xlsx/reader.ts';
import { KEPT_FIELDS, type KeptField } from './fields.ts';
import { headerError } from './header-error.ts';
import { refuseUnaccounted } from './accounting.ts';
import { detectHeader, HeaderError, labelsOf, type Header } from './header.ts';
import { FastSheetWriter, NotFast } from '../xlsx/fast-sheet.ts';
import { MAX_ROW_BYTES, RowTooLarge, RowTooWide } from '../xlsx/errors.ts';
import { CellTooLarge, loadRows, MAX_CELL_CHARACTERS, RowFile } from './row-file.ts';

export interface XlsxRead {
	header: Header;
	sheet: string;
	labels: Partial<Record<KeptField, string>>;
}

const HEADER_SCAN_ROWS = 50;
const DATE_FIELDS = new Set<KeptField>(['registeredOn', 'recognisedOn', 'birthDate']);

export async function readXlsx(
	file: string,
	connection: DuckDBConnection,
	workDir: string,
	keyer: PersonKeyer,
	onRows: (rows: number) => void = () => {}
): Promise<XlsxRead> {
	const name = path.basename(file);
	let workbook: Workbook;
	try {
		workbook = await openWorkbook(file);
	} catch (error) {
		throw corrupt(error, name);
	}
	try {
		const found = await findDataSheet(workbook, name);
		const { sheet, header, head } = found;
		const rowPath = tempFile(workDir, 'rows');
		const target = { path: rowPath, keyer };
		try {
			const rows =
				(await writeRowsFast(workbook, sheet, head, header, target, onRows)) ??
				(await writeRows(workbook, sheet, head, header, target, onRows));
			await loadRows(connection, rows);
			await refuseUnaccounted(connection, rows.rows, { file: name, sheet: sheet.name });
		} catch (error) {
			if (error instanceof CellTooLarge) throw cellTooLarge(error, name, found);
			throw rowRefusal(error, name, sheet.name) ?? error;
		} finally {
			await rm(rowPath, { force: true });
		}
		return { header, sheet: sheet.name, labels: labelsOf(found.rows, header) };
	} catch (error) {
		if (error instanceof XlsxError) throw corrupt(error, name);
		throw error;
	} finally {
		await workbook.close();
	}
}

/** A kept cell past Excel's limit, by its Excel row and the column's header label. */
function cellTooLarge(error: CellTooLarge, name: string, found: DataSheet): ImportError {
	const column = labelsOf(found.rows, found.header)[KEPT_FIELDS[error.field]!];
	return new ImportError(
		'cell_too_large',
		{ file: name, sheet: found.sheet.name, row: error.row, column },
		{ limit: MAX_CELL_CHARACTERS }
	);
}

/** A row refused by the sheet readers' limits (xlsx/errors.ts), or null for another error. */
export function rowRefusal(error: unknown, name: string, sheet: string): ImportError | null {
	if (error instanceof RowTooWide)
		return new ImportError(
			'row_too_wide',
			{ file: name, sheet, row: error.row },
			{ limit: error.limit }
		);
	if (error instanceof RowTooLarge)
		return new ImportError(
			'row_too_large',
			{ file: name, sheet, ...(error.row > 0 && { row: error.row }) },
			{ megabytes: MAX_ROW_BYTES / 2 ** 20 }
		);
	return null;
}

function corrupt(error: unknown, name: string): ImportError {
	if (error instanceof XlsxPartTooLarge)
		return new ImportError(
			'xlsx_part_too_large',
			{ file: name },
			{ part: error.part, megabytes: Math.ceil(error.limit / 2 ** 20) }
		);
	const detail = error instanceof Error ? error.message.replace(`${name}: `, '') : String(error);
	return new ImportError('corrupt_file', { file: name }, { detail });
}

interface DataSheet {
	sheet: SheetInfo;
	header: Header;
	/** Sheet row number of the last header row. */
	head: number;
	rows: string[][];
}

/**
 * The first visible sheet with a registration header, else the first hidden one (a hidden sheet
 * before the data is mostly an old template); else the refusal of the closest candidate.
 */
async function findDataSheet(workbook: Workbook, name: string): Promise<DataSheet> {
	let closest: { error: HeaderError; sheet: string } | null = null;
	const visibleFirst = [
		...workbook.sheets.filter((s) => !s.hidden),
		...workbook.sheets.filter((s) => s.hidden)
	];
	for (const sheet of visibleFirst) {
		const numbers: number[] = [];
		const rows: string[][] = [];
		try {
			for await (const batch of workbook.rows(sheet, { batchSize: HEADER_SCAN_ROWS })) {
				for (const row of batch) {
					numbers.push(row.row);
					rows.push(row.cells.map(text));
				}
				break;
			}
		} catch (error) {
			throw rowRefusal(error, name, sheet.name) ?? error;
		}
		try {
			const header = detectHeader(rows);
			return { sheet, header, head: numbers[header.lastRow]!, rows };
		} catch (error) {
			if (!(error instanceof HeaderError)) throw error;
			if (!closest || error.missing.length < closest.error.missing.length)
				closest = { error, sheet: sheet.name };
		}
	}
	if (!closest) throw new ImportError('no_sheet', { file: name });
	throw headerError(closest.error, { file: name, sheet: closest.sheet });
}

function text(cell: CellValue): string {
	if (cell === null) return '';
	if (cell instanceof XlsxDate) return cell.toString();
	return String(cell);
}

/** Where rows go, and the key their ID numbers are written as. */
interface RowTarget {
	path: string;
	keyer: PersonKeyer;
}

/**
 * The data rows (below the header), their kept fields as text, into a row file, by the fast path
 * (xlsx/fast-sheet.ts); null when the sheet's markup is not one it knows.
 */
async function writeRowsFast(
	workbook: Workbook,
	sheet: SheetInfo,
	head: number,
	header: Header,
	target: RowTarget,
	onRows: (rows: number) => void
): Promise<RowFile | null> {
	const columns = KEPT_FIELDS.map((f) => header.columns[f]);
	const fieldOf = new Int16Array(Math.max(...columns.map((c) => c ?? -1)) + 1).fill(-1);
	columns.forEach((c, i) => {
		if (c !== undefined) fieldOf[c] = i;
	});
	const dates = new DayCache(workbook.date1904);
	const out = new RowFile(target.path, target.keyer);
	const { context, chunks } = await workbook.sheetBytes(sheet);
	// In a 1904 workbook a serial typed as text in a date column is converted here, not later.
	const textByField = Uint8Array.from(KEPT_FIELDS, (f) =>
		workbook.date1904 && DATE_FIELDS.has(f) ? 1 : 0
	);
	const writer = new FastSheetWriter(
		context,
		fieldOf,
		columns.length,
		head,
		out,
		(cell, field) => cellText(cell, KEPT_FIELDS[field]!, dates),
		textByField
	);
	try {
		let reported = 0;
		for await (const chunk of chunks) {
			writer.push(chunk);
			if (out.rows - reported >= 20_000) onRows((reported = out.rows));
			if (writer.done) break;
		}
		writer.end();
		return out;
	} catch (error) {
		if (error instanceof NotFast) return null;
		throw error;
	} finally {
		out.close();
	}
}

/** The same by the general scanner, which reads any markup (and words what it cannot). */
async function writeRows(
	workbook: Workbook,
	sheet: SheetInfo,
	head: number,
	header: Header,
	target: RowTarget,
	onRows: (rows: number) => void
): Promise<RowFile> {
	const columns = KEPT_FIELDS.map((f) => header.columns[f]);
	const dates = new DayCache(workbook.date1904);
	const out = new RowFile(target.path, target.keyer);
	try {
		let rows = 0;
		for await (const batch of workbook.rows(sheet)) {
			for (const { row, cells } of batch) {
				if (row <= head) continue;
				out.start(row);
				for (let i = 0; i < columns.length; i++) {
					const c = columns[i];
					out.field(c === undefined ? null : cellText(cells[c] ?? null, KEPT_FIELDS[i]!, dates));
				}
				out.end();
			}
			rows += batch.length;
			if (rows % 20_000 < batch.length) onRows(rows);
		}
		return out;
	} finally {
		out.close();
	}
}

/**
 * Excel day serials as ISO days, each converted once; a serial that is not a date cell (a plain
 * number, a number typed as text) counted in the workbook's calendar, as date cells are.
 */
class DayCache {
	private readonly days: (string | undefined)[] = [];
	private readonly offset: number;

	constructor(date1904: boolean) {
		this.offset = date1904 ? DATE1904_OFFSET : 0;
	}

	text(cell: XlsxDate): string {
		const serial = cell.serial;
		const day = Math.floor(serial);
		if (day !== serial || day < 0 || day > 100_000) return cell.toIsoDate() ?? String(serial);
		return (this.days[day] ??= cell.toIsoDate() ?? String(serial));
	}

	/** A bare serial of the workbook's calendar (1904 or 1900) as a date. */
	serial(serial: number): XlsxDate {
		return new XlsxDate(serial + this.offset);
	}

	/** Serials the normalise stage would read in the 1900 calendar: only 1904 ones need this. */
	get shifts(): boolean {
		return this.offset !== 0;
	}
}

// As normalise.ts reads a serial typed as text.
const TEXT_SERIAL = /^\d{5}(\.\d+)?$/;

/** A cell as the text the normalise stage expects. */
function cellText(cell: CellValue, field: KeptField, dates: DayCache): string {
	if (cell === null) return '';
	if (typeof cell === 'string') {
		const text = cell.trim();
		if (dates.shifts && DATE_FIELDS.has(field) && TEXT_SERIAL.test(text))
			return dates.text(dates.serial(Number(text)));
		return text;
	}
	if (cell instanceof XlsxDate) return dates.text(cell);
	if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
	if (field === 'idNumber') return idFromNumber(cell);
	// A number in a date column without a date format: Excel shows the serial; it is still a date.
	if (DATE_FIELDS.has(field) && Number.isInteger(cell) && cell > 20_000 && cell < 80_000) {
		return dates.text(dates.serial(cell));
	}
	return String(cell);
}

/**
 * A CCCD typed as a number loses its leading zero (042… becomes 42…, 11 digits); an old CMND
 * typed as a number loses it too (8 digits). Only numeric cells are padded: text is kept as is.
 */
function idFromNumber(value: number): string {
	if (!Number.isSafeInteger(value)) return String(value);
	const digits = String(value);
	if (digits.length === 11) return digits.padStart(12, '0');
	if (digits.length === 8) return digits.padStart(9, '0');
	return digits;
}
