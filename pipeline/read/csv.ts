/**
 * Reads a CSV export into the staging table: the header is found in JS on the first lines, the
 * bulk is parsed by DuckDB's read_csv (the fastest reader here), after re-encoding to UTF-8 when
 * the file is UTF-16 or Windows-1258.
 *
 * DuckDB's parallel reader is used when it can account for every record: it returns the rows as
 * wide as the header in file order and sets aside the shorter ones (titles, totals, signatures)
 * with their byte offsets; a quote-aware scan counts the records, finds the empty ones and where
 * each begins, so each row gets the number Excel shows. A short row below the header is data
 * written without its trailing empty cells: it is parsed here and kept. A file whose records do
 * not add up (or that the parallel reader refuses) is read again by the serial reader, which pads
 * short rows itself and names the line of a malformed one. An unclosed quote is refused.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../errors.ts';
import { detectHeader, HeaderError, labelsOf, type Header } from './header.ts';
import { KEPT_FIELDS, type KeptField } from './fields.ts';
import { STAGING, stagingColumn } from './staging.ts';
import { recordAt, scanRecords, skipShifts, type RecordScan } from './records.ts';
import { detectDelimiter, parseCsv, sniffTextFile, type Encoding } from './text-file.ts';
import { headerError } from './header-error.ts';
import { refuseUnaccounted } from './accounting.ts';
import { tempFile } from '../temp-files.ts';
import type { PersonKeyer } from '../person-key.ts';
import { transcodePrivately } from './private-transcode.ts';
import {
	birthToken,
	birthTokenSql,
	idToken,
	idTokenSql,
	KEYED_ID_PREFIX,
	personKeySql
} from '../privacy.ts';

const KEYED_ID = new RegExp(`^${KEYED_ID_PREFIX}[0-9a-f]{32}$`);

export interface CsvRead {
	header: Header;
	labels: Partial<Record<KeptField, string>>;
	encoding: Encoding;
	delimiter: string;
	/** Which DuckDB reader read the file. */
	reader: 'parallel' | 'serial';
	/** The ID numbers were keyed on the way (always: see keptColumns). */
	keyedIds: true;
}

/** Records of the sample scanned for the header. */
const HEADER_SCAN = 60;
/** Beyond this many short rows or gaps, the serial reader is the faster way to number rows. */
const MAX_SET_ASIDE = 1000;
const MAX_SHIFTS = 200;

interface Plan {
	source: string;
	delimiter: string;
	width: number;
	header: Header;
	/** The labels of the (last) header row, for messages. */
	headerCells: string[];
	connection: DuckDBConnection;
	/** The ID column holds keys already (a re-encoded file). */
	keyed: boolean;
	keyer: PersonKeyer;
	onProgress: (fraction: number) => void;
}

export async function readCsv(
	file: string,
	connection: DuckDBConnection,
	workDir: string,
	keyer: PersonKeyer,
	onProgress: (fraction: number) => void = () => {}
): Promise<CsvRead> {
	const name = path.basename(file);
	const sniffed = await sniffTextFile(file);
	const delimiter = detectDelimiter(sniffed.sample);
	const records = parseCsv(sniffed.sample, delimiter, HEADER_SCAN);
	let header: Header;
	try {
		header = detectHeader(records.map((r) => r.cells));
	} catch (error) {
		if (error instanceof HeaderError) throw headerError(error, { file: name });
		throw error;
	}
	let source = file;
	if (sniffed.encoding !== 'utf-8') {
		source = tempFile(workDir, 'utf8.csv');
		await transcodePrivately(file, sniffed, source, delimiter, header, keyer);
	}
	const width = Math.max(...records.map((r) => r.cells.length));
	const headerCells = records[header.lastRow]?.cells ?? [];
	const plan: Plan = {
		source,
		delimiter,
		width,
		header,
		headerCells,
		connection,
		keyed: source !== file,
		keyer,
		onProgress
	};
	let reader: CsvRead['reader'] = 'parallel';
	try {
		// The scan runs while DuckDB reads (in its own threads). A file the parallel reader refuses
		// goes to the serial one, which words the refusal.
		const [scan, parallel] = await Promise.all([
			scanRecords(source, delimiter),
			readParallel(plan).catch(() => null)
		]);
		if (scan.unclosedQuote) throw await unclosedQuote(plan, scan, name);
		if (!parallel || !(await numberParallelRows(plan, scan, parallel))) {
			reader = 'serial';
			await connection.run(`DELETE FROM ${STAGING}`);
			await readSerial(plan, scan, name);
		}
		await refuseUnaccounted(connection, dataRecords(scan, header), { file: name });
	} finally {
		if (source !== file) await rm(source, { force: true });
	}
	const labels = labelsOf(
		records.map((r) => r.cells),
		header
	);
	return {
		header,
		labels,
		encoding: sniffed.encoding,
		delimiter,
		reader,
		keyedIds: true
	};
}

/** The records below the header that are not empty: what staging must hold, whichever reader. */
function dataRecords(scan: RecordScan, header: Header): number {
	const head = header.lastRow + 1;
	return scan.records - head - scan.blanks.filter((b) => b > head).length;
}

/**
 * Both of DuckDB's readers take an unclosed quote as a cell running to the end of the file and
 * would drop every row after it: refused, naming the cell where it opened.
 */
async function unclosedQuote(plan: Plan, scan: RecordScan, name: string): Promise<ImportError> {
	const { record, offset } = scan.unclosedQuote!;
	const start = scan.starts[record - 1]!;
	const handle = await open(plan.source, 'r');
	let before: string;
	try {
		const bytes = Buffer.alloc(offset - start);
		await handle.read(bytes, 0, bytes.length, start);
		before = bytes.toString('utf8');
	} finally {
		await handle.close();
	}
	const index = (parseCsv(before, plan.delimiter)[0]?.cells.length ?? 1) - 1;
	const column = plan.headerCells[Math.max(0, index)]?.trim() || `#${index + 1}`;
	return new ImportError('csv_unclosed_quote', { file: name, row: record, column });
}

/**
 * `… AS id_number, …, … AS person_key`: staging's columns; NULL for fields the file lacks. The
 * ID number is keyed and the birth date cut to its year right in the read (privacy.ts), so that
 * no table, not even a block DuckDB spills to disk under memory pressure, ever holds either.
 */
function keptColumns(plan: Plan): string {
	const id = plan.header.columns.idNumber;
	return KEPT_FIELDS.map((f) => {
		const index = plan.header.columns[f];
		const cell = `c${index}`;
		const value =
			index === undefined
				? 'NULL'
				: f === 'idNumber'
					? idTokenSql(cell, plan.keyed)
					: f === 'birthDate'
						? birthTokenSql(cell)
						: cell;
		return `${value} AS ${stagingColumn(f)}`;
	})
		.concat(`${id === undefined ? 'NULL' : personKeySql(`c${id}`)} AS person_key`)
		.join(', ');
}

function readCsvCall(plan: Plan, options: string): string {
	const columns = Array.from({ length: plan.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
	return `read_csv($1, delim = $2, quote = '"', escape = '"', header = false,
		auto_detect = false, columns = {${columns}}, strict_mode = false, max_line_size = 4194304,
		${options})`;
}

interface SetAside {
	/** 1-based byte offset where DuckDB's text of the record begins (line breaks before it included). */
	byteAt: number;
	type: string;
	text: string;
}

/** The wide rows into staging, unnumbered, in file order; the records set aside. */
async function readParallel(plan: Plan): Promise<SetAside[]> {
	const { connection } = plan;
	// Row numbers come from the order rows are stored in (rowid): that order must be the file's.
	await connection.run(
		'SET preserve_insertion_order = true; DROP TABLE IF EXISTS csv_set_aside; DROP TABLE IF EXISTS csv_scans'
	);
	await withProgress(plan, () =>
		connection.run(
			`INSERT INTO ${STAGING} SELECT NULL, ${keptColumns(plan)}
			FROM ${readCsvCall(plan, `ignore_errors = true, store_rejects = true, rejects_table = 'csv_set_aside', rejects_scan = 'csv_scans', rejects_limit = ${MAX_SET_ASIDE + 1}`)}`,
			[plan.source, plan.delimiter]
		)
	);
	// DuckDB keeps the set-aside lines whole (a short data row's ID with them): read once, gone.
	// Beyond MAX_SET_ASIDE the serial reader takes over, so more are not kept.
	try {
		const reader = await connection.runAndReadAll(
			`SELECT DISTINCT line_byte_position::DOUBLE AS "byteAt", error_type AS type, csv_line AS text
			FROM csv_set_aside ORDER BY 1`
		);
		return reader.getRowObjectsJson() as unknown as SetAside[];
	} finally {
		await connection.run('DROP TABLE IF EXISTS csv_set_aside; DROP TABLE IF EXISTS csv_scans');
	}
}

/**
 * Gives the parallel reader's rows their record numbers and adds back the short data rows;
 * false (staging left for the caller to empty) when the records do not add up.
 */
async function numberParallelRows(
	plan: Plan,
	scan: RecordScan,
	setAside: SetAside[]
): Promise<boolean> {
	const { connection, header } = plan;
	if (setAside.length > MAX_SET_ASIDE || setAside.some((s) => s.type !== 'MISSING COLUMNS'))
		return false;
	const read = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${STAGING}`);
	const rows = (read.getRowObjectsJson()[0] as { n: number }).n;
	// DuckDB's line numbers drift after empty lines; its byte offsets do not, and the file's
	// bytes there must be the text it set aside.
	const short = await locate(plan.source, scan, setAside);
	if (!short) return false;
	const blank = new Set(scan.blanks);
	const lines = short.map((s) => s.line);
	if (
		new Set(lines).size !== lines.length ||
		lines.some((line) => blank.has(line)) ||
		rows + lines.length + blank.size !== scan.records
	)
		return false;
	const records = short.map((s) => ({ line: s.line, records: parseCsv(s.text, plan.delimiter) }));
	if (records.some((s) => s.records.length !== 1)) return false;
	const shifts = skipShifts([...blank, ...lines].sort((a, b) => a - b));
	if (shifts.length > MAX_SHIFTS) return false;
	const shift = shifts.length
		? `CASE ${shifts
				.reverse()
				.map((s) => `WHEN rowid >= ${s.firstOrdinal - 1} THEN ${s.shift}`)
				.join(' ')} ELSE 0 END`
		: '0';
	await connection.run(`UPDATE ${STAGING} SET row = rowid + 1 + ${shift}`);
	// Titles and the header itself.
	await connection.run(`DELETE FROM ${STAGING} WHERE row <= ${header.lastRow + 1}`);
	const data = records.filter((s) => s.line > header.lastRow + 1);
	if (data.length > 0) await insertRows(plan, data);
	return true;
}

/** The record number of each text set aside, checked against the file; null if one is not there. */
async function locate(
	file: string,
	scan: RecordScan,
	setAside: SetAside[]
): Promise<{ line: number; text: string }[] | null> {
	const handle = await open(file, 'r');
	try {
		const found: { line: number; text: string }[] = [];
		for (const s of setAside) {
			const text = s.text.replace(/^[\r\n]+/, '');
			const offset = s.byteAt - 1 + (s.text.length - text.length);
			const line = recordAt(scan, offset);
			const expected = Buffer.from(text);
			const actual = Buffer.alloc(expected.length);
			await handle.read(actual, 0, actual.length, scan.starts[line - 1]!);
			if (scan.starts[line - 1] !== offset || !actual.equals(expected)) return null;
			found.push({ line, text });
		}
		return found;
	} finally {
		await handle.close();
	}
}

/** Short data rows, parsed here: their ID and birth date go in as the read query writes them. */
async function insertRows(
	plan: Plan,
	rows: { line: number; records: { cells: string[] }[] }[]
): Promise<void> {
	const { connection, header, keyer, keyed } = plan;
	const personal: Partial<Record<KeptField, (value: string) => string>> = {
		idNumber: (value) => (keyed && KEYED_ID.test(value) ? value : idToken(value, keyer)),
		birthDate: birthToken
	};
	const appender = await connection.createAppender(STAGING);
	try {
		for (const { line, records } of rows) {
			const cells = records[0]!.cells;
			appender.appendInteger(line);
			for (const field of KEPT_FIELDS) {
				const index = header.columns[field];
				const cell = index === undefined ? '' : (cells[index] ?? '');
				const value = cell === '' ? '' : (personal[field]?.(cell) ?? cell);
				// DuckDB reads an empty field as NULL; so does this.
				if (value === '') appender.appendNull();
				else appender.appendVarchar(value);
			}
			// Keyed in idToken's text, as in a row file.
			appender.appendNull();
			appender.endRow();
		}
	} finally {
		appender.closeSync();
	}
}

/**
 * The serial reader pads short rows (titles, totals) even when quoted fields hold line breaks;
 * its running count skips empty records, and the scan's list of them restores the row number
 * Excel shows (a join that costs as much as the read, so only files with empty lines pay for it).
 */
async function readSerial(plan: Plan, scan: RecordScan, name: string): Promise<void> {
	const { connection, header } = plan;
	const shifts = skipShifts(scan.blanks);
	await connection.run(
		'CREATE OR REPLACE TEMP TABLE blank_shift (first_ordinal INTEGER, shift INTEGER)'
	);
	// Through the appender: a file with an empty line after every record has a shift per record.
	const appender = await connection.createAppender('blank_shift');
	try {
		for (const { firstOrdinal, shift } of shifts) {
			appender.appendInteger(firstOrdinal);
			appender.appendInteger(shift);
			appender.endRow();
		}
	} finally {
		appender.closeSync();
	}
	// Only the kept columns, keyed, go into the window and the join (both may spill).
	const numbered = shifts.length
		? `SELECT (t.ordinal + coalesce(b.shift, 0))::INTEGER AS row, t.* EXCLUDE (ordinal) FROM raw t
			ASOF LEFT JOIN blank_shift b ON t.ordinal >= b.first_ordinal`
		: 'SELECT ordinal::INTEGER AS row, * EXCLUDE (ordinal) FROM raw';
	// DuckDB takes a file it has not read yet for a few rows, and would join them to the shifts in
	// a nested loop (18,000 rows with an empty line after each: 4 s instead of 20 ms).
	await connection.run('SET asof_loop_join_threshold = 0');
	try {
		await withProgress(plan, () =>
			connection.run(
				// Titles are read and dropped rather than skipped: DuckDB's `skip` miscounts a title
				// whose quoted text spans lines.
				`INSERT INTO ${STAGING}
				WITH raw AS (
					SELECT row_number() OVER () AS ordinal, ${keptColumns(plan)}
					FROM ${readCsvCall(plan, 'null_padding = true, parallel = false')}
				)
				SELECT row, ${KEPT_FIELDS.map(stagingColumn).join(', ')}, person_key FROM (${numbered})
				WHERE row > ${header.lastRow + 1}`,
				[plan.source, plan.delimiter]
			)
		);
	} catch (error) {
		// DuckDB's first line names the problem and the line; the rest lists reader settings.
		const detail =
			error instanceof Error
				? error.message.split('\n').slice(0, 2).join(' ').trim()
				: String(error);
		throw new ImportError('csv_malformed', { file: name }, { detail });
	} finally {
		await connection.run('RESET asof_loop_join_threshold');
	}
}

/** DuckDB tracks how far a query has got; polled for the progress bar. */
async function withProgress(plan: Plan, work: () => Promise<unknown>): Promise<void> {
	const { connection } = plan;
	await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
	const poll = setInterval(() => {
		const { percentage } = connection.progress;
		if (percentage >= 0) plan.onProgress(percentage / 100);
	}, 200);
	try {
		await work();
	} finally {
		clearInterval(poll);
	}
}
