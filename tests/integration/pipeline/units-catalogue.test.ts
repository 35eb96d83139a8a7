/**
 * `units` straight from the GSO catalogue (--province picks one of a national file), and a unit
 * list of another province refused with what to do instead.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import { QUANG_NGAI_UNITS } from '../../support/quang-ngai.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/gso');
const CATALOGUE = path.join(FIXTURES, 'units.csv');
const BOUNDARIES = path.join(FIXTURES, 'districts.geojson');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('units from the GSO catalogue', () => {
	it('refuses a catalogue of several provinces without --province, and an unknown one', async () => {
		const { db } = await freshDatabase();
		const before = sha(db);
		const several = await pipeline(['units', CATALOGUE, '--db', db]);
		expect(several.code).toBe(1);
		expect(several.errors).toEqual([
			'✗ tệp units.csv: danh mục có 3 tỉnh (42 Tỉnh Hà Tĩnh, 45 Tỉnh Quảng Trị, 51 Tỉnh Quảng Ngãi, …): chọn tỉnh bằng --province <mã tỉnh GSO>'
		]);
		const unknown = await pipeline(['units', CATALOGUE, '--province', '01', '--db', db]);
		expect(unknown.errors[0]).toMatch(/danh mục không có tỉnh mã “01”/);
		expect(sha(db)).toBe(before);
	});

	it('loads the province picked, with a district the catalogue lists without communes', async () => {
		const db = path.join(mkdtempSync(path.join(tmpdir(), 'cdht-gso-')), 'cdht.duckdb');
		const result = await pipeline(['units', CATALOGUE, '--province', '45', '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(result.lines[0]).toBe('✓ Danh mục đơn vị: 2 đơn vị (1 province, 1 district)');
		expect(result.lines.at(-1)).toBe(`→ đã ghi ${db}`);
	});

	it('takes districts without communes from the boundary file', async () => {
		const db = path.join(mkdtempSync(path.join(tmpdir(), 'cdht-gso-')), 'cdht.duckdb');
		const without = await pipeline(['units', CATALOGUE, '--province', '51', '--db', db]);
		expect(without.lines[0]).toBe(
			'✓ Danh mục đơn vị: 7 đơn vị (1 province, 2 district, 4 commune)'
		);
		const withBoundaries = await pipeline([
			'units',
			CATALOGUE,
			'--province',
			'51',
			'--boundaries',
			BOUNDARIES,
			'--db',
			db
		]);
		expect(withBoundaries.code, withBoundaries.text).toBe(0);
		expect(withBoundaries.lines[0]).toBe(
			'✓ Danh mục đơn vị: 8 đơn vị (1 province, 3 district, 4 commune), thay cho 7 đơn vị cũ'
		);
	});

	it('names both layouts when a file has neither header', async () => {
		const { dir, db } = await freshDatabase();
		const file = path.join(dir, 'nothing.csv');
		writeFileSync(file, 'a,b,c\n1,2,3\n');
		const result = await pipeline(['units', file, '--db', db, '--lang', 'en']);
		expect(result.errors).toEqual([
			'✗ file nothing.csv: no header row found: a unit list needs the columns "code", "name", "kind"; a GSO catalogue needs "province_code", "province_name", "district_code", "district_name"'
		]);
	});
});

describe('another province', () => {
	it("refuses its list in a database holding this province's figures, saying what to do", async () => {
		const { dir, db } = await freshDatabase();
		const file = await writeCsv(path.join(dir, 'a.csv'), [
			['Tính đến ngày 31/07/2023'],
			HEADER,
			row(1)
		]);
		expect((await pipeline(['ingest', file, '--db', db])).code).toBe(0);
		const before = sha(db);
		const units = path.join(dir, 'quang-ngai.csv');
		writeFileSync(units, QUANG_NGAI_UNITS + '\n');
		const result = await pipeline(['units', units, '--db', db, '--lang', 'en']);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			`✗ file quang-ngai.csv: this list is Tỉnh Quảng Ngãi (51)'s, but the database ${db} holds Tỉnh Hà Tĩnh (42)'s figures: each province needs its own data directory. Create one with "npm run pipeline -- setup --province 51 --units <GSO catalogue> --boundaries <boundaries> --out <dir>", then add "--data <dir>" to every command. Nothing changed`
		]);
		expect(sha(db)).toBe(before);
	});

	it('refuses a unit list of a province other than --province', async () => {
		const { dir, db } = await freshDatabase();
		const units = path.join(dir, 'quang-ngai.csv');
		writeFileSync(units, QUANG_NGAI_UNITS + '\n');
		const result = await pipeline(['units', units, '--province', '42', '--db', db]);
		expect(result.errors).toEqual([
			'✗ tệp quang-ngai.csv: danh mục là của Tỉnh Quảng Ngãi (51), không phải tỉnh mã “42” (--province)'
		]);
	});
});
