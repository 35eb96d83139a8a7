/**
 * One export shape, encoding or defect per test, each checked row by row.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { query as queryDatabase } from '../../support/database.ts';
import { freshDatabase, HEADER, id, row, writeCsv, writeXlsx } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

let dir: string;
let db: string;

beforeEach(async () => {
	({ dir, db } = await freshDatabase());
});

const query = <T>(sql: string) => queryDatabase<T>(db, sql);

const titled = (asOf: string, ...rows: string[][]) => [
	['DANH SÁCH CÔNG DÂN'],
	[`Tính đến ngày ${asOf}`],
	HEADER,
	...rows
];

describe('encodings and separators', () => {
	for (const [encoding, delimiter] of [
		['utf8', ','],
		['utf8-bom', ';'],
		['utf16le', '\t'],
		['windows-1258', ';']
	] as const) {
		it(`reads ${encoding} with "${delimiter === '\t' ? 'tab' : delimiter}"`, async () => {
			const file = await writeCsv(
				path.join(dir, `x-${encoding}.csv`),
				titled(
					'31/07/2023',
					row(1),
					row(2, { district: 'Thị xã Hồng Lĩnh', commune: 'Phường Bắc Hồng' }),
					row(3, { workplace: 'Sở LĐ-TB&XH' })
				),
				{ encoding, delimiter }
			);
			const result = await pipeline(['ingest', file, '--db', db]);
			expect(result.code, result.text).toBe(0);
			const rows = await query<{
				row: number;
				territory_code: string;
				organisation_code: string | null;
			}>('SELECT row, territory_code, organisation_code FROM registration ORDER BY row');
			expect(rows).toEqual([
				{ row: 4, territory_code: '18406', organisation_code: null },
				{ row: 5, territory_code: '18115', organisation_code: null },
				{ row: 6, territory_code: '18406', organisation_code: 'SLDTBXH' }
			]);
		});
	}
});

describe('rows and their numbers', () => {
	it('keeps Excel row numbers through quoted line breaks and blank lines, and ignores footers', async () => {
		const file = await writeCsv(path.join(dir, 'blank.csv'), [
			['DANH SÁCH\nCÔNG DÂN'],
			[''],
			['Tính đến ngày 31/07/2023'],
			HEADER,
			row(1, { workplace: 'Trường THCS\nNghèn' }),
			[''],
			row(2, { id: '12345' }),
			row(3),
			[''],
			['Tổng cộng: 3 công dân'],
			['Người lập biểu']
		]);
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(await query('SELECT row FROM registration ORDER BY row')).toEqual([
			{ row: 5 },
			{ row: 8 }
		]);
		expect(await query('SELECT row, "column", reason, value FROM reject')).toEqual([
			{ row: 7, column: 'Số CCCD', reason: 'malformed_id', value: null }
		]);
		expect(await query('SELECT rows_read, rows_accepted, rows_rejected FROM import')).toEqual([
			{ rows_read: 3, rows_accepted: 2, rows_rejected: 1 }
		]);
	});

	it('counts a person once per snapshot: the first row stays, later rows are duplicates', async () => {
		const file = await writeCsv(
			path.join(dir, 'dup.csv'),
			titled(
				'31/07/2023',
				row(1),
				row(2),
				row(3, { id: id(1), district: 'Huyện Hương Khê', commune: '' })
			)
		);
		await pipeline(['ingest', file, '--db', db]);
		expect(await query('SELECT row, territory_code FROM registration ORDER BY row')).toEqual([
			{ row: 4, territory_code: '18406' },
			{ row: 5, territory_code: '18406' }
		]);
		expect(await query('SELECT row, reason FROM reject')).toEqual([
			{ row: 6, reason: 'duplicate' }
		]);
	});

	it('rejects each problem with its own reason and the value to fix', async () => {
		const file = await writeCsv(
			path.join(dir, 'bad.csv'),
			titled(
				'31/07/2023',
				row(1, { id: '' }),
				row(2, { id: '04209000A002' }),
				row(3, { district: '' }),
				row(4, { district: 'Kỳ Anh', commune: '' }),
				row(5, { district: 'Huyện Thạch Kim Sơn' }),
				row(6, { registered: '' }),
				row(7, { registered: '31/02/2023' }),
				row(8, { status: '' }),
				row(9, { status: 'Hủy đăng ký' }),
				row(10, { recognised: 'không rõ' }),
				row(11, { registered: '15/08/2023' }),
				row(12, { registered: '20/07/2023', recognised: '10/07/2023' }),
				row(13, { district: 'H. Kỳ Anh', commune: 'Xã Kỳ Tân' }),
				row(14, { district: 'TX Kỳ Anh', commune: '' }),
				row(15, { id: '042 090 000 015', commune: 'Xã Không Có' })
			)
		);
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(await query('SELECT row, "column", reason, value FROM reject ORDER BY row')).toEqual([
			{ row: 4, column: 'Số CCCD', reason: 'missing_id', value: null },
			{ row: 5, column: 'Số CCCD', reason: 'malformed_id', value: null },
			{ row: 6, column: 'Huyện/Thị xã/Thành phố', reason: 'missing_district', value: null },
			{ row: 7, column: 'Huyện/Thị xã/Thành phố', reason: 'ambiguous_district', value: 'Kỳ Anh' },
			{
				row: 8,
				column: 'Huyện/Thị xã/Thành phố',
				reason: 'unknown_district',
				value: 'Huyện Thạch Kim Sơn'
			},
			{ row: 9, column: 'Ngày đăng ký', reason: 'missing_registered_date', value: null },
			{ row: 10, column: 'Ngày đăng ký', reason: 'bad_date', value: '31/02/2023' },
			{ row: 11, column: 'Trạng thái', reason: 'missing_status', value: null },
			{ row: 12, column: 'Trạng thái', reason: 'unknown_status', value: 'Hủy đăng ký' },
			{ row: 13, column: 'Ngày công nhận', reason: 'bad_date', value: 'không rõ' },
			{ row: 14, column: 'Ngày đăng ký', reason: 'future_date', value: '15/08/2023' },
			{ row: 15, column: 'Ngày công nhận', reason: 'date_order', value: '10/07/2023' }
		]);
		// Kỳ Anh with a prefix is not ambiguous; an unknown commune counts for its district.
		expect(await query('SELECT row, territory_code FROM registration ORDER BY row')).toEqual([
			{ row: 16, territory_code: '18814' },
			{ row: 17, territory_code: '449' },
			{ row: 18, territory_code: '443' }
		]);
		expect(result.text).toContain('“Xã Không Có (Huyện Can Lộc)” (1)');
		expect(result.text).toContain('“Huyện Thạch Kim Sơn” (1)');
	});
});

describe('XLSX', () => {
	it('restores the leading zero of an ID typed as a number, reads Excel dates, skips title rows', async () => {
		const file = await writeXlsx(path.join(dir, 'x.xlsx'), [
			['DANH SÁCH CÔNG DÂN'],
			['Tính đến ngày 31/07/2023'],
			HEADER,
			[
				'1',
				'A',
				Number(id(1)),
				'Xã Thiên Lộc',
				'Can Lộc',
				'',
				{ date: '2023-07-01' },
				'Đã công nhận',
				{ date: '2023-07-20' }
			],
			[
				'2',
				'B',
				{ text: id(2) },
				'',
				'TP. Hà Tĩnh',
				'Cục thuế tỉnh',
				'2/7/23',
				'Chờ xét duyệt',
				null
			],
			['3', 'C', 18_123_456, '', 'HUYỆN CAN LỘC', '', 45108, 'Đạt', 45120]
		]);
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(
			await query(
				`SELECT row, territory_code, organisation_code, registered_on::VARCHAR AS registered, status, recognised_on::VARCHAR AS recognised FROM registration ORDER BY row`
			)
		).toEqual([
			{
				row: 4,
				territory_code: '18415',
				organisation_code: null,
				registered: '2023-07-01',
				status: 'recognised',
				recognised: '2023-07-20'
			},
			{
				row: 5,
				territory_code: '436',
				organisation_code: 'CTHUE',
				registered: '2023-07-02',
				status: 'registered',
				recognised: null
			},
			{
				row: 6,
				territory_code: '443',
				organisation_code: null,
				registered: '2023-07-01',
				status: 'recognised',
				recognised: '2023-07-13'
			}
		]);
		expect(await query('SELECT count(*)::INTEGER AS n FROM reject')).toEqual([{ n: 0 }]);
	});
});

describe('snapshots', () => {
	it('needs an as-of date: from --as-of or the title, else the file is refused', async () => {
		const file = await writeCsv(path.join(dir, 'no-date.csv'), [HEADER, row(1)]);
		const refused = await pipeline(['ingest', file, '--db', db]);
		expect(refused.code).toBe(1);
		expect(refused.errors.join('\n')).toBe(
			'✗ tệp no-date.csv: không biết số liệu tính đến ngày nào: thêm --as-of YYYY-MM-DD, dòng “Tính đến ngày dd/mm/yyyy” trên tiêu đề, hoặc ngày trong tên tệp (…_31-10-2023.xlsx)'
		);
		const accepted = await pipeline(['ingest', file, '--as-of', '2023-07-31', '--db', db]);
		expect(accepted.code).toBe(0);
		expect(await query(`SELECT as_of::VARCHAR AS as_of FROM import`)).toEqual([
			{ as_of: '2023-07-31' }
		]);
	});

	it("lets a newer snapshot replace a person's state, keeps the past queryable, whatever the import order", async () => {
		const august = await writeCsv(
			path.join(dir, 'aug.csv'),
			titled(
				'31/08/2023',
				row(1, { status: 'Đạt', registered: '01/07/2023', recognised: '20/08/2023' }),
				row(2, { status: 'Không đạt', registered: '05/07/2023' })
			)
		);
		const july = await writeCsv(
			path.join(dir, 'jul.csv'),
			titled(
				'31/07/2023',
				row(1, { status: 'Đã đăng ký', registered: '01/07/2023' }),
				row(2, { status: 'Đã đăng ký', registered: '05/07/2023' }),
				row(3, { registered: '10/07/2023', recognised: '25/07/2023' })
			)
		);
		expect((await pipeline(['ingest', august, '--db', db])).code).toBe(0);
		expect((await pipeline(['ingest', july, '--db', db])).code).toBe(0);
		const at = async (day: string) => {
			const doc = JSON.parse(
				(await pipeline(['progress', '--as-of', day, '--json', '--db', db])).lines.join('\n')
			) as { units: { code: string; registered: number; recognised: number }[] };
			const canLoc = doc.units.find((u) => u.code === '443')!;
			return [canLoc.registered, canLoc.recognised];
		};
		// On 31/07 the July export is the latest knowledge: three registered, one recognised.
		expect(await at('2023-07-31')).toEqual([3, 1]);
		// On 31/08 person 1 is recognised, person 2 failed, person 3 is still known from July.
		expect(await at('2023-08-31')).toEqual([3, 2]);
	});
});
