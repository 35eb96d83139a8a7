/** The unit list and the activity sheet: loaded, validated cell by cell, replaced safely. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../pipeline/cli.ts';
import { memoryOutput } from '../../../pipeline/tty.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('units', () => {
	it('reports every problem of a bad unit list with its row and column, and loads nothing', async () => {
		const { dir, db } = await freshDatabase();
		const before = sha(db);
		const file = path.join(dir, 'bad-units.csv');
		writeFileSync(
			file,
			[
				'Mã,Tên đơn vị,Loại,Cấp trên,Số đối tượng,Bảo mật',
				'42,Tỉnh A,tỉnh,,,không',
				'436,Huyện B,huyện,42,1.200,',
				'436,Huyện C,huyện,42,5,',
				'18070,Xã D,xã,999,10,',
				'18071,Xã E,thôn,436,-3,có'
			].join('\n')
		);
		const result = await pipeline(['units', file, '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			'✗ tệp bad-units.csv, dòng 4, cột “Mã”: mã đơn vị “436” đã có ở dòng 3',
			'✗ tệp bad-units.csv, dòng 6, cột “Loại”: giá trị không hợp lệ “thôn”: province (tỉnh), district (huyện), commune (xã), agency (cơ quan), armed_force (lực lượng vũ trang)',
			'✗ tệp bad-units.csv, dòng 6, cột “Số đối tượng”: giá trị không hợp lệ “-3”: số nguyên ≥ 0 / a whole number ≥ 0',
			'✗ tệp bad-units.csv, dòng 5, cột “Cấp trên”: đơn vị cấp trên “999” không có trong danh mục'
		]);
		expect(sha(db)).toBe(before);
	});

	it('refuses a new list that drops units registrations refer to', async () => {
		const { dir, db } = await freshDatabase();
		const file = await writeCsv(path.join(dir, 'a.csv'), [
			['Tính đến ngày 31/07/2023'],
			HEADER,
			row(1)
		]);
		expect((await pipeline(['ingest', file, '--db', db])).code).toBe(0);
		const small = path.join(dir, 'small.csv');
		writeFileSync(
			small,
			'code,name,kind,parent,eligible,confidential\n42,Tỉnh Hà Tĩnh,province,,,false\n443,Huyện Can Lộc,district,42,100,false\n'
		);
		const result = await pipeline(['units', small, '--db', db, '--lang', 'en']);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			'✗ file small.csv: the new list drops 1 units that registrations refer to (18406); keep them'
		]);
	});
});

describe('activity', () => {
	it('loads training, budget and report rows, and names unknown units with suggestions', async () => {
		const { dir, db } = await freshDatabase();
		const bad = path.join(dir, 'activity.csv');
		writeFileSync(
			bad,
			[
				'Mã đơn vị,Tên đơn vị,Hoạt động,Ngày,Số người,Số tiền (đồng),Ghi chú',
				',Sở Tài chánh,Tập huấn,15/03/2023,5,,',
				'444,,Kinh phí,31/03/2023,,0,Chưa bố trí',
				'443,,Họp,01/04/2023,,,'
			].join('\n')
		);
		const refused = await pipeline(['activity', bad, '--db', db]);
		expect(refused.code).toBe(1);
		expect(refused.errors).toEqual([
			'✗ tệp activity.csv, dòng 2, cột “Tên đơn vị”: không có đơn vị “Sở Tài chánh” trong danh mục; có phải: Sở Tài chính?',
			'✗ tệp activity.csv, dòng 4, cột “Hoạt động”: giá trị không hợp lệ “Họp”: Tập huấn, Kinh phí, Báo cáo tháng'
		]);
		writeFileSync(
			bad,
			[
				'Mã đơn vị,Tên đơn vị,Hoạt động,Ngày,Số người,Số tiền (đồng),Ghi chú',
				',Sở Tài chính,Tập huấn,15/03/2023,5,,',
				'444,,Kinh phí,31/03/2023,,0,Chưa bố trí',
				'443,,Kinh phí,20/02/2023,,"150.000.000",'
			].join('\n')
		);
		const output = memoryOutput();
		expect(await run(['activity', bad, '--db', db], output)).toBe(0);
		expect(output.lines).toEqual(['✓ Hoạt động: 3 dòng, 3 đơn vị', `→ đã ghi ${db}`]);
	});
});
