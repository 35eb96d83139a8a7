/**
 * The XLSX reader on real files and a real DuckDB: the same staged rows whether the sheet goes
 * through the fast path or, for markup it does not know (a formula), the general scanner.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryConnection } from '../../support/database.ts';
import { readXlsx } from '../../../pipeline/read/xlsx.ts';
import { PersonKeyer } from '../../../pipeline/person-key.ts';
import { idToken } from '../../../pipeline/privacy.ts';
import { createStaging, STAGING } from '../../../pipeline/read/staging.ts';
import { stylesWith, writeHandmade } from '../../unit/pipeline/xlsx/helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-read-'));
const db = memoryConnection();

const text = (ref: string, value: string) =>
	`<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const header = ['STT', 'Số CCCD', 'Huyện', 'Xã', 'Ngày đăng ký', 'Trạng thái']
	.map((label, i) => text(`${'ABCDEF'[i]}3`, label))
	.join('');

function sheet(registered: string): string {
	const data = (r: number, date: string) =>
		`<row r="${r}"><c r="A${r}"><v>${r - 3}</v></c>${text(`B${r}`, `04200123456${r}`)}` +
		`${text(`C${r}`, 'Huyện Can Lộc')}<c r="D${r}" t="s"><v>0</v></c>` +
		`<c r="E${r}" s="1">${date}</c>${text(`F${r}`, 'Đạt')}</row>`;
	return (
		`<row r="1">${text('A1', 'DANH SÁCH')}</row><row r="3">${header}</row>` +
		data(4, registered) +
		data(5, '<v>45123</v>') +
		'<row r="6"/>' +
		`<row r="7">${text('A7', 'Tổng cộng')}</row>`
	);
}

async function read(name: string, registered: string, date1904 = false, rows = sheet(registered)) {
	const file = await writeHandmade(path.join(dir, name), {
		sharedStrings: ['Xã Xuân Lộc', '43648'],
		styles: stylesWith([14]),
		sheets: [{ name: 'DS', rows }],
		date1904
	});
	await createStaging(db());
	await readXlsx(file, db(), dir, KEYER);
	return (await db().runAndReadAll(`SELECT * FROM ${STAGING} ORDER BY row`)).getRowObjectsJson();
}

const KEYER = new PersonKeyer(Buffer.alloc(32, 7));

describe('reading an XLSX export', () => {
	it('stages the same rows by the fast path and by the general scanner', async () => {
		const fast = await read('plain.xlsx', '<v>45123</v>');
		const general = await read('formula.xlsx', '<f>DATE(2023,7,16)</f><v>45123</v>');
		expect(general).toEqual(fast);
		expect(fast.map((r) => r.row)).toEqual([4, 5, 6, 7]);
		expect(fast[0]).toMatchObject({
			// Its person key, not the ID itself (privacy.ts).
			id_number: idToken('042001234564', KEYER),
			district: 'Huyện Can Lộc',
			commune: 'Xã Xuân Lộc',
			registered_on: '2023-07-16',
			status: 'Đạt'
		});
	});

	it('reads every date of a 1904 workbook in its calendar, by either path', async () => {
		// Row 4: a date cell (fast) or a formula (general); row 5: a plain number (no date style);
		// then a serial as shared text and as inline text. 43646 is 2023-07-01 in 1904 terms.
		const rows = (registered: string) =>
			sheet(registered)
				.replace('<c r="E5" s="1"><v>45123</v></c>', '<c r="E5"><v>43647</v></c>')
				.replace(
					'<row r="6"/>',
					`<row r="6">${text('B6', '042001234566')}<c r="E6" t="s"><v>1</v></c></row>`
				)
				.replace(
					`<row r="7">${text('A7', 'Tổng cộng')}</row>`,
					`<row r="7">${text('B7', '042001234567')}${text('E7', '43649')}</row>`
				);
		const fast = await read('1904.xlsx', '', true, rows('<v>43646</v>'));
		const general = await read(
			'1904-formula.xlsx',
			'',
			true,
			rows('<f>DATE(2023,7,1)</f><v>43646</v>')
		);
		expect(general).toEqual(fast);
		expect(fast.map((r) => [r.row, r.registered_on])).toEqual([
			[4, '2023-07-01'],
			[5, '2023-07-02'],
			[6, '2023-07-03'],
			[7, '2023-07-04']
		]);
	});
});
