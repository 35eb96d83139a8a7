/**
 * The CLI's CSV files with text from data that a spreadsheet would run as a formula: `rejects
 * --csv` neutralises it, `names export` too, and the unit list reads its own export back intact.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../../../pipeline/demo/config.ts';
import { buildDemoUnits, unitsCsv } from '../../../pipeline/demo/units.ts';
import { query as queryDatabase } from '../../support/database.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

const FORMULA = '=HYPERLINK("http://x","y")';
const NEUTRALISED = `"'=HYPERLINK(""http://x"",""y"")"`;

let dir: string;
let db: string;

beforeEach(async () => {
	({ dir, db } = await freshDatabase());
});

describe('rejects --csv', () => {
	it('writes a rejected value that starts like a formula as text', async () => {
		const file = await writeCsv(path.join(dir, 'bad.csv'), [
			['DANH SÁCH CÔNG DÂN'],
			['Tính đến ngày 31/07/2023'],
			HEADER,
			row(1),
			row(2, { district: FORMULA }),
			row(3, { district: '@SUM(1+1)' })
		]);
		expect((await pipeline(['ingest', file, '--db', db])).code).toBe(0);
		const [last] = await queryDatabase<{ id: number }>(db, 'SELECT max(id) AS id FROM import');
		const out = path.join(dir, 'rejects.csv');
		const result = await pipeline(['rejects', String(last!.id), '--csv', out, '--db', db]);
		expect(result.code, result.text).toBe(0);
		const text = readFileSync(out, 'utf8');
		expect(text).toContain(`,${NEUTRALISED}\r\n`);
		expect(text).toContain(`,"'@SUM(1+1)"\r\n`);
		expect(text).toMatch(/^\ufeffDòng,Cột,Lý do,Giá trị\r\n5,/);
	});
});

describe('names export', () => {
	it('neutralises a formula-like unit name, and the unit list reads it back unchanged', async () => {
		const units = buildDemoUnits(loadDemoConfig());
		const district = units.find((u) => u.kind === 'district')!;
		district.name = FORMULA;
		const list = path.join(dir, 'units-formula.csv');
		writeFileSync(list, unitsCsv(units));
		expect((await pipeline(['units', list, '--db', db])).code).toBe(0);
		const out = path.join(dir, 'units-exported.csv');
		const exported = await pipeline(['names', 'export', '--out', out, '--db', db]);
		expect(exported.code, exported.text).toBe(0);
		expect(readFileSync(out, 'utf8')).toContain(`${district.code},${NEUTRALISED},district,`);
		const reloaded = await pipeline(['units', out, '--db', db]);
		expect(reloaded.code, reloaded.text).toBe(0);
		expect(reloaded.text).toContain('Số liệu không thay đổi.');
		const names = await queryDatabase<{ name: string }>(
			db,
			`SELECT name FROM unit WHERE code = '${district.code}'`
		);
		expect(names).toEqual([{ name: FORMULA }]);
	});
});
