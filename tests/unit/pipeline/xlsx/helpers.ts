import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll } from 'vitest';
import yazl from 'yazl';
import { openWorkbook, type CellValue, type XlsxRow } from '../../../../pipeline/xlsx/reader.ts';

/** A temporary directory for this test file, removed at the end. */
export function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface HandmadeSheet {
	name: string;
	/** The whole worksheet part, or just what goes inside <sheetData>. */
	xml?: string;
	rows?: string;
	/** Relationship target; default "worksheets/sheetN.xml". */
	target?: string;
	/** The sheet's state attribute in workbook.xml. */
	state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface Handmade {
	sheets: HandmadeSheet[];
	sharedStrings?: string[] | string;
	styles?: string;
	date1904?: boolean;
	/** Put the shared strings after the sheets in the zip, as some writers do. */
	sharedStringsLast?: boolean;
	/** Leave out these parts. */
	omit?: string[];
	/** Extra or replacement parts. */
	parts?: Record<string, string | Buffer>;
}

/**
 * Writes a workbook from hand-written XML parts, to test the reader on layouts other writers
 * produce (missing r attributes, prefixes, inline rich text, odd part orders).
 */
export async function writeHandmade(
	file: string,
	spec: Handmade,
	zip: ZipOptions = {}
): Promise<string> {
	const parts = new Map<string, string | Buffer>();
	const rels = spec.sheets.map((sheet, i) => {
		const target = sheet.target ?? `worksheets/sheet${i + 1}.xml`;
		return `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target}"/>`;
	});
	rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="styles.xml"/>`);
	rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
	parts.set(
		'_rels/.rels',
		`<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	);
	const sheetTags = spec.sheets
		.map(
			(s, i) =>
				`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`
		)
		.join('');
	parts.set(
		'xl/workbook.xml',
		`<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
			`<workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetTags}</sheets></workbook>`
	);
	parts.set(
		'xl/_rels/workbook.xml.rels',
		`<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}">${rels.join('')}</Relationships>`
	);
	parts.set('xl/styles.xml', spec.styles ?? stylesWith([]));
	const sst = spec.sharedStrings ?? [];
	const sstXml =
		typeof sst === 'string'
			? sst
			: `<sst xmlns="${MAIN_NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
	if (!spec.sharedStringsLast) parts.set('xl/sharedStrings.xml', sstXml);
	spec.sheets.forEach((sheet, i) => {
		const target = sheet.target ?? `worksheets/sheet${i + 1}.xml`;
		const zipPath = path.posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
		parts.set(zipPath, sheet.xml ?? worksheet(sheet.rows ?? ''));
	});
	if (spec.sharedStringsLast) parts.set('xl/sharedStrings.xml', sstXml);
	for (const [name, content] of Object.entries(spec.parts ?? {})) parts.set(name, content);
	for (const name of spec.omit ?? []) parts.delete(name);
	await writeZip(file, parts, zip);
	return file;
}

export interface ZipOptions {
	/** ZIP64 records (extra fields, end record and locator) whatever the size. */
	zip64?: boolean;
	/** Parts as streams: sizes and CRC in a data descriptor after the data, as streaming writers do. */
	streamed?: boolean;
}

/** A zip of the given parts, in order, deflated (yazl). */
export async function writeZip(
	file: string,
	parts: Map<string, string | Buffer>,
	options: ZipOptions = {}
): Promise<void> {
	const zip = new yazl.ZipFile();
	const written = pipeline(zip.outputStream, fs.createWriteStream(file));
	const format = { forceZip64Format: options.zip64 ?? false };
	for (const [name, content] of parts) {
		const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
		if (options.streamed) zip.addReadStream(Readable.from([data]), name, format);
		else zip.addBuffer(data, name, format);
	}
	zip.end({ ...format, comment: '' });
	await written;
}

export function worksheet(rows: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/**
 * styles.xml whose cellXfs are the given number formats: a number is a numFmtId, a string a
 * custom format code (given ids from 164).
 */
export function stylesWith(formats: (number | string)[]): string {
	const custom: string[] = [];
	const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
	for (const f of formats) {
		let id = f;
		if (typeof f === 'string') {
			id = 164 + custom.length;
			custom.push(
				`<numFmt numFmtId="${id}" formatCode="${f.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`
			);
		}
		xfs.push(
			`<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
		);
	}
	return (
		`<?xml version="1.0"?><styleSheet xmlns="${MAIN_NS}">` +
		(custom.length ? `<numFmts count="${custom.length}">${custom.join('')}</numFmts>` : '') +
		'<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
		'<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
		`<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`
	);
}

/** Every row of a sheet (by index or name), read with the reader. */
export async function readRows(
	file: string,
	sheet: number | string = 0,
	batchSize?: number
): Promise<XlsxRow[]> {
	const wb = await openWorkbook(file);
	try {
		const info =
			typeof sheet === 'number' ? wb.sheets[sheet] : wb.sheets.find((s) => s.name === sheet);
		if (!info) throw new Error(`no sheet ${sheet}`);
		const rows: XlsxRow[] = [];
		for await (const batch of wb.rows(info, { batchSize })) rows.push(...batch);
		return rows;
	} finally {
		await wb.close();
	}
}

/** Cells of the rows, with dates shown as `date:YYYY-MM-DD` (or `date:serial`) for comparison. */
export function plain(rows: XlsxRow[]): unknown[][] {
	return rows.map((r) => r.cells.map(show));
}

export function show(value: CellValue): unknown {
	if (value !== null && typeof value === 'object') {
		return `date:${value.toIsoDate() ?? value.serial}`;
	}
	return value;
}

/** Paths of the descriptors this process has open on `file`. */
export function openDescriptors(file: string): string[] {
	const target = fs.realpathSync(file);
	const found: string[] = [];
	for (const fd of fs.readdirSync('/proc/self/fd')) {
		try {
			if (fs.readlinkSync(`/proc/self/fd/${fd}`) === target) found.push(fd);
		} catch {
			// closed in the meantime
		}
	}
	return found;
}
