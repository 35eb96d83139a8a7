import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { openWorkbook, XlsxDate } from '../../../pipeline/xlsx/reader.ts';
import type { WriteRow } from '../../../pipeline/demo/xlsx-writer.ts';
import { createXlsxWriter } from '../../bench/xlsx/writer.ts';
import { plain, readRows, tempDir } from '../pipeline/xlsx/helpers.ts';

const dir = tempDir();
const file = (name: string): string => path.join(dir, name);

async function write(name: string, rows: WriteRow[], options = {}): Promise<string> {
	const f = file(name);
	const w = await createXlsxWriter(f, { sheetName: 'Danh sách', ...options });
	await w.writeRows(rows);
	await w.close();
	return f;
}

/** Names and contents of the parts, read with yauzl directly. */
async function parts(f: string): Promise<Map<string, string>> {
	const zip = await yauzl.openPromise(f, { lazyEntries: false });
	const out = new Map<string, string>();
	try {
		for await (const entry of zip.eachEntry()) {
			const stream = await zip.openReadStreamPromise(entry);
			const chunks: Buffer[] = [];
			for await (const chunk of stream) chunks.push(chunk as Buffer);
			out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
		}
	} finally {
		zip.close();
	}
	return out;
}

const TRICKY = [
	'Nguyễn Thị Ánh Tuyết',
	'A & B <c> "d" \'e\'',
	'  leading and trailing  ',
	'tab\there\nnew line',
	'cr\r\nlf',
	'bell\u0007 vt\u000b nul\u0000',
	'literal _x0041_ and _x005F_',
	'emoji 😀 and 𝔘',
	'lone \ud800 surrogate',
	'\ufffe\uffff',
	''
];

describe('writer round trip', () => {
	it('writes every kind of cell and reads it back exactly', async () => {
		const f = await write('kinds.xlsx', [
			{ cells: ['BÁO CÁO'], style: 'title' },
			{ cells: ['Số', 'Tên', 'Ngày', null, 'Có'], style: 'header' },
			{
				cells: [
					0,
					-12.5,
					1e21,
					123456789012,
					{ text: '042090001234' },
					{ text: '0009' },
					'0009',
					{ date: '2023-07-10' },
					{ date: '1900-03-01' },
					true,
					false,
					null,
					'after a gap'
				]
			},
			{ cells: TRICKY },
			{ cells: [] },
			{ cells: Array.from({ length: 30 }, (_, i) => (i % 7 === 0 ? `col ${i}` : i)) }
		]);
		const rows = await readRows(f);
		expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 6]);
		expect(plain(rows)).toEqual([
			['BÁO CÁO'],
			['Số', 'Tên', 'Ngày', null, 'Có'],
			[
				0,
				-12.5,
				1e21,
				123456789012,
				'042090001234',
				'0009',
				'0009',
				'date:2023-07-10',
				'date:1900-03-01',
				true,
				false,
				null,
				'after a gap'
			],
			[
				'Nguyễn Thị Ánh Tuyết',
				'A & B <c> "d" \'e\'',
				'  leading and trailing  ',
				'tab\there\nnew line',
				'cr\r\nlf',
				'bell\u0007 vt\u000b nul\u0000',
				'literal _x0041_ and _x005F_',
				'emoji 😀 and 𝔘',
				'lone \ufffd surrogate',
				'\ufffe\uffff',
				''
			],
			Array.from({ length: 30 }, (_, i) => (i % 7 === 0 ? `col ${i}` : i))
		]);
		expect((rows[2]!.cells[7] as XlsxDate).serial).toBe(45117);
	});

	it('writes the same text identically through shared and inline strings', async () => {
		const rows = [{ cells: TRICKY }, { cells: TRICKY.map((text) => ({ text })) }];
		const shared = await write('shared.xlsx', rows);
		const inline = await write('inline.xlsx', rows, { sharedStringLimit: 0 });
		const fromShared = plain(await readRows(shared));
		expect(plain(await readRows(inline))).toEqual(fromShared);
		expect(fromShared[1]).toEqual(fromShared[0]);
		const xml = (await parts(inline)).get('xl/worksheets/sheet1.xml')!;
		expect(xml).toContain(
			'<c r="C1" t="inlineStr"><is><t xml:space="preserve">  leading and trailing  </t></is></c>'
		);
		expect(xml).toContain('<t>bell_x0007_ vt_x000B_ nul_x0000_</t>');
		expect(xml).toContain('<t>literal _x005F_x0041_ and _x005F_x005F_</t>');
		expect(xml).toContain('<t>cr_x000D_\nlf</t>');
		expect(xml).toContain(
			'<c r="B2" s="4" t="inlineStr"><is><t>A &amp; B &lt;c&gt; "d" \'e\'</t></is></c>'
		);
	});

	it('keeps strings beyond the shared-string limit inline', async () => {
		const f = await write(
			'limit.xlsx',
			[{ cells: ['a', 'b', 'c', 'a'] }, { cells: ['c', 'b', 'd'] }],
			{ sharedStringLimit: 2 }
		);
		const xml = await parts(f);
		expect(xml.get('xl/sharedStrings.xml')).toMatch(
			/<sst [^>]*count="4" uniqueCount="2"><si><t>a<\/t><\/si><si><t>b<\/t><\/si><\/sst>$/
		);
		expect(xml.get('xl/worksheets/sheet1.xml')).toContain(
			'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
				'<c r="C1" t="inlineStr"><is><t>c</t></is></c><c r="D1" t="s"><v>0</v></c></row>'
		);
		expect(plain(await readRows(f))).toEqual([
			['a', 'b', 'c', 'a'],
			['c', 'b', 'd']
		]);
	});

	it('streams many rows across several deflate chunks', async () => {
		const f = file('many.xlsx');
		const w = await createXlsxWriter(f, { sheetName: 'S', sharedStringLimit: 1000 });
		for (let b = 0; b < 20; b++) {
			await w.writeRows(
				Array.from({ length: 1000 }, (_, i) => {
					const n = b * 1000 + i;
					return {
						cells: [
							n,
							`Học viên ${n}`,
							{ date: '2024-02-29' },
							{ text: String(n).padStart(12, '0') }
						]
					};
				})
			);
		}
		expect(w.rowCount).toBe(20_000);
		await w.close();
		let count = 0;
		const wb = await openWorkbook(f);
		for await (const batch of wb.rows(wb.sheets[0]!)) {
			for (const row of batch) {
				const n = row.row - 1;
				expect(row.cells[0]).toBe(n);
				expect(row.cells[1]).toBe(`Học viên ${n}`);
				expect(row.cells[3]).toBe(String(n).padStart(12, '0'));
				count++;
			}
		}
		await wb.close();
		expect(count).toBe(20_000);
	});
});

describe('writer package', () => {
	it('writes the parts Excel expects, merges after the cells, and styles', async () => {
		const f = file('parts.xlsx');
		const w = await createXlsxWriter(f, {
			sheetName: 'Học viên',
			columnWidths: [6, 30],
			dateFormat: 'dd/mm/yyyy'
		});
		await w.writeRows(
			[{ cells: ['Tiêu đề', null], style: 'title' }, { cells: [{ date: '2024-01-31' }] }],
			['A1:B1']
		);
		w.merge('A3:B3');
		await w.close();
		const xml = await parts(f);
		expect([...xml.keys()]).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'docProps/core.xml',
			'docProps/app.xml',
			'xl/workbook.xml',
			'xl/_rels/workbook.xml.rels',
			'xl/styles.xml',
			'xl/worksheets/sheet1.xml',
			'xl/sharedStrings.xml'
		]);
		for (const part of [
			'/xl/workbook.xml',
			'/xl/worksheets/sheet1.xml',
			'/xl/styles.xml',
			'/xl/sharedStrings.xml'
		]) {
			expect(xml.get('[Content_Types].xml')).toContain(`PartName="${part}"`);
		}
		expect(xml.get('xl/workbook.xml')).toContain(
			'<sheet name="Học viên" sheetId="1" r:id="rId1"/>'
		);
		const sheet = xml.get('xl/worksheets/sheet1.xml')!;
		expect(sheet).toContain(
			'<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/></cols>'
		);
		expect(sheet).toContain(
			'<row r="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="2"/></row><row r="2"><c r="A2" s="3"><v>45322</v></c></row>' +
				'</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A3:B3"/></mergeCells>'
		);
		expect(xml.get('xl/styles.xml')).toContain('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>');
		expect(xml.get('xl/styles.xml')).toContain('<cellXfs count="5">');
	});

	it('passes a zip integrity test', async () => {
		const f = await write('unzip.xlsx', [{ cells: ['x', 1] }]);
		let unzip: string;
		try {
			unzip = execFileSync('unzip', ['-t', f], { encoding: 'utf8' });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // no unzip here
			throw error;
		}
		expect(unzip).toContain('No errors detected');
	});

	it('rejects bad arguments', async () => {
		await expect(createXlsxWriter(file('bad1.xlsx'), { sheetName: 'a/b' })).rejects.toThrow(
			RangeError
		);
		await expect(
			createXlsxWriter(file('bad2.xlsx'), { sheetName: 'x'.repeat(32) })
		).rejects.toThrow(RangeError);
		const w = await createXlsxWriter(file('bad3.xlsx'), { sheetName: 'S' });
		expect(() => w.merge('A1-B2')).toThrow('invalid merge range: A1-B2');
		await expect(w.writeRows([{ cells: [Number.NaN] }])).rejects.toThrow(
			'row 1: NaN is not a finite number'
		);
		await expect(w.writeRows([{ cells: [{ date: '2023-02-30' }] }])).rejects.toThrow(
			'row 1: not a date (YYYY-MM-DD): 2023-02-30'
		);
		const pending = w.writeRows([{ cells: [1] }]);
		await expect(w.writeRows([{ cells: [2] }])).rejects.toThrow('writeRows() is still running');
		await pending;
		await w.abort();
		expect(fs.existsSync(file('bad3.xlsx'))).toBe(false);
	});

	it('takes back a row with a bad value and stays usable', async () => {
		const f = file('recover.xlsx');
		const w = await createXlsxWriter(f, { sheetName: 'S' });
		await expect(
			w.writeRows([
				{ cells: ['ok', 1] },
				{ cells: ['half', { date: 'soon' }] },
				{ cells: ['never'] }
			])
		).rejects.toThrow('row 2: not a date (YYYY-MM-DD): soon');
		expect(w.rowCount).toBe(1);
		await w.writeRows([{ cells: ['next', 2] }]);
		await w.close();
		expect(plain(await readRows(f))).toEqual([
			['ok', 1],
			['next', 2]
		]);
		await expect(w.writeRows([{ cells: [3] }])).rejects.toThrow('already closed');
	});
});
