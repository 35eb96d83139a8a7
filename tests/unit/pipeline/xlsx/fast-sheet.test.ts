/**
 * The fast path gives the rows the general scanner gives, on the markup it knows, and steps aside
 * (NotFast) on the rest.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FastSheetWriter, NotFast, type RowSink } from '../../../../pipeline/xlsx/fast-sheet.ts';
import { openWorkbook, XlsxDate, type CellValue } from '../../../../pipeline/xlsx/reader.ts';
import { stylesWith, tempDir, writeHandmade, type Handmade } from './helpers.ts';

const dir = tempDir();
// Columns A, C, D, E kept as fields 2, 0, 1, 3; B is dropped.
const FIELD_OF = new Int16Array([2, -1, 0, 1, 3]);
const FIELDS = 4;

const convert = (cell: CellValue): string => {
	if (cell === null) return '';
	if (typeof cell === 'string') return cell.trim();
	if (cell instanceof XlsxDate) return cell.toIsoDate() ?? String(cell.serial);
	if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
	return String(cell);
};

class Recorder implements RowSink {
	rows: (string | number | null)[][] = [];
	start(row: number) {
		this.rows.push([row]);
	}
	field(value: string | null) {
		this.rows.at(-1)!.push(value === '' ? null : value);
	}
	fieldBytes(bytes: Uint8Array, start: number, end: number) {
		this.rows.at(-1)!.push(Buffer.from(bytes.subarray(start, end)).toString('utf8'));
	}
	end() {}
}

let n = 0;
async function bothWays(spec: Handmade, head = 1) {
	const file = await writeHandmade(path.join(dir, `w${n++}.xlsx`), spec);
	const workbook = await openWorkbook(file);
	try {
		const sheet = workbook.sheets[0]!;
		const general: (string | number | null)[][] = [];
		const columns = [2, 3, 0, 4];
		for await (const batch of workbook.rows(sheet))
			for (const { row, cells } of batch) {
				if (row <= head) continue;
				general.push([row, ...columns.map((c) => convert(cells[c] ?? null) || null)]);
			}
		const fast = new Recorder();
		const { context, chunks } = await workbook.sheetBytes(sheet);
		const writer = new FastSheetWriter(context, FIELD_OF, FIELDS, head, fast, convert);
		for await (const chunk of chunks) {
			// Byte by byte at first: rows split anywhere between chunks.
			for (let i = 0; i < chunk.length; i += 7) writer.push(chunk.subarray(i, i + 7));
		}
		writer.end();
		return { general, fast: fast.rows };
	} finally {
		await workbook.close();
	}
}

describe('fast sheet path', () => {
	it('reads what the general scanner reads, on the markup writers produce', async () => {
		const { general, fast } = await bothWays({
			sharedStrings: ['Huyện Can Lộc', '  Xã Xuân Lộc ', 'Sở Y tế &amp; Xã hội', 'bỏ'],
			styles: stylesWith([14]),
			sheets: [
				{
					name: 'DS',
					rows:
						'<row r="1"><c r="A1" t="s"><v>3</v></c></row>' +
						'<row r="2" spans="1:5"><c r="A2" t="inlineStr"><is><t>042001234567</t></is></c>' +
						'<c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c>' +
						'<c r="E2" s="1"><v>45123</v></c></row>\n' +
						'<row r="3"><c r="A3"><v>42001234568</v></c><c r="C3" t="inlineStr"><is><t xml:space="preserve"> Thị xã  Kỳ Anh</t></is></c>' +
						'<c r="D3" t="inlineStr"><is><t>Phường&#160;Sông Trí\u00a0</t></is></c><c r="E3" t="b"><v>1</v></c></row>' +
						'<row r="5"/>' +
						'<row r="6"><c r="C6" t="inlineStr"><is><t>Xã Kỳ Lạc\nthôn 2</t></is></c><c r="D6"/>' +
						'<c r="E6" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="A6" t="s"><v>2</v></c></row>' +
						'<row r="7" ht="15"><c r="E7" s="1"><v>45123.75</v></c><c r="C7"><v>1.5</v></c></row>'
				}
			]
		});
		expect(fast).toEqual(general);
		expect(fast).toHaveLength(5);
		expect(fast[0]).toEqual([2, 'Huyện Can Lộc', 'Xã Xuân Lộc', '042001234567', '2023-07-16']);
	});

	it('reads a row longer than a megabyte, and the rows around it, as the general scanner does', async () => {
		// Longer than any chunk: both readers wait for its end instead of rescanning it per chunk.
		const long = 'Thôn Đông '.repeat(150_000);
		const { general, fast } = await bothWays({
			sheets: [
				{
					name: 'DS',
					rows:
						'<row r="2"><c r="C2" t="inlineStr"><is><t>Huyện Can Lộc</t></is></c></row>' +
						`<row r="3"><c r="B3" t="inlineStr"><is><t>${long}</t></is></c>` +
						'<c r="C3" t="inlineStr"><is><t>Huyện Hương Khê</t></is></c></row>' +
						'<row r="4"><c r="C4" t="inlineStr"><is><t>Huyện Vũ Quang</t></is></c></row>'
				}
			]
		});
		expect(fast).toEqual(general);
		expect(fast.map((r) => r[1])).toEqual(['Huyện Can Lộc', 'Huyện Hương Khê', 'Huyện Vũ Quang']);
	});

	it('reads dates of a 1904 workbook as the general scanner does', async () => {
		const { general, fast } = await bothWays({
			date1904: true,
			styles: stylesWith(['dd/mm/yyyy']),
			sheets: [{ name: 'DS', rows: '<row r="2"><c r="E2" s="1"><v>43661</v></c></row>' }]
		});
		expect(fast).toEqual(general);
		expect(fast[0]![4]).toBe('2023-07-16');
	});

	for (const [what, rows] of [
		['a formula', '<row r="2"><c r="C2"><f>1+1</f><v>2</v></c></row>'],
		['rich text', '<row r="2"><c r="C2" t="inlineStr"><is><r><t>a</t></r></is></c></row>'],
		['a row without its number', '<row><c r="C2" t="inlineStr"><is><t>a</t></is></c></row>'],
		['a cell without a reference', '<row r="2"><c t="inlineStr"><is><t>a</t></is></c></row>'],
		['a formula string', '<row r="2"><c r="C2" t="str"><v>a</v></c></row>']
	] as const) {
		it(`steps aside on ${what}, which the general scanner reads`, async () => {
			await expect(
				bothWays({ sheets: [{ name: 'DS', rows: '<row r="1"/>' + rows }] })
			).rejects.toBeInstanceOf(NotFast);
		});
	}
});
