import { describe, expect, it } from 'vitest';
import type { XlsxRow } from '../../../../pipeline/xlsx/cells.ts';
import { MalformedXml } from '../../../../pipeline/xlsx/errors.ts';
import { SharedStringsScanner } from '../../../../pipeline/xlsx/shared-strings.ts';
import { SheetScanner, type SheetContext } from '../../../../pipeline/xlsx/sheet-scanner.ts';
import {
	dateFormatWords,
	isDateFormatCode,
	parseDateStyles
} from '../../../../pipeline/xlsx/styles.ts';
import { MAIN_NS, plain, stylesWith } from './helpers.ts';

const context: SheetContext = {
	sharedStrings: ['Nguyễn Văn Ánh', '東京', '042090001234'],
	dateStyles: Uint8Array.from([0, 1]),
	date1904: false
};

// Multi-byte characters (2, 3 and 4 bytes in UTF-8) everywhere a chunk could split them.
const SHEET =
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">` +
	'<sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="3" width="9"/></cols>' +
	'<sheetData>\n' +
	'<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Đặng Thị Ếch 😀 &amp; co</t></is></c><c r="C1" s="1"><v>45117</v></c><c r="D1"><v>3.25</v></c></row>\n' +
	'<row r="2"><c r="A2" t="s"><v>1</v></c><c r="AA2" t="b"><v>1</v></c></row>\n' +
	'<row r="3"/>\n' +
	'<!-- generated -->\n' +
	'<row><c t="inlineStr"><is><r><t>Hồ </t></r><r><rPr><b/></rPr><t>Chí Minh</t></r></is></c><c/><c t="s"><v>2</v></c></row>\n' +
	'<row r="10"><c r="B10" t="str"><f>A1</f><v>ỳ_x000A_ỵ</v></c><c r="C10" t="e"><v>#DIV/0!</v></c></row>\n' +
	'</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';

const EXPECTED = [
	['Nguyễn Văn Ánh', 'Đặng Thị Ếch 😀 & co', 'date:2023-07-10', 3.25],
	['東京', ...Array<null>(25).fill(null), true],
	[],
	['Hồ Chí Minh', null, '042090001234'],
	[null, 'ỳ\nỵ']
];

function scanBytes(bytes: Uint8Array, chunkSizes: (i: number) => number): XlsxRow[] {
	const scanner = new SheetScanner(context);
	const rows: XlsxRow[] = [];
	let at = 0;
	for (let i = 0; at < bytes.length; i++) {
		const size = chunkSizes(i);
		scanner.pushBytes(bytes.subarray(at, at + size));
		at += size;
		rows.push(...scanner.rows.splice(0));
	}
	scanner.end();
	rows.push(...scanner.rows.splice(0));
	return rows;
}

describe('SheetScanner', () => {
	const bytes = new TextEncoder().encode(SHEET);

	it('reads a sheet given in one piece', () => {
		const rows = scanBytes(bytes, () => bytes.length);
		expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 10]);
		expect(plain(rows)).toEqual(EXPECTED);
	});

	it('gives the same rows whatever the chunk boundaries (1 to 97 bytes)', () => {
		for (const size of [1, 2, 3, 5, 7, 13, 31, 97]) {
			const rows = scanBytes(bytes, () => size);
			expect(plain(rows), `chunks of ${size} bytes`).toEqual(EXPECTED);
			expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 10]);
		}
	});

	it('gives the same rows with irregular chunks', () => {
		let seed = 3;
		const rows = scanBytes(bytes, () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return 1 + (seed % 40);
		});
		expect(plain(rows)).toEqual(EXPECTED);
	});

	it('stops at </sheetData> and ignores what follows', () => {
		const scanner = new SheetScanner(context);
		scanner.pushText(SHEET.slice(0, SHEET.indexOf('</sheetData>') + 12));
		expect(scanner.done).toBe(true);
		scanner.pushText('<garbage');
		scanner.end();
		expect(scanner.rows).toHaveLength(5);
	});

	it('reports text that ends inside a row, or before <sheetData>', () => {
		const cut = new SheetScanner(context);
		cut.pushText(SHEET.slice(0, SHEET.indexOf('<row r="2"') + 20));
		expect(() => cut.end()).toThrow(
			new MalformedXml('unexpected end of XML after row 1 (truncated?)')
		);
		const early = new SheetScanner(context);
		early.pushText(`<worksheet xmlns="${MAIN_NS}"><sheetVi`);
		expect(() => early.end()).toThrow(new MalformedXml('no <sheetData> element (truncated XML?)'));
	});

	it('reads a row, or a comment, longer than a megabyte in small chunks', () => {
		// Longer than a chunk by far: scanned once its end comes (or at the end), not per chunk.
		const long = 'Thôn Đông '.repeat(150_000);
		const sheet =
			`<worksheet xmlns="${MAIN_NS}"><sheetData>` +
			'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>' +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c><c r="B2"><v>7</v></c></row>` +
			`<row r="3"><c r="A3"><v>3</v></c></row><!-- ${long} --></sheetData></worksheet>`;
		const bytes = new TextEncoder().encode(sheet);
		for (const size of [65_536, 65_537]) {
			const rows = scanBytes(bytes, () => size);
			expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
			expect(plain(rows)).toEqual([['a'], [long, 7], [3]]);
		}
	});

	it('rejects bytes that are not UTF-8', () => {
		const scanner = new SheetScanner(context);
		expect(() => scanner.pushBytes(Uint8Array.from([0x3c, 0xff, 0xfe, 0x3e]))).toThrow(
			new MalformedXml('invalid UTF-8 near byte 4')
		);
	});
});

describe('SharedStringsScanner', () => {
	const xml =
		`<?xml version="1.0"?><sst xmlns="${MAIN_NS}" count="4" uniqueCount="4">` +
		'<si><t>Phạm Thị Hương</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Bùi </t></r><r><t>Đức</t></r></si>' +
		'<si><t>a&lt;b&gt;</t><rPh sb="0" eb="1"><t>ルビ</t></rPh></si><si/></sst>';
	const expected = ['Phạm Thị Hương', 'Bùi Đức', 'a<b>', ''];

	it('reads items whole or split anywhere', () => {
		const bytes = new TextEncoder().encode(xml);
		for (const size of [bytes.length, 1, 2, 3, 11]) {
			const scanner = new SharedStringsScanner();
			for (let at = 0; at < bytes.length; at += size)
				scanner.pushBytes(bytes.subarray(at, at + size));
			expect(scanner.end(), `chunks of ${size}`).toEqual(expected);
		}
	});

	it('reads an item longer than a megabyte in small chunks, and reports one cut short', () => {
		const long = 'Nguyễn Văn '.repeat(120_000);
		const xml = `<sst xmlns="${MAIN_NS}"><si><t>a</t></si><si><t>${long}</t></si><si><t>b</t></si></sst>`;
		const bytes = new TextEncoder().encode(xml);
		// Cut inside the long item, before its end tag.
		const cutAt = new TextEncoder().encode(xml.slice(0, xml.indexOf('</t></si><si><t>b'))).length;
		const scanner = new SharedStringsScanner();
		for (let at = 0; at < bytes.length; at += 65_537)
			scanner.pushBytes(bytes.subarray(at, at + 65_537));
		expect(scanner.end()).toEqual(['a', long, 'b']);
		const cut = new SharedStringsScanner();
		for (let at = 0; at < cutAt; at += 65_537)
			cut.pushBytes(bytes.subarray(at, Math.min(at + 65_537, cutAt)));
		expect(() => cut.end()).toThrow(new MalformedXml('unexpected end of XML (truncated?)'));
	});

	it('accepts an empty table and reports a truncated one', () => {
		const empty = new SharedStringsScanner();
		empty.pushText(`<sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"/>`);
		expect(empty.end()).toEqual([]);
		const cut = new SharedStringsScanner();
		cut.pushText(xml.slice(0, 120));
		expect(() => cut.end()).toThrow(MalformedXml);
	});
});

describe('isDateFormatCode', () => {
	it.each([
		['dd/mm/yyyy', true],
		['d/m/yy', true],
		['mmm-yy', true],
		['h:mm:ss', true],
		['[$-42A]dddd, dd mmmm yyyy', true],
		['[h]:mm', true],
		['yyyy"年"m"月"', true],
		['General', false],
		['0', false],
		['0.00', false],
		['#,##0.00 "đ"', false],
		['@', false],
		['"Ngày: "0', false],
		['0.00E+00', false],
		['[Red]#,##0;[Blue]-#,##0', false],
		['\\d0', false],
		['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', false]
	])('%s → %s', (code, isDate) => {
		expect(isDateFormatCode(code)).toBe(isDate);
	});
});

describe('dateFormatWords', () => {
	it.each([
		['"Tính đến ngày "dd/mm/yyyy', 'Tính đến ngày'],
		['[$-42A]"Số liệu đến" dd/mm/yyyy', 'Số liệu đến'],
		['\\N\\g\\à\\y dd/mm/yyyy', 'Ngày'],
		['yyyy"年"m"月"', '年月'],
		['dd/mm/yyyy', ''],
		['dd"/"mm"/"yyyy', ''],
		['_(dd/mm/yyyy_)', '']
	])('%s → “%s”', (code, words) => {
		expect(dateFormatWords(code)).toBe(words);
	});

	it('goes with the date a styled cell holds, as the title search reads it', () => {
		const styles = stylesWith(['"Tính đến ngày "dd/mm/yyyy', 'dd/mm/yyyy']);
		const { dateStyles, dateWords } = parseDateStyles(styles);
		const scanner = new SheetScanner({ sharedStrings: [], dateStyles, dateWords, date1904: true });
		scanner.pushBytes(
			new TextEncoder().encode(
				`<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" s="1"><v>43797</v></c><c r="B1" s="2"><v>43797</v></c></row></sheetData></worksheet>`
			)
		);
		scanner.end();
		expect(scanner.rows[0]!.cells.map(String)).toEqual(['Tính đến ngày 2023-11-29', '2023-11-29']);
	});
});
