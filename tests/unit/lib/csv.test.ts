import { describe, expect, it } from 'vitest';
import { csvCell, csvLines, quoteCsvField } from '../../../src/lib/csv.ts';

describe('csvCell', () => {
	it.each([
		['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
		['+84 912', `"'+84 912"`],
		['-1+1', `"'-1+1"`],
		['@SUM(A1)', `"'@SUM(A1)"`],
		['\t=1', `"'\t=1"`],
		['\r=1', `"'\r=1"`]
	])('neutralises text starting like a formula: %j', (text, cell) => {
		expect(csvCell(text)).toBe(cell);
	});

	it('writes numbers as numbers, negative ones included', () => {
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(0.125)).toBe('0.125');
	});

	it('writes nothing for a missing value', () => {
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('quotes per RFC 4180 only when needed', () => {
		expect(csvCell('Huyện Can Lộc')).toBe('Huyện Can Lộc');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('a;b', ';')).toBe('"a;b"');
		expect(csvCell('a,b', ';')).toBe('a,b');
	});

	it('leaves a formula-like character inside the text alone', () => {
		expect(csvCell('Xã A-B')).toBe('Xã A-B');
	});
});

describe('quoteCsvField', () => {
	it('quotes without neutralising, for files the pipeline reads back as they are', () => {
		expect(quoteCsvField('-1')).toBe('-1');
		expect(quoteCsvField('a\tb', '\t')).toBe('"a\tb"');
	});
});

describe('csvLines', () => {
	it('ends every line with CRLF', () => {
		expect(
			csvLines([
				['Mã', 'Giá trị'],
				['=1', -3]
			])
		).toBe(`Mã,Giá trị\r\n"'=1",-3\r\n`);
	});
});
