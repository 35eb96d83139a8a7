/**
 * Read: any export (CSV or XLSX, told apart by content, not name) into the staging table.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { ImportError } from '../errors.ts';
import { PersonKeyer } from '../person-key.ts';
import { readCsvIsolated } from './csv-isolated.ts';
import { detectFormat } from './format.ts';
import { KEPT_FIELDS, type KeptField } from './fields.ts';
import type { Header } from './header.ts';
import { isFooterLine } from './footer.ts';
import { createStaging, STAGING, stagingColumn } from './staging.ts';
import { readXlsx } from './xlsx.ts';

export interface ReadResult {
	format: 'csv' | 'xlsx';
	sheet: string | null;
	header: Header;
	/** Header labels of the kept columns, as the file spells them (for messages). */
	labels: Partial<Record<KeptField, string>>;
	/** Blank rows, totals and signatures below the data. */
	rowsIgnored: number;
	/** Rows with data. */
	rows: number;
	/** The reader wrote ID numbers as their keys already (validate.ts). */
	keyedIds: boolean;
}

export interface ReadProgress {
	fraction?: number;
	rows?: number;
}

export async function readExport(
	file: string,
	connection: DuckDBConnection,
	workDir: string,
	key: Buffer,
	onProgress: (progress: ReadProgress) => void = () => {}
): Promise<ReadResult> {
	const name = path.basename(file);
	const format = await detectFormat(file);
	await createStaging(connection);
	const keyer = new PersonKeyer(key);
	// The reading process gets the loading one's memory limit, not more: it cannot spill, but the
	// limit is what the operator gave the command, and the two peaks meet (this process takes the
	// rows in while the other sends them). Measured in-memory need of readCsv: 70 MB for 50 rows,
	// 88 MB for a 10 MB file, 124 MB for 32 MB, 267 MB for 106 MB (a million rows): about 70 MB +
	// 2x the file, under ingest's default (512 MB, or 3x the file). Less is refused in one line.
	const limit = await connection.runAndReadAll(`SELECT current_setting('memory_limit')`);
	const memoryLimit = String(limit.getRows()[0]![0]);
	const read =
		format === 'xlsx'
			? {
					...(await readXlsx(file, connection, workDir, keyer, (rows) => onProgress({ rows }))),
					keyedIds: true
				}
			: {
					...(await readCsvIsolated(file, connection, workDir, key, memoryLimit, (fraction) =>
						onProgress({ fraction })
					)),
					sheet: null
				};
	// Rows with none of the fields that make a registration: blank lines, "Tổng cộng", signatures.
	const ignored = await connection.runAndReadAll(
		`DELETE FROM ${STAGING} WHERE coalesce(id_number, district, registered_on, status) IS NULL AND person_key IS NULL RETURNING row`
	);
	const footers = await deleteFooterLines(connection);
	const rows = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${STAGING}`);
	const count = (rows.getRowObjectsJson()[0] as { n: number }).n;
	if (count === 0) throw new ImportError('no_rows', { file: name, sheet: read.sheet });
	return {
		format,
		sheet: read.sheet,
		header: read.header,
		labels: read.labels,
		rowsIgnored: ignored.currentRowCount + footers,
		rows: count,
		keyedIds: read.keyedIds
	};
}

/**
 * Total and signature lines written in a kept column ("Người lập biểu" under "Ngày đăng ký"):
 * rows without an ID below the last row with one, whose every value is a footer phrase. Rows
 * with any real value stay, to be rejected with their reason. Returns how many went.
 */
async function deleteFooterLines(connection: DuckDBConnection): Promise<number> {
	const columns = KEPT_FIELDS.map(stagingColumn).map((c) => `"${c}"`);
	const below = await connection.runAndReadAll(
		`SELECT row, ${columns.join(', ')} FROM ${STAGING}
		 WHERE id_number IS NULL AND person_key IS NULL
		   AND row > (SELECT coalesce(max(row), 0) FROM ${STAGING}
		     WHERE id_number IS NOT NULL OR person_key IS NOT NULL)`
	);
	const footers = below
		.getRows()
		.filter(([, ...values]) => isFooterLine(values.map((v) => (v === null ? null : String(v)))))
		.map(([row]) => Number(row));
	if (footers.length > 0)
		await connection.run(`DELETE FROM ${STAGING} WHERE row IN (${footers.join(', ')})`);
	return footers.length;
}
