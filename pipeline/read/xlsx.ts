/**
 * Reads an XLSX export into the staging table, streaming: the sheet whose first rows hold a
 * registration header is the data sheet; its rows go to DuckDB through the appender.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { isoFromExcelSerial } from '../../src/lib/dates.ts';
import { ImportError } from '../errors.ts';
import {
	openWorkbook,
	XlsxDate,
	XlsxError,
	type CellValue,
	type SheetInfo,
	type Workbook
} from '../xlsx/reader.ts';
import { KEPT_FIELDS, type KeptField } from './fields.ts';
import { headerError } from './header-error.ts';
import { detectHeader, HeaderError, labelsOf, type Header } from './header.ts';
import { STAGING, stagingColumn } from './staging.ts';

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
		// One text per batch of rows, split by DuckDB: the appender's per-call cost, paid per cell,
		// was a third of the read.
		await connection.run('CREATE OR REPLACE TEMP TABLE xlsx_rows (block VARCHAR)');
		const appender = await connection.createAppender('xlsx_rows');
		const columns = KEPT_FIELDS.map((f) => header.columns[f]);
		try {
			let rows = 0;
			for await (const batch of workbook.rows(sheet)) {
				const lines: string[] = [];
				for (const row of batch)
					if (row.row > head) lines.push(rowLine(row.row, row.cells, columns));
				if (lines.length > 0) {
					appender.appendVarchar(lines.join(ROW_SEPARATOR));
					appender.endRow();
				}
				rows += batch.length;
				if (rows % 20_000 < batch.length) onRows(rows);
			}
		} finally {
			appender.closeSync();
		}
		const fields = KEPT_FIELDS.map((f, i) => `nullif(f[${i + 2}], '') AS ${stagingColumn(f)}`).join(
			', '
		);
		await connection.run(
			`INSERT INTO ${STAGING}
			SELECT f[1]::INTEGER AS row, ${fields}
			FROM (SELECT string_split(unnest(string_split(block, '${ROW_SEPARATOR}')), '${SEPARATOR}') AS f FROM xlsx_rows)`
		);
		await connection.run('DROP TABLE xlsx_rows');
		return { header, sheet: sheet.name, labels: labelsOf(found.rows, header) };
	} catch (error) {
		if (error instanceof XlsxError) throw corrupt(error, name);
		throw error;
	} finally {
		await workbook.close();
	}
}

function corrupt(error: unknown, name: string): ImportError {
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

/** The first sheet with a registration header; else the refusal of the closest candidate. */
async function findDataSheet(workbook: Workbook, name: string): Promise<DataSheet> {
	let closest: { error: HeaderError; sheet: string } | null = null;
	for (const sheet of workbook.sheets) {
		const numbers: number[] = [];
		const rows: string[][] = [];
		for await (const batch of workbook.rows(sheet, { batchSize: HEADER_SCAN_ROWS })) {
			for (const row of batch) {
				numbers.push(row.row);
				rows.push(row.cells.map(text));
			}
			break;
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

/** Unit and record separators: control characters no export text holds (any that does is blanked). */
const SEPARATOR = '\x1f';
const ROW_SEPARATOR = '\x1e';

/** "row␟id␟district␟…": the row number, then the kept fields in staging order. */
function rowLine(row: number, cells: CellValue[], columns: (number | undefined)[]): string {
	let line = String(row);
	for (let i = 0; i < columns.length; i++) {
		const c = columns[i];
		const value = c === undefined ? '' : cellText(cells[c] ?? null, KEPT_FIELDS[i]!);
		const clean = value.includes(SEPARATOR) || value.includes(ROW_SEPARATOR);
		line +=
			SEPARATOR + (clean ? value.replaceAll(SEPARATOR, ' ').replaceAll(ROW_SEPARATOR, ' ') : value);
	}
	return line;
}

/** A cell as the text the normalise stage expects. */
function cellText(cell: CellValue, field: KeptField): string {
	if (cell === null) return '';
	if (typeof cell === 'string') return cell.trim();
	if (cell instanceof XlsxDate) return cell.toIsoDate() ?? String(cell.serial);
	if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
	if (field === 'idNumber') return idFromNumber(cell);
	// A number in a date column without a date format: Excel shows the serial; it is still a date.
	if (DATE_FIELDS.has(field) && Number.isInteger(cell) && cell > 20_000 && cell < 80_000) {
		return isoFromExcelSerial(cell) ?? String(cell);
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
