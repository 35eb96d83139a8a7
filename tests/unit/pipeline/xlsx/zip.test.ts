import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plain, readRows, tempDir, writeHandmade } from './helpers.ts';

const dir = tempDir();
const ZIP64_END = Buffer.from([0x50, 0x4b, 0x06, 0x06]);
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

describe('zip layouts', () => {
	// Excel writes sizes in the local headers; streaming writers (exceljs, the JDK) put them in
	// data descriptors after the data, and some write ZIP64 records for any size.
	for (const zip of [
		{ zip64: false, streamed: false },
		{ zip64: true, streamed: false },
		{ zip64: false, streamed: true },
		{ zip64: true, streamed: true }
	]) {
		it(`reads a workbook with ZIP64 ${zip.zip64 ? 'forced' : 'absent'}, parts ${zip.streamed ? 'streamed' : 'in one piece'}`, async () => {
			const f = await writeHandmade(
				path.join(dir, `zip64-${zip.zip64}-streamed-${zip.streamed}.xlsx`),
				{
					sheets: [
						{
							name: 'S',
							rows:
								'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Lê Thị Inline</t></is></c></row>' +
								'<row r="2"><c r="A2"><v>42</v></c></row>'
						}
					],
					sharedStrings: ['Nguyễn Văn Chung']
				},
				zip
			);
			const bytes = fs.readFileSync(f);
			expect(bytes.includes(ZIP64_END)).toBe(zip.zip64);
			expect(bytes.includes(DATA_DESCRIPTOR)).toBe(zip.streamed);
			expect(plain(await readRows(f))).toEqual([['Nguyễn Văn Chung', 'Lê Thị Inline'], [42]]);
		});
	}
});
