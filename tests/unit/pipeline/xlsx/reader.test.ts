import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook, XlsxDate } from '../../../../pipeline/xlsx/reader.ts';
import {
	MAIN_NS,
	plain,
	readRows,
	REL_NS,
	stylesWith,
	tempDir,
	worksheet,
	writeHandmade
} from './helpers.ts';

const dir = tempDir();
const file = (name: string): string => path.join(dir, name);

describe('reader: cell types', () => {
	it('reads shared, inline, rich, formula, boolean, error, number and ISO date cells', async () => {
		const f = await writeHandmade(file('types.xlsx'), {
			sheets: [
				{
					name: 'Data',
					rows:
						'<row r="1">' +
						'<c r="A1" t="s"><v>0</v></c>' +
						'<c r="B1" t="inlineStr"><is><t>Trần Thị Bình</t></is></c>' +
						'<c r="C1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>Lê </t></r><r><t xml:space="preserve">Văn  Cường </t></r></is></c>' +
						'<c r="D1" t="str"><f>A1&amp;"x"</f><v>Nguyễn Văn Ax</v></c>' +
						'<c r="E1" t="b"><v>1</v></c>' +
						'<c r="F1" t="b"><v>0</v></c>' +
						'<c r="G1" t="e"><v>#N/A</v></c>' +
						'<c r="H1"><v>42</v></c>' +
						'<c r="I1" t="n"><v>-3.5E-2</v></c>' +
						'<c r="J1"><f>SUM(H1:I1)</f><v>41.965</v></c>' +
						'<c r="K1" t="d"><v>2023-07-10T12:00:00</v></c>' +
						'<c r="L1" t="s"><v>1</v></c>' +
						'</row>'
				}
			],
			sharedStrings: ['Nguyễn Văn A', '042090001234']
		});
		const rows = await readRows(f);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.row).toBe(1);
		const cells = rows[0]!.cells;
		expect(cells.slice(0, 10)).toEqual([
			'Nguyễn Văn A',
			'Trần Thị Bình',
			'Lê Văn  Cường ',
			'Nguyễn Văn Ax',
			true,
			false,
			null,
			42,
			-0.035,
			41.965
		]);
		expect(cells[10]).toBeInstanceOf(XlsxDate);
		expect((cells[10] as XlsxDate).serial).toBe(45117.5);
		expect((cells[10] as XlsxDate).toIsoDate()).toBe('2023-07-10');
		expect(cells[11]).toBe('042090001234');
	});

	it('decodes entities, numeric references, _xHHHH_ escapes and skips phonetic runs', async () => {
		const sst =
			`<sst xmlns="${MAIN_NS}">` +
			'<si><t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;</t></si>' +
			'<si><t>&#7871;&#x1EBF;&#65;</t></si>' +
			'<si><t>tab_x0009_cr_x000D_lit_x005F_x0041_</t></si>' +
			'<si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
			'<si><t xml:space="preserve">  lề  </t></si>' +
			'<si><t/></si>' +
			'<si/>' +
			'<si><t>line1\r\nline2</t></si>' +
			'</sst>';
		const rows = Array.from(
			{ length: 8 },
			(_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`
		);
		const f = await writeHandmade(file('entities.xlsx'), {
			sheets: [{ name: 'S', rows: `<row r="1">${rows.join('')}</row>` }],
			sharedStrings: sst
		});
		expect(plain(await readRows(f))).toEqual([
			[
				'A & B <c> "d" \'e\'',
				'ếếA',
				'tab\tcr\rlit_x0041_',
				'東京',
				'  lề  ',
				'',
				'',
				'line1\nline2'
			]
		]);
	});

	it('returns digits stored as text exactly, and numbers as numbers', async () => {
		const f = await writeHandmade(file('digits.xlsx'), {
			sheets: [
				{
					name: 'S',
					rows:
						'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>000123</t></is></c>' +
						'<c r="C1" t="str"><v>0099</v></c><c r="D1"><v>042090001234</v></c>' +
						'<c r="E1"><v>123456789012345678</v></c><c r="F1"><v>1.5e3</v></c></row>'
				}
			],
			sharedStrings: ['042090001234']
		});
		expect(plain(await readRows(f))).toEqual([
			['042090001234', '000123', '0099', 42090001234, 123456789012345680, 1500]
		]);
	});
});

describe('reader: layout', () => {
	it('counts rows and cells without r attributes and handles self-closing tags', async () => {
		const f = await writeHandmade(file('positional.xlsx'), {
			sheets: [
				{
					name: 'S',
					rows:
						'<row><c><v>1</v></c><c/><c><v>3</v></c></row>' +
						'<row spans="1:3"/>' +
						'<row r="5"><c r="C5" s="0"/><c r="D5"><v>4</v></c><c><v>5</v></c></row>' +
						'<row><c r="B6" t="inlineStr"><is><t>x</t></is></c><c r="E6" s="0"/></row>'
				}
			]
		});
		const rows = await readRows(f);
		expect(rows.map((r) => r.row)).toEqual([1, 2, 5, 6]);
		expect(plain(rows)).toEqual([[1, null, 3], [], [null, null, null, 4, 5], [null, 'x']]);
	});

	it('places columns past Z (AA, AZ, BA, ZZ, AAA, XFD)', async () => {
		const refs = ['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD'];
		const cells = refs.map((ref, i) => `<c r="${ref}7"><v>${i}</v></c>`).join('');
		const f = await writeHandmade(file('wide.xlsx'), {
			sheets: [{ name: 'S', rows: `<row r="7">${cells}</row>` }]
		});
		const [row] = await readRows(f);
		expect(row!.row).toBe(7);
		expect(row!.cells).toHaveLength(16384);
		const at = [0, 25, 26, 51, 52, 701, 702, 16383];
		expect(at.map((i) => row!.cells[i])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(row!.cells.filter((c) => c !== null)).toHaveLength(8);
	});

	it('reads the x: prefixed, single-quoted, reordered markup of other generators', async () => {
		const xml =
			`<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>\n` +
			"  <x:row r='1' x14ac:dyDescent='0.25'>\n" +
			"    <x:c t='s' r='B1'><x:v>0</x:v></x:c>\n" +
			'    <x:c  s="1"   r = "C1" ><x:v>45117</x:v></x:c>\n' +
			"    <x:c r='D1' t='inlineStr'><x:is><x:t>Hà Nội</x:t></x:is></x:c>\n" +
			'  </x:row>\n' +
			'  <!-- a comment -->\n' +
			'</x:sheetData></x:worksheet>';
		const f = await writeHandmade(file('prefixed.xlsx'), {
			sheets: [{ name: 'S', xml }],
			sharedStrings: ['Ninh Bình'],
			styles: stylesWith([14])
		});
		expect(plain(await readRows(f))).toEqual([[null, 'Ninh Bình', 'date:2023-07-10', 'Hà Nội']]);
	});

	it('finds sheets in workbook order through relative and absolute targets', async () => {
		const f = await writeHandmade(file('order.xlsx'), {
			sheets: [
				{
					name: 'Zeta',
					rows: '<row r="1"><c r="A1"><v>1</v></c></row>',
					target: '/xl/worksheets/z.xml'
				},
				{
					name: 'Alpha',
					rows: '<row r="1"><c r="A1"><v>2</v></c></row>',
					target: 'worksheets/../worksheets/a.xml'
				}
			],
			sharedStringsLast: true
		});
		const wb = await openWorkbook(f);
		try {
			expect(wb.sheets).toEqual([
				{ name: 'Zeta', index: 0, path: 'xl/worksheets/z.xml', hidden: false },
				{ name: 'Alpha', index: 1, path: 'xl/worksheets/a.xml', hidden: false }
			]);
		} finally {
			await wb.close();
		}
		expect(plain(await readRows(f, 'Alpha'))).toEqual([[2]]);
		expect(plain(await readRows(f, 'Zeta'))).toEqual([[1]]);
	});

	it('tells hidden and very hidden sheets from visible ones', async () => {
		const f = await writeHandmade(file('hidden.xlsx'), {
			sheets: [
				{ name: 'Old', state: 'hidden' },
				{ name: 'Lookup', state: 'veryHidden' },
				{ name: 'Shown', state: 'visible' },
				{ name: 'Plain' }
			]
		});
		const wb = await openWorkbook(f);
		try {
			expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
				['Old', true],
				['Lookup', true],
				['Shown', false],
				['Plain', false]
			]);
		} finally {
			await wb.close();
		}
	});

	it('reads an empty sheet and a sheet without shared strings or styles', async () => {
		const f = await writeHandmade(file('empty.xlsx'), {
			sheets: [
				{ name: 'Empty', xml: `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` },
				{ name: 'Plain', rows: '<row r="1"><c r="A1"><v>7</v></c></row>' }
			],
			omit: ['xl/sharedStrings.xml', 'xl/styles.xml']
		});
		expect(await readRows(f, 'Empty')).toEqual([]);
		expect(plain(await readRows(f, 'Plain'))).toEqual([[7]]);
	});

	it('yields batches of the requested size', async () => {
		const rows = Array.from(
			{ length: 25 },
			(_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`
		);
		const f = await writeHandmade(file('batches.xlsx'), {
			sheets: [{ name: 'S', rows: rows.join('') }]
		});
		const wb = await openWorkbook(f);
		try {
			const sizes: number[] = [];
			for await (const batch of wb.rows(wb.sheets[0]!, { batchSize: 10 })) sizes.push(batch.length);
			expect(sizes).toEqual([10, 10, 5]);
		} finally {
			await wb.close();
		}
	});
});

describe('reader: dates', () => {
	const formats: (number | string)[] = [
		14, // 1: m/d/yyyy
		22, // 2: m/d/yyyy h:mm
		'dd/mm/yyyy', // 3
		'[$-42A]dd mmmm yyyy', // 4: Vietnamese locale
		'h:mm AM/PM', // 5
		'[h]:mm:ss', // 6
		'yyyy"年"m"月"d"日"', // 7
		0, // 8: General
		2, // 9: 0.00
		49, // 10: @
		'0.00', // 11
		'#,##0 "đ"', // 12
		'[Red]0.00;[Blue]-0.00', // 13
		'"Ngày" 0', // 14: quoted text with a d
		'0.00E+00', // 15
		'General' // 16
	];

	it('returns XlsxDate only for date and time formats', async () => {
		const cells = formats.map(
			(_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>45117</v></c>`
		);
		const f = await writeHandmade(file('formats.xlsx'), {
			sheets: [{ name: 'S', rows: `<row r="1">${cells.join('')}</row>` }],
			styles: stylesWith(formats)
		});
		const [row] = await readRows(f);
		const kinds = row!.cells.map((c) => (c instanceof XlsxDate ? 'date' : typeof c));
		expect(kinds).toEqual([...Array<string>(7).fill('date'), ...Array<string>(9).fill('number')]);
		expect((row!.cells[2] as XlsxDate).toIsoDate()).toBe('2023-07-10');
	});

	it('shifts serials of 1904 workbooks to the 1900 system', async () => {
		const f = await writeHandmade(file('1904.xlsx'), {
			sheets: [
				{
					name: 'S',
					rows: '<row r="1"><c r="A1" s="1"><v>43655</v></c><c r="B1"><v>43655</v></c></row>'
				}
			],
			styles: stylesWith(['dd/mm/yyyy']),
			date1904: true
		});
		const wb = await openWorkbook(f);
		expect(wb.date1904).toBe(true);
		await wb.close();
		const [row] = await readRows(f);
		expect((row!.cells[0] as XlsxDate).serial).toBe(45117);
		expect((row!.cells[0] as XlsxDate).toIsoDate()).toBe('2023-07-10');
		expect(row!.cells[1]).toBe(43655);
	});
});

describe('reader: workbook parts', () => {
	it('skips chart sheets and reads a workbook part that is not xl/workbook.xml', async () => {
		const wbXml =
			`<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
			'<sheet name="Chart" sheetId="1" r:id="rId9"/><sheet name="Data" sheetId="2" r:id="rId1"/></sheets></workbook>';
		const rels =
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			`<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="sheets/data.xml"/>` +
			`<Relationship Id="rId9" Type="${REL_NS}/chartsheet" Target="charts/c.xml"/></Relationships>`;
		const root =
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			`<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="/book/main.xml"/></Relationships>`;
		const f = await writeHandmade(file('custom-path.xlsx'), {
			sheets: [],
			omit: ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'],
			parts: {
				'_rels/.rels': root,
				'book/main.xml': wbXml,
				'book/_rels/main.xml.rels': rels,
				'book/sheets/data.xml': worksheet('<row r="2"><c r="B2"><v>5</v></c></row>')
			}
		});
		const wb = await openWorkbook(f);
		try {
			expect(wb.sheets).toEqual([
				{ name: 'Data', index: 0, path: 'book/sheets/data.xml', hidden: false }
			]);
			const rows = [];
			for await (const batch of wb.rows(wb.sheets[0]!)) rows.push(...batch);
			expect(rows).toEqual([{ row: 2, cells: [null, 5] }]);
		} finally {
			await wb.close();
		}
	});
});
