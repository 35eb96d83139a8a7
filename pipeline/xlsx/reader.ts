/**
 * Streaming XLSX reader for registration exports of up to millions of rows. The zip is read
 * through its central directory (so sharedStrings.xml can come first whatever the entry order),
 * the sheet is inflated as a stream and scanned by hand (see sheet-scanner.ts): only the shared
 * strings are held in memory. Several times faster than exceljs's streaming reader.
 */
import type { XlsxRow } from './cells.ts';
import { MalformedXml, XlsxError } from './errors.ts';
import {
	parseRelationships,
	parseWorkbookXml,
	relsPathOf,
	type Relationship
} from './package-parts.ts';
import { SharedStringsScanner } from './shared-strings.ts';
import { SheetScanner, type SheetContext } from './sheet-scanner.ts';
import { parseDateStyles } from './styles.ts';
import { ZipArchive } from './zip-reader.ts';

export { XlsxDate, type CellValue, type XlsxRow } from './cells.ts';
export { XlsxError, XlsxPartTooLarge } from './errors.ts';

export interface SheetInfo {
	name: string;
	/** 0-based position in the workbook's sheet order. */
	index: number;
	/** Zip path of the worksheet part. */
	path: string;
	/** Hidden (or very hidden) in the workbook: not a tab the user sees. */
	hidden: boolean;
}

export interface RowsOptions {
	/** Rows per yielded batch (default 1000). */
	batchSize?: number;
}

export interface Workbook {
	readonly file: string;
	readonly sheets: SheetInfo[];
	readonly date1904: boolean;
	/** Streams a sheet's rows in batches; breaking out of the loop releases the stream. */
	rows(sheet: SheetInfo, options?: RowsOptions): AsyncIterable<XlsxRow[]>;
	/** A sheet's inflated XML, chunk by chunk, and what its cells refer to (for fast-sheet.ts). */
	sheetBytes(sheet: SheetInfo): Promise<{ context: SheetContext; chunks: AsyncIterable<Buffer> }>;
	/** Closes the file, ending any iteration still open. */
	close(): Promise<void>;
}

const DEFAULT_BATCH = 1000;

/**
 * Opens an XLSX file for streaming: reads the zip directory, the workbook and its relationships;
 * shared strings and styles are read on the first rows() call.
 */
export async function openWorkbook(file: string): Promise<Workbook> {
	const zip = await ZipArchive.open(file);
	try {
		return await WorkbookReader.create(zip);
	} catch (error) {
		await zip.close();
		if (error instanceof XlsxError) throw error;
		throw new XlsxError(file, messageOf(error), { cause: error });
	}
}

class WorkbookReader implements Workbook {
	readonly file: string;
	readonly sheets: SheetInfo[];
	readonly date1904: boolean;
	private readonly zip: ZipArchive;
	private readonly rels: Relationship[];
	private context: Promise<SheetContext> | null = null;

	private constructor(
		zip: ZipArchive,
		sheets: SheetInfo[],
		date1904: boolean,
		rels: Relationship[]
	) {
		this.file = zip.file;
		this.zip = zip;
		this.sheets = sheets;
		this.date1904 = date1904;
		this.rels = rels;
	}

	static async create(zip: ZipArchive): Promise<WorkbookReader> {
		const workbookPath = await findWorkbookPart(zip);
		const workbook = parseWorkbookXml(await readText(zip, workbookPath));
		const relsPath = zip.resolve(relsPathOf(workbookPath));
		if (relsPath === null)
			throw new XlsxError(zip.file, `missing part ${relsPathOf(workbookPath)}`);
		const rels = parseRelationships(await readText(zip, relsPath), workbookPath);
		const sheets: SheetInfo[] = [];
		for (const entry of workbook.sheets) {
			const rel = rels.find((r) => r.id === entry.relId);
			if (rel === undefined) {
				throw new XlsxError(zip.file, `sheet "${entry.name}" has no relationship ${entry.relId}`);
			}
			if (rel.type !== 'worksheet') continue; // chart sheets, dialog sheets: no cells
			sheets.push({
				name: entry.name,
				index: sheets.length,
				path: rel.target,
				hidden: entry.hidden
			});
		}
		return new WorkbookReader(zip, sheets, workbook.date1904, rels);
	}

	rows(sheet: SheetInfo, options: RowsOptions = {}): AsyncIterable<XlsxRow[]> {
		const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
		return this.readRows(sheet, batchSize);
	}

	close(): Promise<void> {
		return this.zip.close();
	}

	async sheetBytes(
		sheet: SheetInfo
	): Promise<{ context: SheetContext; chunks: AsyncIterable<Buffer> }> {
		const context = await this.sheetContext();
		const part = this.zip.resolve(sheet.path);
		if (part === null)
			throw new XlsxError(this.file, `missing part ${sheet.path} (sheet "${sheet.name}")`);
		return { context, chunks: this.zip.chunks(part) };
	}

	private async *readRows(sheet: SheetInfo, batchSize: number): AsyncGenerator<XlsxRow[]> {
		const context = await this.sheetContext();
		const part = this.zip.resolve(sheet.path);
		if (part === null)
			throw new XlsxError(this.file, `missing part ${sheet.path} (sheet "${sheet.name}")`);
		const scanner = new SheetScanner(context);
		const chunks = this.zip.chunks(part);
		try {
			for await (const chunk of chunks) {
				this.scan(part, () => scanner.pushBytes(chunk));
				while (scanner.rows.length >= batchSize) yield this.batch(scanner, batchSize, part);
				if (scanner.done) break;
			}
			this.scan(part, () => scanner.end());
			while (scanner.rows.length > 0) yield this.batch(scanner, batchSize, part);
		} finally {
			await chunks.return(undefined);
		}
	}

	/** The next batch, unless the workbook was closed while the caller held the previous one. */
	private batch(scanner: SheetScanner, batchSize: number, part: string): XlsxRow[] {
		if (this.zip.closed) throw new XlsxError(this.file, `closed while reading ${part}`);
		return takeBatch(scanner, batchSize);
	}

	private scan(part: string, step: () => void): void {
		try {
			step();
		} catch (error) {
			if (!(error instanceof MalformedXml)) throw error;
			throw new XlsxError(this.file, `malformed ${part}: ${error.message}`, { cause: error });
		}
	}

	/** Shared strings and date styles, read once and shared by every sheet. */
	private sheetContext(): Promise<SheetContext> {
		this.context ??= this.loadContext();
		return this.context;
	}

	private async loadContext(): Promise<SheetContext> {
		const stylesRel = this.rels.find((r) => r.type === 'styles');
		const stylesPath = this.zip.resolve(stylesRel?.target ?? 'xl/styles.xml');
		const { dateStyles, dateWords } =
			stylesPath === null
				? { dateStyles: new Uint8Array(0), dateWords: new Map<number, string>() }
				: parseDateStyles(await readText(this.zip, stylesPath));
		return {
			sharedStrings: await this.readSharedStrings(),
			dateStyles,
			dateWords,
			date1904: this.date1904
		};
	}

	private async readSharedStrings(): Promise<string[]> {
		const rel = this.rels.find((r) => r.type === 'sharedStrings');
		const part = this.zip.resolve(rel?.target ?? 'xl/sharedStrings.xml');
		if (part === null) return [];
		const scanner = new SharedStringsScanner();
		for await (const chunk of this.zip.chunks(part))
			this.scan(part, () => scanner.pushBytes(chunk));
		let strings: string[] = [];
		this.scan(part, () => (strings = scanner.end()));
		return strings;
	}
}

function takeBatch(scanner: SheetScanner, batchSize: number): XlsxRow[] {
	if (scanner.rows.length <= batchSize) {
		const batch = scanner.rows;
		scanner.rows = [];
		return batch;
	}
	return scanner.rows.splice(0, batchSize);
}

/** The main part named by the package relationships; xl/workbook.xml by convention. */
async function findWorkbookPart(zip: ZipArchive): Promise<string> {
	const rootRels = zip.resolve('_rels/.rels');
	if (rootRels !== null) {
		const rels = parseRelationships(await readText(zip, rootRels), '');
		const main = rels.find((r) => r.type === 'officeDocument');
		const resolved = main && zip.resolve(main.target);
		if (resolved) return resolved;
	}
	const fallback = zip.resolve('xl/workbook.xml');
	if (fallback === null) throw new XlsxError(zip.file, 'not an XLSX file (no workbook part)');
	return fallback;
}

async function readText(zip: ZipArchive, part: string): Promise<string> {
	const bytes = await zip.readBuffer(part);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new XlsxError(zip.file, `malformed ${part}: invalid UTF-8`);
	}
}

function messageOf(error: unknown): string {
	if (error instanceof MalformedXml) return `malformed workbook: ${error.message}`;
	return error instanceof Error ? error.message : String(error);
}
