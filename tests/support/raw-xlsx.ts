/**
 * XLSX files written part by part, XML as given: for hostile files no spreadsheet program (nor
 * the product's own writer) would write — a cell beyond column XFD, a part of gigabytes that
 * deflates to megabytes. Each part is deflated as it is generated, so a 3.4 GB part never sits
 * in memory; a part's declared size can be a lie.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface RawPart {
	name: string;
	/** The part's text, piece by piece. */
	content: Iterable<string | Buffer>;
	/** The uncompressed size written in the headers (default: the real one). */
	declaredSize?: number;
	/** The part deflated already (deflatePart), to write it into several files. */
	deflated?: Deflated;
}

export interface Deflated {
	data: Buffer;
	crc: number;
	size: number;
}

interface Written {
	name: Buffer;
	crc: number;
	compressed: number;
	size: number;
	offset: number;
}

/** Deflates `content` into memory (a bomb's output is small), with its CRC-32 and real size. */
export async function deflatePart(content: Iterable<string | Buffer>): Promise<Deflated> {
	let crc = 0;
	let size = 0;
	const pieces = function* () {
		for (const piece of content) {
			const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
			crc = zlib.crc32(bytes, crc);
			size += bytes.length;
			yield bytes;
		}
	};
	const chunks: Buffer[] = [];
	const deflater = Readable.from(pieces(), { objectMode: false }).pipe(
		zlib.createDeflateRaw({ level: 9 })
	);
	for await (const chunk of deflater) chunks.push(chunk as Buffer);
	return { data: Buffer.concat(chunks), crc, size };
}

export async function writeRawXlsx(file: string, parts: RawPart[]): Promise<string> {
	const out = createWriteStream(file);
	const written: Written[] = [];
	let offset = 0;
	const write = async (bytes: Buffer) => {
		offset += bytes.length;
		if (!out.write(bytes)) await once(out, 'drain');
	};
	for (const part of parts) {
		const { data, crc, size } = part.deflated ?? (await deflatePart(part.content));
		const name = Buffer.from(part.name);
		const entry = { name, crc, compressed: data.length, size: part.declaredSize ?? size, offset };
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4); // version needed
		header.writeUInt16LE(0x0800, 6); // UTF-8 names
		header.writeUInt16LE(8, 8); // deflate
		header.writeUInt32LE(crc >>> 0, 14);
		header.writeUInt32LE(entry.compressed, 18);
		header.writeUInt32LE(entry.size, 22);
		header.writeUInt16LE(name.length, 26);
		await write(Buffer.concat([header, name]));
		await write(data);
		written.push(entry);
	}
	const directory = offset;
	for (const e of written) {
		const header = Buffer.alloc(46);
		header.writeUInt32LE(0x02014b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(20, 6);
		header.writeUInt16LE(0x0800, 8);
		header.writeUInt16LE(8, 10);
		header.writeUInt32LE(e.crc >>> 0, 16);
		header.writeUInt32LE(e.compressed, 20);
		header.writeUInt32LE(e.size, 24);
		header.writeUInt16LE(e.name.length, 28);
		header.writeUInt32LE(e.offset, 42);
		await write(Buffer.concat([header, e.name]));
	}
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(written.length, 8);
	end.writeUInt16LE(written.length, 10);
	end.writeUInt32LE(offset - directory, 12);
	end.writeUInt32LE(directory, 16);
	await write(end);
	out.end();
	await once(out, 'finish');
	return file;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Escapes text for an XML text node. */
export const xmlText = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An inline-string cell. */
export const inlineCell = (ref: string, text: string) =>
	`<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;

/**
 * The parts of a one-sheet workbook around `sheetData` (the `<row>` elements, piece by piece);
 * `extra` parts (shared strings, styles) are listed in the workbook's relationships.
 */
export function workbookParts(
	sheetData: Iterable<string | Buffer>,
	extra: { sharedStrings?: RawPart; styles?: RawPart } = {}
): RawPart[] {
	const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
	const types = [
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	];
	if (extra.sharedStrings) {
		rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
		types.push(
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
		);
	}
	if (extra.styles) {
		rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
		types.push(
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
		);
	}
	return [
		{
			name: '[Content_Types].xml',
			content: [
				`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types.join('')}</Types>`
			]
		},
		{
			name: '_rels/.rels',
			content: [
				`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
			]
		},
		{
			name: 'xl/workbook.xml',
			content: [
				`${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`
			]
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			content: [
				`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
			]
		},
		...(extra.sharedStrings ? [extra.sharedStrings] : []),
		...(extra.styles ? [extra.styles] : []),
		{
			name: 'xl/worksheets/sheet1.xml',
			content: (function* () {
				yield `${XML}<worksheet xmlns="${MAIN}"><sheetData>`;
				yield* sheetData;
				yield '</sheetData></worksheet>';
			})()
		}
	];
}

/** `<row>` elements of inline-string cells, A1-style references. */
export function* inlineRows(rows: string[][], firstRow = 1): Generator<string> {
	for (let i = 0; i < rows.length; i++) {
		const r = firstRow + i;
		const cells = rows[i]!.map((text, c) => inlineCell(`${columnName(c)}${r}`, text));
		yield `<row r="${r}">${cells.join('')}</row>`;
	}
}

function columnName(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const rem = (n - 1) % 26;
		out = String.fromCharCode(65 + rem) + out;
		n = (n - 1 - rem) / 26;
	}
	return out;
}

/**
 * `<row>` elements of shared-string cells (the markup Excel writes, which the fast path reads)
 * and the shared-strings part they index.
 */
export function sharedRows(rows: { row: number; cells: string[] }[]): {
	sheetData: string[];
	sharedStrings: RawPart;
} {
	const strings: string[] = [];
	const index = new Map<string, number>();
	const sheetData = rows.map(({ row, cells }) => {
		const xml = cells.map((text, c) => {
			if (text === '') return '';
			let i = index.get(text);
			if (i === undefined) index.set(text, (i = strings.push(text) - 1));
			return `<c r="${columnName(c)}${row}" t="s"><v>${i}</v></c>`;
		});
		return `<row r="${row}">${xml.join('')}</row>`;
	});
	const items = strings.map((s) => `<si><t>${xmlText(s)}</t></si>`).join('');
	return {
		sheetData,
		sharedStrings: {
			name: 'xl/sharedStrings.xml',
			content: [`${XML}<sst xmlns="${MAIN}" count="${strings.length}">${items}</sst>`]
		}
	};
}
