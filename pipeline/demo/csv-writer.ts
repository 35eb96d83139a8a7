/**
 * CSV the way Vietnamese offices produce it: UTF-8 with or without a BOM, Excel's "Unicode text"
 * (UTF-16LE, tab-separated) and the legacy Windows-1258 code page, with `,` `;` or tab.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { quoteCsvField } from '../../src/lib/csv.ts';

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'windows-1258';

export interface CsvWriter {
	writeRow(fields: string[]): Promise<void>;
	close(): Promise<void>;
}

const FLUSH_AT = 1 << 16;

export function createCsvWriter(
	file: string,
	options: { encoding: CsvEncoding; delimiter: string }
): CsvWriter {
	const out: WriteStream = createWriteStream(file);
	const encode = encoder(options.encoding);
	let pending = '';
	let started = false;

	const flush = async () => {
		if (!started) {
			started = true;
			if (options.encoding === 'utf8-bom') out.write(Buffer.from([0xef, 0xbb, 0xbf]));
			if (options.encoding === 'utf16le') out.write(Buffer.from([0xff, 0xfe]));
		}
		if (pending === '') return;
		const ok = out.write(encode(pending));
		pending = '';
		if (!ok) await once(out, 'drain');
	};

	return {
		async writeRow(fields) {
			pending +=
				fields.map((f) => quoteCsvField(f, options.delimiter)).join(options.delimiter) + '\r\n';
			if (pending.length >= FLUSH_AT) await flush();
		},
		async close() {
			await flush();
			out.end();
			await once(out, 'finish');
		}
	};
}

function encoder(encoding: CsvEncoding): (text: string) => Buffer {
	switch (encoding) {
		case 'utf8':
		case 'utf8-bom':
			return (text) => Buffer.from(text, 'utf8');
		case 'utf16le':
			return (text) => Buffer.from(text, 'utf16le');
		case 'windows-1258':
			return encodeWindows1258;
	}
}

/** Unicode → Windows-1258 byte, from the platform's own decoder table. */
const CP1258 = (() => {
	const map = new Map<string, number>();
	const decoder = new TextDecoder('windows-1258');
	for (let b = 0; b < 256; b++) {
		const ch = decoder.decode(Uint8Array.of(b));
		if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, b);
	}
	return map;
})();

/** Marks that change a letter's shape (â ă ơ): Windows-1258 has them precomposed. */
const SHAPE_MARKS = /[\u0302\u0306\u031b]/u;

/**
 * Windows-1258 writes tones as separate combining bytes after a base letter that may carry a
 * shape mark: "ệ" is "ê" (0xEA) + dot below (0xF2).
 */
function encodeWindows1258(text: string): Buffer {
	const bytes: number[] = [];
	for (const ch of text.normalize('NFC')) {
		const direct = CP1258.get(ch);
		if (direct !== undefined) {
			bytes.push(direct);
			continue;
		}
		const [base = '', ...marks] = [...ch.normalize('NFD')];
		const shape = marks.filter((m) => SHAPE_MARKS.test(m)).join('');
		const tones = marks.filter((m) => !SHAPE_MARKS.test(m));
		const letter = CP1258.get((base + shape).normalize('NFC'));
		const toneBytes = tones.map((t) => CP1258.get(t));
		if (letter === undefined || toneBytes.includes(undefined)) {
			throw new RangeError(`cannot encode "${ch}" in Windows-1258`);
		}
		bytes.push(letter, ...(toneBytes as number[]));
	}
	return Buffer.from(bytes);
}
