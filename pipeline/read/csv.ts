/**
 * Reads a CSV export into the staging table: the header is found in JS on the first lines, the
 * bulk is parsed by DuckDB's read_csv (the fastest reader here), after re-encoding to UTF-8 when
 * the file is UTF-16 or Windows-1258.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../errors.ts';
import { detectHeader, HeaderError, labelsOf, type Header } from './header.ts';
import { KEPT_FIELDS, type KeptField } from './fields.ts';
import { STAGING, stagingColumn } from './staging.ts';
import { blankRecords, blankShifts } from './blank-lines.ts';
import {
	detectDelimiter,
	parseCsv,
	sniffTextFile,
	transcodeToUtf8,
	type Encoding
} from './text-file.ts';
import { headerError } from './header-error.ts';

export interface CsvRead {
	header: Header;
	labels: Partial<Record<KeptField, string>>;
	encoding: Encoding;
	delimiter: string;
}

/** Records of the sample scanned for the header. */
const HEADER_SCAN = 60;

export async function readCsv(
	file: string,
	connection: DuckDBConnection,
	workDir: string,
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
		source = path.join(workDir, `${process.pid}-${name}.utf8.csv`);
		await transcodeToUtf8(file, sniffed, source);
	}
	const width = Math.max(...records.map((r) => r.cells.length));
	const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
	const select = KEPT_FIELDS.map((f) => {
		const index = header.columns[f];
		return `${index === undefined ? 'NULL' : `c${index}`} AS ${stagingColumn(f)}`;
	}).join(', ');
	const shifts = blankShifts(await blankRecords(source));
	await connection.run(
		'CREATE OR REPLACE TEMP TABLE blank_shift (first_ordinal INTEGER, shift INTEGER)'
	);
	for (const { firstOrdinal, shift } of shifts) {
		await connection.run('INSERT INTO blank_shift VALUES ($1, $2)', [firstOrdinal, shift]);
	}
	// DuckDB's running count skips empty lines; blank_shift restores the row number Excel shows
	// (the join costs as much as the read, so only files with empty lines pay for it).
	const numbered = shifts.length
		? `SELECT (t.ordinal + coalesce(b.shift, 0))::INTEGER AS row, t.* FROM raw t
			ASOF LEFT JOIN blank_shift b ON t.ordinal >= b.first_ordinal`
		: 'SELECT ordinal::INTEGER AS row, * FROM raw';
	// DuckDB tracks how far a query has got; poll it for the progress bar.
	await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
	const poll = setInterval(() => {
		const { percentage } = connection.progress;
		if (percentage >= 0) onProgress(percentage / 100);
	}, 200);
	try {
		await connection.run(
			// Titles are read and dropped rather than skipped: DuckDB's `skip` miscounts a title whose
			// quoted text spans lines. The serial reader is the one that pads short rows (titles,
			// totals) when quoted fields hold newlines, and costs little here.
			`INSERT INTO ${STAGING}
			WITH raw AS (
				SELECT row_number() OVER () AS ordinal, *
				FROM read_csv($1, delim = $2, quote = '"', escape = '"', header = false,
					auto_detect = false, columns = {${columns}}, null_padding = true, strict_mode = false,
					parallel = false, max_line_size = 4194304)
			)
			SELECT row, ${select} FROM (${numbered})
			WHERE row > ${header.lastRow + 1}`,
			[source, delimiter]
		);
	} catch (error) {
		// DuckDB's first line names the problem and the line; the rest lists reader settings.
		const detail =
			error instanceof Error
				? error.message.split('\n').slice(0, 2).join(' ').trim()
				: String(error);
		throw new ImportError('csv_malformed', { file: name }, { detail });
	} finally {
		clearInterval(poll);
		if (source !== file) await rm(source, { force: true });
	}
	const labels = labelsOf(
		records.map((r) => r.cells),
		header
	);
	return { header, labels, encoding: sniffed.encoding, delimiter };
}
