/**
 * The province's own vocabulary: abbreviations and groups added as files in its data directory
 * re-match every stored import, move the figures by exactly the rows concerned, and a mistake in
 * those files is one line naming the file, row and column.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../support/database.ts';
import { id, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import {
	countsByCode,
	expectProgressIsRecount,
	QUANG_NGAI_HEADER as HEADER,
	QUANG_NGAI_UNITS
} from '../../support/quang-ngai.ts';
import type { OpenName } from '../../../src/lib/names.ts';

function line(n: number, workplace: string, group: string, recognised: boolean): string[] {
	return [
		String(n),
		`Người Thử ${n}`,
		id(n),
		'Thị trấn Châu Ổ',
		'Huyện Bình Sơn',
		workplace,
		group,
		'01/09/2023',
		recognised ? 'Đạt' : 'Đã đăng ký',
		recognised ? '20/09/2023' : ''
	];
}

let dir: string;
let db: string;
const saved = process.env.CDHT_DATA;

const openNames = async () => {
	const result = await pipeline(['names', '--json', '--db', db]);
	expect(result.code, result.text).toBe(0);
	return (JSON.parse(result.lines.join('\n')) as { names: OpenName[] }).names;
};

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'cdht-vocabulary-'));
	db = path.join(dir, 'cdht.duckdb');
	// The province's data directory: where its vocabulary files go.
	process.env.CDHT_DATA = dir;
	cpSync('data/targets', path.join(dir, 'targets'), { recursive: true });
	writeFileSync(path.join(dir, 'config.json'), '{ "defaultPreset": "ha-tinh-2023" }\n');
	const units = path.join(dir, 'units.csv');
	writeFileSync(units, `${QUANG_NGAI_UNITS}\nSTC,Sở Tài chính,agency,51,40,false,\n`);
	expect((await pipeline(['units', units, '--db', db])).code).toBe(0);
	const file = await writeCsv(path.join(dir, 'dk-10.csv'), [
		['Tính đến ngày 31/10/2023'],
		HEADER,
		line(1, 'STC Quảng Ngãi', '', true),
		line(2, 'STC Quảng Ngãi', '', true),
		line(3, 'STC Quảng Ngãi', 'Tiểu thương', false),
		line(4, '', 'Tiểu thương', true),
		line(5, '', 'Nông dân', false)
	]);
	const result = await pipeline(['ingest', file, '--db', db]);
	expect(result.code, result.text).toBe(0);
});

afterAll(() => {
	if (saved === undefined) delete process.env.CDHT_DATA;
	else process.env.CDHT_DATA = saved;
});

describe("a province's vocabulary", () => {
	it('starts with the abbreviation and the group it does not know listed for review', async () => {
		const names = await openNames();
		expect(names.find((n) => n.raw === 'STC Quảng Ngãi')).toMatchObject({
			field: 'workplace',
			rows: 3
		});
		expect(names.find((n) => n.raw === 'Tiểu thương')).toMatchObject({ field: 'group', rows: 2 });
		expect(countsByCode(await expectProgressIsRecount(db)).STC).toEqual([0, 0]);
	});

	it('says the list is stale once its files change, and re-matching moves exactly their rows', async () => {
		writeFileSync(path.join(dir, 'abbreviations.csv'), 'abbreviation,meaning\nSTC,Sở Tài chính\n');
		writeFileSync(
			path.join(dir, 'groups.csv'),
			'code,name,name_en,synonyms\ntrader,Tiểu thương,Small traders,Buôn bán nhỏ\n'
		);
		const listed = await pipeline(['names', '--db', db]);
		expect(listed.text).toContain('names rematch');

		const rematched = await pipeline(['names', 'rematch', '--db', db]);
		expect(rematched.code, rematched.text).toBe(0);
		expect(rematched.text).toContain('Sở Tài chính: +3 đăng ký, +2 đạt');
		const units = await expectProgressIsRecount(db);
		expect(countsByCode(units).STC).toEqual([3, 2]);
		expect(countsByCode(units)['51']).toEqual([5, 3]);

		const groups = await query<{ row: number; group: string }>(
			db,
			'SELECT row, "group" FROM import_row ORDER BY row'
		);
		expect(groups.map((g) => g.group)).toEqual(['other', 'other', 'trader', 'trader', 'farmer']);
		const labels = await query<{ code: string; vi: string; en: string }>(
			db,
			"SELECT code, name_vi AS vi, name_en AS en FROM person_group WHERE code = 'trader'"
		);
		expect(labels).toEqual([{ code: 'trader', vi: 'Tiểu thương', en: 'Small traders' }]);
		const open = (await openNames()).map((n) => n.raw);
		expect(open).not.toContain('STC Quảng Ngãi');
		expect(open).not.toContain('Tiểu thương');
		expect((await pipeline(['names', '--db', db])).text).not.toContain('names rematch');
	});

	it('refuses a vocabulary file it cannot read with one line naming the file, changing nothing', async () => {
		const groups = path.join(dir, 'groups.csv');
		writeFileSync(groups, 'code,name,name_en,synonyms\nTiểu thương!,Tiểu thương,Traders,\n');
		const result = await pipeline(['names', 'rematch', '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toContain('groups.csv, dòng 2, cột “code”');
		expect(result.errors[0]).not.toMatch(/\n\s+at /);
		writeFileSync(
			groups,
			'code,name,name_en,synonyms\ntrader,Tiểu thương,Small traders,Buôn bán nhỏ\n'
		);
		expect(countsByCode(await expectProgressIsRecount(db)).STC).toEqual([3, 2]);
	});
});
