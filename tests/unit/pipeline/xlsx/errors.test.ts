import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook, XlsxError, type XlsxRow } from '../../../../pipeline/xlsx/reader.ts';
import {
	openDescriptors,
	readRows,
	stylesWith,
	tempDir,
	worksheet,
	writeHandmade,
	writeZip
} from './helpers.ts';

const dir = tempDir();
const file = (name: string): string => path.join(dir, name);

/** The XlsxError a promise rejects with (fails the test if it resolves or throws anything else). */
async function xlsxError(promise: Promise<unknown>): Promise<XlsxError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(XlsxError);
	return error as XlsxError;
}

/**
 * A sound workbook of `rows` rows (numbers, shared and inline strings, dates, booleans), built
 * from its XML: quicker than a writer, and the same layout every time.
 */
async function validFile(name: string, rows = 2000): Promise<string> {
	const shared = Array.from({ length: 100 }, (_, i) => `Nguyễn Văn ${i}`);
	const xml = Array.from({ length: rows }, (_, i) => {
		const r = i + 1;
		const name =
			i < shared.length
				? `<c r="B${r}" t="s"><v>${i}</v></c>`
				: `<c r="B${r}" t="inlineStr"><is><t>Nguyễn Văn ${i}</t></is></c>`;
		return (
			`<row r="${r}"><c r="A${r}"><v>${i}</v></c>${name}<c r="C${r}" s="1"><v>45117</v></c>` +
			`<c r="D${r}" t="inlineStr"><is><t>${String(i).padStart(12, '0')}</t></is></c>` +
			`<c r="E${r}" t="b"><v>${i % 2}</v></c></row>`
		);
	});
	return writeHandmade(file(name), {
		sheets: [{ name: 'S', rows: xml.join('') }],
		sharedStrings: shared,
		styles: stylesWith(['dd/mm/yyyy'])
	});
}

describe('reader errors', () => {
	it('rejects random bytes, naming the file', async () => {
		const f = file('random.xlsx');
		fs.writeFileSync(f, crypto.randomBytes(20_000));
		const error = await xlsxError(openWorkbook(f));
		expect(error.message).toBe('random.xlsx: not an XLSX file (no zip central directory)');
		expect(error.file).toBe(f);
		expect(openDescriptors(f)).toEqual([]);
	});

	it('rejects an empty file and a missing file', async () => {
		const f = file('empty.xlsx');
		fs.writeFileSync(f, '');
		expect((await xlsxError(openWorkbook(f))).message).toBe(
			'empty.xlsx: not an XLSX file (no zip central directory)'
		);
		const missing = await xlsxError(openWorkbook(file('nope.xlsx')));
		expect(missing.message).toMatch(/^nope\.xlsx: cannot open: ENOENT/);
	});

	it('rejects a truncated file', async () => {
		const f = await validFile('whole.xlsx');
		const cut = file('truncated.xlsx');
		const bytes = fs.readFileSync(f);
		fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
		const error = await xlsxError(openWorkbook(cut));
		expect(error.message).toBe('truncated.xlsx: not an XLSX file (no zip central directory)');
		expect(openDescriptors(cut)).toEqual([]);
	});

	it('rejects a zip without a workbook', async () => {
		const f = file('plain.zip.xlsx');
		await writeZip(f, new Map([['hello.txt', 'xin chào']]));
		const error = await xlsxError(openWorkbook(f));
		expect(error.message).toBe('plain.zip.xlsx: not an XLSX file (no workbook part)');
		expect(openDescriptors(f)).toEqual([]);
	});

	it('reports a missing sheet part when its rows are read', async () => {
		const f = await writeHandmade(file('nosheet.xlsx'), {
			sheets: [{ name: 'S', rows: '' }],
			omit: ['xl/worksheets/sheet1.xml']
		});
		const error = await xlsxError(readRows(f));
		expect(error.message).toBe('nosheet.xlsx: missing part xl/worksheets/sheet1.xml (sheet "S")');
		expect(openDescriptors(f)).toEqual([]);
	});

	it('reports a sheet whose XML stops in the middle', async () => {
		const xml = worksheet(
			'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
		);
		const f = await writeHandmade(file('cut-xml.xlsx'), {
			sheets: [{ name: 'S', xml: xml.slice(0, xml.indexOf('<row r="2"') + 15) }]
		});
		const error = await xlsxError(readRows(f));
		expect(error.message).toBe(
			'cut-xml.xlsx: malformed xl/worksheets/sheet1.xml: unexpected end of XML after row 1 (truncated?)'
		);
	});

	it('reports malformed cells', async () => {
		const cases: [string, string][] = [
			['<row r="1"><c r="A1" t="s"><v>5</v></c></row>', 'shared string 5 does not exist (row 1)'],
			['<row r="1"><c r="A1"><v>12abc</v></c></row>', 'bad number "12abc" in row 1'],
			['<row r="1"><c r="A1" t="zz"><v>1</v></c></row>', 'unknown cell type t="zz"'],
			['<row r="1"><c r="A1"><v>1</v></row>', 'expected </c> in row 1'],
			['<col min="1"/>', 'unexpected <col min="1"/></shee in <sheetData>']
		];
		for (const [i, [rows, problem]] of cases.entries()) {
			const f = await writeHandmade(file(`bad-${i}.xlsx`), { sheets: [{ name: 'S', rows }] });
			const error = await xlsxError(readRows(f));
			expect(error.message).toBe(`bad-${i}.xlsx: malformed xl/worksheets/sheet1.xml: ${problem}`);
		}
	});

	it('reports a truncated shared-strings part', async () => {
		const f = await writeHandmade(file('cut-sst.xlsx'), {
			sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
			sharedStrings: '<sst xmlns="x"><si><t>a</t></si><si><t>b'
		});
		const error = await xlsxError(readRows(f));
		expect(error.message).toBe(
			'cut-sst.xlsx: malformed xl/sharedStrings.xml: unexpected end of XML (truncated?)'
		);
	});

	it('never hangs and only throws XlsxError on damaged compressed data', async () => {
		const f = await validFile('fuzz-source.xlsx', 20_000);
		const bytes = fs.readFileSync(f);
		// The sheet is most of the file; damage bytes inside it, away from the central directory.
		let seed = 7;
		const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
		const problems: string[] = [];
		for (let trial = 0; trial < 12; trial++) {
			const damaged = Buffer.from(bytes);
			const at = 2_000 + Math.floor(((trial + 0.5) / 12) * (bytes.length - 4_000));
			for (let i = 0; i < 16; i++) damaged[at + i] = next() & 0xff;
			const g = file(`fuzz-${trial}.xlsx`);
			fs.writeFileSync(g, damaged);
			const outcome = await readRows(g).then(
				(rows: XlsxRow[]) => rows.length,
				(e: unknown) => e
			);
			if (typeof outcome !== 'number') {
				expect(outcome).toBeInstanceOf(XlsxError);
				expect((outcome as Error).message.startsWith(`fuzz-${trial}.xlsx: `)).toBe(true);
				problems.push((outcome as XlsxError).problem);
			}
			expect(openDescriptors(g)).toEqual([]);
		}
		expect(problems.length).toBeGreaterThan(6);
	});
});

describe('reader resources', () => {
	it('releases the sheet stream on an early break and the file on close', async () => {
		const f = await validFile('break.xlsx', 20_000);
		const wb = await openWorkbook(f);
		expect(openDescriptors(f)).toHaveLength(1);
		let seen = 0;
		for await (const batch of wb.rows(wb.sheets[0]!, { batchSize: 100 })) {
			seen += batch.length;
			break;
		}
		expect(seen).toBe(100);
		// The workbook is still usable: a second pass starts from the top.
		for await (const batch of wb.rows(wb.sheets[0]!, { batchSize: 5 })) {
			expect(batch.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
			break;
		}
		await wb.close();
		expect(openDescriptors(f)).toEqual([]);
	});

	it('ends an iteration that is still open when the workbook is closed', async () => {
		const f = await validFile('close-mid.xlsx', 20_000);
		const wb = await openWorkbook(f);
		const iterator = wb.rows(wb.sheets[0]!, { batchSize: 10 })[Symbol.asyncIterator]();
		expect((await iterator.next()).done).toBe(false);
		await wb.close();
		expect(openDescriptors(f)).toEqual([]);
		const error = await xlsxError(iterator.next());
		expect(error.message).toBe('close-mid.xlsx: closed while reading xl/worksheets/sheet1.xml');
		await xlsxError(openRowsAfterClose(wb));
	});
});

async function openRowsAfterClose(wb: Awaited<ReturnType<typeof openWorkbook>>): Promise<void> {
	for await (const batch of wb.rows(wb.sheets[0]!)) void batch;
}
