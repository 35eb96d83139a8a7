/**
 * What a CSV file is written in. Vietnamese offices produce UTF-8 (with or without a BOM),
 * Excel's "Unicode text" (UTF-16 with a BOM, tab-separated) and legacy Windows-1258 files.
 */
import { open } from 'node:fs/promises';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface Sniffed {
	encoding: Encoding;
	/** Bytes of byte-order mark to skip. */
	bom: number;
	/** The start of the file, decoded. */
	sample: string;
}

const SAMPLE_BYTES = 256 * 1024;

/** Detects the encoding from the BOM, else from whether the bytes are valid UTF-8. */
export async function sniffTextFile(file: string): Promise<Sniffed> {
	const handle = await open(file, 'r');
	try {
		const buffer = Buffer.alloc(SAMPLE_BYTES);
		const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
		const bytes = buffer.subarray(0, bytesRead);
		const { encoding, bom } = detectEncoding(bytes);
		const decoder = new TextDecoder(encoding, { fatal: false });
		return { encoding, bom, sample: decoder.decode(bytes.subarray(bom), { stream: true }) };
	} finally {
		await handle.close();
	}
}

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { encoding: 'utf-8', bom: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
	// UTF-16 without a BOM: ASCII text has a zero in every other byte.
	const zeros = countZeros(bytes.subarray(0, 512));
	if (zeros.odd > 100 && zeros.even === 0) return { encoding: 'utf-16le', bom: 0 };
	if (zeros.even > 100 && zeros.odd === 0) return { encoding: 'utf-16be', bom: 0 };
	return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1258', bom: 0 };
}

function countZeros(bytes: Uint8Array): { even: number; odd: number } {
	let even = 0;
	let odd = 0;
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] !== 0) continue;
		if (i % 2) odd++;
		else even++;
	}
	return { even, odd };
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return true;
	} catch {
		return false;
	}
}

/** The most frequent of `,` `;` tab outside quotes in the first line that has any. */
export function detectDelimiter(sample: string): ',' | ';' | '\t' {
	const counts = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	for (const ch of sample.slice(0, 64 * 1024)) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
	}
	const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort(
		(a, b) => b[1] - a[1]
	)[0]!;
	return best[1] === 0 ? ',' : best[0];
}

export interface CsvRecord {
	cells: string[];
	/** Offset in the text just after the record's line break. */
	end: number;
}

/**
 * RFC 4180 CSV text to records (quotes, doubled quotes, newlines in quotes, CRLF or LF), up to
 * `limit` records. Used on a file's first lines and on small sheets; DuckDB reads the bulk.
 */
export function parseCsv(text: string, delimiter: string, limit = Infinity): CsvRecord[] {
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length && records.length < limit; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch !== '"') field += ch;
			else if (text[i + 1] === '"') {
				field += '"';
				i++;
			} else quoted = false;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === delimiter) {
			cells.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			cells.push(field);
			records.push({ cells, end: i + 1 });
			cells = [];
			field = '';
		} else field += ch;
	}
	if (records.length < limit && (field !== '' || cells.length > 0)) {
		cells.push(field);
		records.push({ cells, end: text.length });
	}
	return records;
}
