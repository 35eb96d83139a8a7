/**
 * Names as offices write them, and a province managing them itself: twins by diacritics,
 * workplaces with the province's name, "&" and abbreviations, a review round that moves the
 * figures by exactly the rows concerned, re-matching after an alias, and export of the decisions.
 * After every step `progress --json` must equal a recount from the rows.
 */
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { query as queryDatabase } from '../../support/database.ts';
import { id, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import {
	countsByCode,
	expectProgressIsRecount,
	QUANG_NGAI_HEADER as HEADER,
	QUANG_NGAI_UNITS,
	quangNgaiDatabase
} from '../../support/quang-ngai.ts';
import type { OpenName } from '../../../src/lib/names.ts';

interface Person {
	n: number;
	commune?: string;
	district?: string;
	workplace?: string;
	group?: string;
	status?: 'Đạt' | 'Đã đăng ký';
}

function line(p: Person): string[] {
	const status = p.status ?? 'Đạt';
	return [
		String(p.n),
		`Người Thử ${p.n}`,
		id(p.n),
		p.commune ?? '',
		p.district ?? 'Huyện Bình Sơn',
		p.workplace ?? '',
		p.group ?? '',
		'01/09/2023',
		status,
		status === 'Đạt' ? '20/09/2023' : ''
	];
}

function exportFile(dir: string, name: string, asOf: string | null, people: Person[]) {
	const title = asOf ? [['DANH SÁCH ĐĂNG KÝ'], [`Tính đến ngày ${asOf}`]] : [];
	return writeCsv(path.join(dir, name), [...title, HEADER, ...people.map(line)]);
}

let dir: string;
let db: string;
const query = <T>(sql: string) => queryDatabase<T>(db, sql);
const territoryOf = async (n: number) =>
	(
		await query<{ t: string | null; reason: string | null }>(
			`SELECT territory_code AS t, reject_reason AS reason FROM import_row WHERE row = ${n + 3} ORDER BY import_id DESC LIMIT 1`
		)
	)[0];
const openNames = async () => {
	const result = await pipeline(['names', '--json', '--db', db]);
	expect(result.code, result.text).toBe(0);
	return (JSON.parse(result.lines.join('\n')) as { names: OpenName[] }).names;
};

/** The first October export: every kind of name the tests need. */
const OCTOBER: Person[] = [
	// 1–4: the twins as written officially, in any case, and without diacritics (ambiguous).
	{ n: 1, commune: 'Xã Bình Thạnh' },
	{ n: 2, commune: 'XÃ BÌNH THANH' },
	{ n: 3, commune: 'Xa Binh Thanh' },
	{ n: 4, commune: 'Xa Binh Thanh', status: 'Đã đăng ký' },
	// 5–12: workplaces as offices write them.
	{ n: 5, commune: 'Thị trấn Châu Ổ', workplace: 'Công an tỉnh Quảng Ngãi' },
	{ n: 6, commune: 'Thị trấn Châu Ổ', workplace: 'Cục Thuế tỉnh Quảng Ngãi' },
	{ n: 7, commune: 'Thị trấn Châu Ổ', workplace: 'Sở Giáo dục & Đào tạo' },
	{ n: 8, commune: 'Thị trấn Châu Ổ', workplace: 'Sở GD&ĐT Quảng Ngãi' },
	{ n: 9, commune: 'Thị trấn Châu Ổ', workplace: 'Sở LĐ-TB&XH tỉnh' },
	{ n: 10, commune: 'Thị trấn Châu Ổ', workplace: 'BCH BĐBP tỉnh' },
	{ n: 11, commune: 'Thị trấn Châu Ổ', workplace: 'Bệnh viện Sở Y tế QN', group: 'Tiểu thương' },
	{ n: 12, commune: 'Thị trấn Châu Ổ', workplace: 'Bệnh viện Sở Y tế QN', status: 'Đã đăng ký' },
	// 13–15: a misspelt district holds its rows back; 16: the same person as 13, lower down.
	{ n: 13, district: 'Huyện Bình Sơnn', commune: 'Thị trấn Châu Ổ' },
	{ n: 14, district: 'Huyện Bình Sơnn', commune: 'Thị trấn Châu Ổ', status: 'Đã đăng ký' },
	{ n: 15, district: 'Huyện Bình Sơnn', commune: 'Xã Bình Thạnh', group: 'Ngư dân' },
	// 17–18: Lý Sơn, a district without communes, and Sơn Tịnh.
	{ n: 17, district: 'Huyện Lý Sơn' },
	{ n: 18, district: 'Huyện Sơn Tịnh', commune: 'Xã Tịnh Thọ', group: 'Khác' }
];

beforeAll(async () => {
	({ dir, db } = await quangNgaiDatabase());
	const people = [...OCTOBER];
	// Row 16 is person 13 again: a duplicate once row 13's district is fixed.
	people.splice(15, 0, { n: 13, district: 'Huyện Bình Sơn', commune: 'Xã Bình Thạnh' });
	const file = await writeCsv(path.join(dir, 'dk-10.csv'), [
		['DANH SÁCH ĐĂNG KÝ'],
		['Tính đến ngày 31/10/2023'],
		HEADER,
		...people.map(line)
	]);
	const result = await pipeline(['ingest', file, '--db', db]);
	expect(result.code, result.text).toBe(0);
});

describe('exact names first', () => {
	it('matches each twin by its exact name and never calls it unknown', async () => {
		expect(await territoryOf(1)).toEqual({ t: '21046', reason: null });
		expect(await territoryOf(2)).toEqual({ t: '21091', reason: null });
		// Without diacritics either could be meant: counted for the district, listed as ambiguous.
		expect(await territoryOf(3)).toEqual({ t: '524', reason: null });
		const twin = (await openNames()).find((n) => n.raw === 'Xa Binh Thanh')!;
		expect(twin).toMatchObject({ field: 'commune', scope: '524', problem: 'ambiguous', rows: 2 });
		expect(twin.candidates.map((c) => c.code).sort()).toEqual(['21046', '21091']);
	});

	it('counts a district that has no communes', async () => {
		expect(await territoryOf(17)).toEqual({ t: '536', reason: null });
	});
});

describe('workplaces as offices write them', () => {
	it('counts the province suffix, "&" and abbreviations for their organisation', async () => {
		const organisations = await query<{ row: number; o: string | null }>(
			'SELECT row - 3 AS row, organisation_code AS o FROM import_row WHERE row BETWEEN 8 AND 15 ORDER BY row'
		);
		expect(organisations).toEqual([
			{ row: 5, o: 'CAT' },
			{ row: 6, o: 'CTHUE' },
			{ row: 7, o: 'SGDDT' },
			{ row: 8, o: 'SGDDT' },
			{ row: 9, o: 'SLDTBXH' },
			{ row: 10, o: 'BDBP' },
			{ row: 11, o: null },
			{ row: 12, o: null }
		]);
	});

	it('lists the rest with ranked suggestions', async () => {
		const hospital = (await openNames()).find((n) => n.raw === 'Bệnh viện Sở Y tế QN')!;
		expect(hospital).toMatchObject({ field: 'workplace', problem: 'unknown', rows: 2 });
		expect(hospital.suggestions[0]?.code).toBe('SYT');
	});

	it('reads groups from the vocabulary, data a province extends', async () => {
		const groups = await query<{ row: number; g: string }>(
			`SELECT row - 3 AS row, "group" AS g FROM import_row WHERE row - 3 IN (11, 18) ORDER BY row`
		);
		expect(groups).toEqual([
			{ row: 11, g: 'other' },
			{ row: 18, g: 'citizen' }
		]);
		expect((await openNames()).find((n) => n.raw === 'Tiểu thương')).toMatchObject({
			field: 'group',
			rows: 1
		});
	});
});

describe('a review round', () => {
	it('starts with the misspelt district held back, listed with the right suggestion', async () => {
		const names = await openNames();
		const district = names.find((n) => n.field === 'district')!;
		expect(district).toMatchObject({ raw: 'Huyện Bình Sơnn', problem: 'unknown', rows: 3 });
		expect(district.suggestions.map((s) => s.code)).toEqual(['524']);
		// Most rows first.
		expect(names.map((n) => n.rows)).toEqual([...names.map((n) => n.rows)].sort((a, b) => b - a));
		expect(await territoryOf(13)).toEqual({ t: null, reason: 'unknown_district' });
		await expectProgressIsRecount(db);
	});

	it('accepting the name lets in exactly its rows, and re-judges the duplicate', async () => {
		const before = countsByCode(await expectProgressIsRecount(db));
		const result = await pipeline(['names', 'accept', 'Huyện Bình Sơnn', '524', '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(result.text).toContain('✓ “Huyện Bình Sơnn” (Huyện) → Huyện Bình Sơn [524]');
		// Rows 13–15 come in; person 13 was counted at row 16 and now counts at row 13 instead.
		expect(result.text).toContain('Huyện Bình Sơn: +2 đăng ký, +1 đạt');
		expect(result.text).toContain('Thị trấn Châu Ổ: +2 đăng ký, +1 đạt');
		expect(result.text).toContain(`→ đã ghi ${db}`);
		const after = countsByCode(await expectProgressIsRecount(db));
		expect(after['524']).toEqual([before['524']![0] + 2, before['524']![1] + 1]);
		expect(after['51']).toEqual([before['51']![0] + 2, before['51']![1] + 1]);
		expect(after['21046']).toEqual([before['21046']![0], before['21046']![1]]);
		expect(await territoryOf(13)).toEqual({ t: '21040', reason: null });
		expect(await territoryOf(16)).toEqual({ t: '21046', reason: 'duplicate' });
		const rejects = await query<{ row: number; reason: string }>(
			'SELECT row, reason FROM reject ORDER BY row'
		);
		expect(rejects).toEqual([{ row: 19, reason: 'duplicate' }]);
		const imports = await query<{ a: number; r: number; d: number }>(
			'SELECT rows_accepted AS a, rows_rejected AS r, rows_duplicate AS d FROM import'
		);
		expect(imports).toEqual([{ a: 17, r: 1, d: 1 }]);
		expect((await openNames()).some((n) => n.field === 'district')).toBe(false);
	});

	it('accepting a workplace moves the organisation by exactly its rows', async () => {
		const result = await pipeline(['names', 'accept', 'Bệnh viện Sở Y tế QN', 'SYT', '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(result.text).toContain('Sở Y tế: +2 đăng ký, +1 đạt');
		expect(countsByCode(await expectProgressIsRecount(db)).SYT).toEqual([2, 1]);
	});

	it('ignoring a name stops listing it and changes no figure; undo brings it back', async () => {
		const before = countsByCode(await expectProgressIsRecount(db));
		const ignored = await pipeline(['names', 'ignore', 'Tiểu thương', '--db', db]);
		expect(ignored.code, ignored.text).toBe(0);
		expect(ignored.text).toContain('Số liệu không thay đổi.');
		expect((await openNames()).some((n) => n.raw === 'Tiểu thương')).toBe(false);
		expect(countsByCode(await expectProgressIsRecount(db))).toEqual(before);
		const undone = await pipeline(['names', 'undo', 'Tiểu thương', '--db', db]);
		expect(undone.code, undone.text).toBe(0);
		expect((await openNames()).some((n) => n.raw === 'Tiểu thương')).toBe(true);
	});

	it('refuses decisions it cannot apply, with one line and exit 1', async () => {
		const cases: [string[], string][] = [
			[['names', 'accept', 'Huyện Không Có', '524'], 'không lượt nhập nào có tên “Huyện Không Có”'],
			[['names', 'accept', 'Xa Binh Thanh', 'XYZ'], 'không có đơn vị hay đối tượng mã “XYZ”'],
			[['names', 'accept', 'Xa Binh Thanh', 'SYT'], '“Xa Binh Thanh” không phải tên loại đơn vị'],
			[['names', 'ignore', 'Sở Y tế'], 'không nằm trong danh sách tên chưa khớp'],
			[['names', 'undo', 'Xa Binh Thanh'], 'chưa có quyết định nào về tên “Xa Binh Thanh”']
		];
		for (const [args, text] of cases) {
			const result = await pipeline([...args, '--db', db]);
			expect(result.code, args.join(' ')).toBe(1);
			expect(result.errors).toHaveLength(1);
			expect(result.errors[0]).toContain(text);
		}
	});

	it('settles an ambiguous commune by accepting one twin', async () => {
		const result = await pipeline(['names', 'accept', 'Xa Binh Thanh', '21091', '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(result.text).toContain('Xã Bình Thanh: +2 đăng ký, +1 đạt');
		expect(await territoryOf(3)).toEqual({ t: '21091', reason: null });
		await expectProgressIsRecount(db);
	});
});

describe('an alias in the unit list', () => {
	it('re-matches every stored import and reports what moved', async () => {
		const alias = path.join(dir, 'units-alias.csv');
		writeFileSync(
			alias,
			QUANG_NGAI_UNITS.replace(
				'CTHUE,Cục Thuế tỉnh,agency,51,50,false,',
				'CTHUE,Cục Thuế tỉnh,agency,51,50,false,Tiểu thương'
			) + '\n'
		);
		// "Tiểu thương" is a group label, not a workplace: an alias for a workplace changes no row.
		const same = await pipeline(['units', alias, '--db', db]);
		expect(same.code, same.text).toBe(0);
		expect(same.text).toContain('Số liệu không thay đổi.');
		const moved = path.join(dir, 'units-moved.csv');
		writeFileSync(
			moved,
			QUANG_NGAI_UNITS.replace(
				'21040,Thị trấn Châu Ổ,commune,524,300,false,',
				'21040,Thị trấn Châu Ổ,commune,524,300,false,Xa Binh Thanh'
			) + '\n'
		);
		// The decision on "Xa Binh Thanh" comes before an alias: nothing moves.
		const decided = await pipeline(['units', moved, '--db', db]);
		expect(decided.text).toContain('Số liệu không thay đổi.');
		await pipeline(['names', 'undo', 'Xa Binh Thanh', '--db', db]);
		expect(await territoryOf(3)).toEqual({ t: '21040', reason: null });
		await expectProgressIsRecount(db);
		const back = await pipeline(['units', path.join(dir, 'units.csv'), '--db', db]);
		expect(back.text).toContain('Thị trấn Châu Ổ: −2 đăng ký, −1 đạt');
		expect(await territoryOf(3)).toEqual({ t: '524', reason: null });
	});

	it('exports the decisions back into the unit list as aliases', async () => {
		const out = path.join(dir, 'units-exported.csv');
		const result = await pipeline(['names', 'export', '--out', out, '--db', db]);
		expect(result.code, result.text).toBe(0);
		const text = readFileSync(out, 'utf8');
		expect(text).toContain('524,Huyện Bình Sơn,district,51,1000,false,Huyện Bình Sơnn');
		expect(text).toContain('SYT,Sở Y tế,agency,51,40,false,Bệnh viện Sở Y tế QN');
		const reloaded = await pipeline(['units', out, '--db', db]);
		expect(reloaded.code, reloaded.text).toBe(0);
		expect(reloaded.text).toContain('Số liệu không thay đổi.');
	});
});

describe('the import lifecycle', () => {
	it('lets the later of two imports with the same as-of date win, and removes one exactly', async () => {
		const before = await expectProgressIsRecount(db);
		const first = await exportFile(dir, 'dk-11-30.csv', '30/11/2023', [
			{ n: 17, district: 'Huyện Lý Sơn', status: 'Đã đăng ký' },
			{ n: 40, district: 'Huyện Lý Sơn', status: 'Đã đăng ký' }
		]);
		const corrected = await exportFile(dir, 'dk-11-30-da-sua.csv', '30/11/2023', [
			{ n: 17, district: 'Huyện Lý Sơn' },
			{ n: 40, district: 'Huyện Lý Sơn' }
		]);
		// Both in one command: which is the correction is not the tool's guess.
		const sha = readFileSync(db);
		const both = await pipeline(['ingest', first, corrected, '--db', db]);
		expect(both.code).toBe(1);
		expect(both.errors[0]).toBe(
			'✗ tệp dk-11-30-da-sua.csv: cùng ngày số liệu 30/11/2023 với tệp dk-11-30.csv: không biết tệp nào là bản đúng; nhập từng tệp một, tệp cần giữ nhập sau cùng'
		);
		expect(readFileSync(db).equals(sha)).toBe(true);
		expect((await pipeline(['ingest', first, '--db', db])).code).toBe(0);
		const second = await pipeline(['ingest', corrected, '--db', db]);
		expect(second.text).toContain('cùng ngày số liệu với #2 (dk-11-30.csv)');
		const won = countsByCode(await expectProgressIsRecount(db));
		expect(won['536']).toEqual([2, 2]);
		const removed = await pipeline(['imports', 'remove', '3', '--db', db]);
		expect(removed.code, removed.text).toBe(0);
		expect(removed.text).toContain('✓ đã xóa lượt #3 (dk-11-30-da-sua.csv');
		expect(removed.text).toContain('Huyện Lý Sơn: ±0 đăng ký, −2 đạt');
		expect(countsByCode(await expectProgressIsRecount(db))['536']).toEqual([2, 0]);
		await pipeline(['imports', 'remove', '2', '--db', db]);
		expect(countsByCode(await expectProgressIsRecount(db))).toEqual(countsByCode(before));
		// Removed files can be imported again.
		const again = await pipeline(['ingest', corrected, '--db', db]);
		expect(again.text).toContain('→ lượt #4');
		expect((await pipeline(['imports', 'remove', '4', '--db', db])).code).toBe(0);
		const missing = await pipeline(['imports', 'remove', '99', '--db', db]);
		expect(missing.code).toBe(1);
		expect(missing.errors[0]).toContain('không có lượt nhập #99');
	});

	it('reads a file already imported again with --again, replacing its import', async () => {
		const file = path.join(dir, 'dk-10.csv');
		const plain = await pipeline(['ingest', file, '--db', db]);
		expect(plain.text).toContain('đã nhập trước đây (lượt #1');
		expect(plain.text).toContain('thêm --again');
		const before = countsByCode(await expectProgressIsRecount(db));
		const again = await pipeline(['ingest', file, '--again', '--db', db]);
		expect(again.code, again.text).toBe(0);
		expect(again.text).toContain('nhập lại (--again): thay cho lượt #1 của cùng tệp');
		const ids = await query<{ id: number }>('SELECT id FROM import ORDER BY id');
		expect(ids).toEqual([{ id: 5 }]);
		// The decisions still stand: the same figures.
		expect(countsByCode(await expectProgressIsRecount(db))).toEqual(before);
	});

	it("refuses another province's export, changing nothing", async () => {
		const haTinh = await exportFile(dir, 'ha-tinh.csv', '31/10/2023', [
			{ n: 60, district: 'Huyện Can Lộc', commune: 'Thị trấn Nghèn' },
			{ n: 61, district: 'Huyện Hương Khê' }
		]);
		const sha = readFileSync(db);
		const result = await pipeline(['ingest', haTinh, '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			'✗ tệp ha-tinh.csv: không dòng nào khớp với huyện nào của danh mục (2 dòng, ví dụ “Huyện Can Lộc”, “Huyện Hương Khê”): có phải tệp xuất của tỉnh khác? Không nhập gì'
		]);
		expect(readFileSync(db).equals(sha)).toBe(true);
	});

	it('takes the as-of date from the file name when nothing else gives it, and says so', async () => {
		const file = await exportFile(dir, 'dk_15-12-2023.csv', null, [
			{ n: 70, district: 'Huyện Lý Sơn' }
		]);
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(result.text).toContain('số liệu đến 15/12/2023 (theo ngày trong tên tệp)');
		await expectProgressIsRecount(db);
	});

	it('warns when --as-of disagrees with the title', async () => {
		const file = await exportFile(dir, 'dk-title.csv', '30/11/2023', [
			{ n: 80, district: 'Huyện Lý Sơn' }
		]);
		const result = await pipeline(['ingest', file, '--as-of', '2023-12-30', '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(result.text).toContain(
			'--as-of 30/12/2023 khác ngày trên tiêu đề tệp (30/11/2023): kiểm tra lại ngày số liệu'
		);
		await expectProgressIsRecount(db);
	});
});

describe('names kept', () => {
	it('keeps only the texts of kept rows: a rejected row leaves none behind', async () => {
		const file = await exportFile(dir, 'dk-shifted.csv', '16/12/2023', [
			{ n: 90, district: 'Huyện Lý Sơn' },
			// A shifted row: its "district" is a person's name, its ID is missing.
			{ n: 91, district: 'Nguyễn Văn Thử' }
		]);
		const text = readFileSync(file, 'utf8').replace(id(91), '');
		writeFileSync(file, text);
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(await query(`SELECT raw FROM name_text WHERE raw = 'Nguyễn Văn Thử'`)).toEqual([]);
		const texts = await query<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM name_text WHERE id NOT IN (
				SELECT district_name FROM import_row WHERE district_name IS NOT NULL
				UNION SELECT commune_name FROM import_row WHERE commune_name IS NOT NULL
				UNION SELECT workplace_name FROM import_row WHERE workplace_name IS NOT NULL
				UNION SELECT group_name FROM import_row WHERE group_name IS NOT NULL)`
		);
		expect(texts).toEqual([{ n: 0 }]);
	});
});
