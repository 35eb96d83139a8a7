import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding, parseCsv } from '../../../../pipeline/read/text-file.ts';

describe('detectEncoding', () => {
	it('reads byte-order marks', () => {
		expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
			encoding: 'utf-8',
			bom: 3
		});
		expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toEqual({
			encoding: 'utf-16le',
			bom: 2
		});
		expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x41]))).toEqual({
			encoding: 'utf-16be',
			bom: 2
		});
	});

	it('tells UTF-8 from Windows-1258 by validity', () => {
		expect(detectEncoding(Buffer.from('Huyện Can Lộc;Đạt', 'utf8'))).toEqual({
			encoding: 'utf-8',
			bom: 0
		});
		// "Hà" in Windows-1258: H, a, combining grave (0xCC)
		expect(detectEncoding(Uint8Array.from([0x48, 0x61, 0xcc, 0x3b]))).toEqual({
			encoding: 'windows-1258',
			bom: 0
		});
	});

	it('recognises UTF-16 without a BOM by its zero bytes', () => {
		expect(
			detectEncoding(Buffer.from('STT;Số CCCD;Huyện\r\n'.repeat(20), 'utf16le')).encoding
		).toBe('utf-16le');
	});
});

describe('detectDelimiter', () => {
	it('picks the separator used outside quotes', () => {
		expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
		expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
		expect(detectDelimiter('"x;y;z",b,c\n1,2,3\n')).toBe(',');
		expect(detectDelimiter('only one column\n')).toBe(',');
	});
});

describe('parseCsv', () => {
	it('handles quotes, doubled quotes, newlines in quotes and CRLF, with record ends', () => {
		const text = 'a,"b, c","d ""e"""\r\n"line\r\nbreak",2,3\n\nlast';
		const records = parseCsv(text, ',');
		expect(records.map((r) => r.cells)).toEqual([
			['a', 'b, c', 'd "e"'],
			['line\r\nbreak', '2', '3'],
			[''],
			['last']
		]);
		expect(records[0]!.end).toBe(text.indexOf('"line'));
	});

	it('stops after the limit', () => {
		expect(parseCsv('1\n2\n3\n', ',', 2).map((r) => r.cells)).toEqual([['1'], ['2']]);
	});
});
