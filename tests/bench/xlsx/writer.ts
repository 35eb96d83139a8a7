/**
 * The benchmark's XLSX writer (tests/bench/ingest.ts has `generate` use it for its 1M and 10M-row
 * files; the demo and the fixtures use exceljs, pipeline/demo/xlsx-writer.ts). It is kept because
 * exceljs's streaming writer takes four to five times the CPU on those rows and either holds every
 * shared string in memory or writes t="str" cells, which the reader's fast path does not take,
 * with memory growing with the rows (figures in README.md, Benchmarks; `npm run
 * bench:xlsx-writers`). From a few hundred to ten million rows:
 * the sheet XML is generated into byte buffers (row-encoder.ts) and deflated while the next
 * rows are produced; memory stays constant (strings past the shared-string limit go inline).
 * Sheets past 1,048,576 rows are valid zips and XML but more than Excel will display.
 */
import fs from 'node:fs/promises';
import type { WriteRow, XlsxWriterOptions } from '../../../pipeline/demo/xlsx-writer.ts';
import { RowEncoder } from './row-encoder.ts';
import {
	appXml,
	contentTypesXml,
	coreXml,
	rootRelsXml,
	sheetHeadXml,
	sheetTailXml,
	stylesXml,
	workbookRelsXml,
	workbookXml
} from './writer-parts.ts';
import { ZipWriter, type ZipEntryStream } from './zip-writer.ts';

export interface WriterOptions extends XlsxWriterOptions {
	/** Distinct strings kept in the shared-string table; later new strings are written inline. */
	sharedStringLimit?: number;
	/** Number format of date cells; default 'dd/mm/yyyy'. */
	dateFormat?: string;
	/**
	 * zlib level 1-9. Default 1: deflate runs beside the XML generation and, at level 6, becomes
	 * the bottleneck (about 65 MB/s of XML against 250 MB/s) for files only ~25% smaller.
	 */
	compressionLevel?: number;
	/** Write ZIP64 records whatever the size (tests). */
	forceZip64?: boolean;
}

export interface XlsxWriter {
	/**
	 * Appends rows after those already written (the first row is row 1), and merges ranges
	 * (as merge() does).
	 */
	writeRows(rows: readonly WriteRow[], merges?: readonly string[]): Promise<void>;
	/** Merges a range such as "A1:N1"; written when the sheet is closed. */
	merge(range: string): void;
	/** Finishes the sheet, the shared strings and the zip directory. */
	close(): Promise<void>;
	/** Gives up: closes and deletes the file. */
	abort(): Promise<void>;
	/** Rows written so far. */
	readonly rowCount: number;
}

const DEFAULT_SHARED_STRING_LIMIT = 50_000;
/** Generated XML is handed to the zip in pieces of about this size. */
const FLUSH_BYTES = 1 << 20;
const RANGE = /^[A-Z]{1,3}[1-9][0-9]*:[A-Z]{1,3}[1-9][0-9]*$/;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

export async function createXlsxWriter(file: string, options: WriterOptions): Promise<XlsxWriter> {
	checkSheetName(options.sheetName);
	const zip = await ZipWriter.create(file, {
		level: options.compressionLevel ?? 1,
		forceZip64: options.forceZip64
	});
	try {
		await zip.addFile('[Content_Types].xml', contentTypesXml());
		await zip.addFile('_rels/.rels', rootRelsXml());
		await zip.addFile('docProps/core.xml', coreXml(new Date()));
		await zip.addFile('docProps/app.xml', appXml());
		await zip.addFile('xl/workbook.xml', workbookXml(options.sheetName));
		await zip.addFile('xl/_rels/workbook.xml.rels', workbookRelsXml());
		await zip.addFile('xl/styles.xml', stylesXml(options.dateFormat ?? 'dd/mm/yyyy'));
		const sheet = await zip.beginEntry('xl/worksheets/sheet1.xml');
		await sheet.write(Buffer.from(sheetHeadXml(options.columnWidths ?? []), 'utf8'));
		return new SheetWriter(file, zip, sheet, options);
	} catch (error) {
		await zip.abort();
		await fs.rm(file, { force: true });
		throw error;
	}
}

function checkSheetName(name: string): void {
	if (name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name)) {
		throw new RangeError(`invalid sheet name (1-31 characters, none of []:*?/\\): ${name}`);
	}
}

class SheetWriter implements XlsxWriter {
	rowCount = 0;
	private readonly file: string;
	private readonly zip: ZipWriter;
	private readonly sheet: ZipEntryStream;
	private readonly encoder: RowEncoder;
	private readonly merges: string[] = [];
	private busy = false;
	private finished = false;

	constructor(file: string, zip: ZipWriter, sheet: ZipEntryStream, options: WriterOptions) {
		this.file = file;
		this.zip = zip;
		this.sheet = sheet;
		const sharedLimit =
			options.sharedStrings === false
				? 0
				: (options.sharedStringLimit ?? DEFAULT_SHARED_STRING_LIMIT);
		this.encoder = new RowEncoder(sharedLimit, FLUSH_BYTES + (64 << 10));
	}

	async writeRows(rows: readonly WriteRow[], merges: readonly string[] = []): Promise<void> {
		for (const range of merges) this.merge(range);
		this.enter();
		try {
			for (const row of rows) {
				// A bad value throws before rowCount moves, with nothing of its row kept, so the
				// writer stays usable after the error.
				this.encoder.row(row, this.rowCount + 1);
				this.rowCount++;
				if (this.encoder.out.length >= FLUSH_BYTES) await this.flush();
			}
			if (this.encoder.out.length > 0) await this.flush();
		} finally {
			this.busy = false;
		}
	}

	/**
	 * Hands the XML to deflate and lets the event loop run: zlib needs a callback on this thread
	 * to move on to its next piece of input, and a caller writing batch after batch would
	 * otherwise never leave the microtask queue, leaving deflate's thread idle.
	 */
	private async flush(): Promise<void> {
		await this.sheet.write(this.encoder.out.take());
		await new Promise((resolve) => setImmediate(resolve));
	}

	merge(range: string): void {
		if (!RANGE.test(range)) throw new RangeError(`invalid merge range: ${range}`);
		this.merges.push(range);
	}

	async close(): Promise<void> {
		this.enter();
		this.finished = true;
		try {
			await this.sheet.write(Buffer.from(sheetTailXml(this.merges), 'utf8'));
			await this.sheet.end();
			await this.writeSharedStrings();
			await this.zip.finish();
		} catch (error) {
			await this.abort(); // half a zip is of no use to anyone
			throw error;
		}
	}

	async abort(): Promise<void> {
		this.finished = true;
		await this.zip.abort();
		await fs.rm(this.file, { force: true });
	}

	private enter(): void {
		if (this.finished) throw new Error('xlsx writer: already closed');
		if (this.busy) throw new Error('xlsx writer: writeRows() is still running; await it');
		this.busy = true;
	}

	private async writeSharedStrings(): Promise<void> {
		const part = await this.zip.beginEntry('xl/sharedStrings.xml');
		for (const piece of this.encoder.sharedStrings(FLUSH_BYTES)) await part.write(piece);
		await part.end();
	}
}
