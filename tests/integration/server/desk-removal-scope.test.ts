/**
 * A unit officer removes only their unit's imports: an import of another district whose rows were
 * all rejected counts no row of any unit, and is not theirs to remove (its rejects would go).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../../src/lib/access.ts';
import { openDatabase } from '../../../src/lib/server/db.ts';
import { removeAs } from '../../../src/lib/server/desk/removal.ts';
import { generate } from '../../../pipeline/demo/generate.ts';
import { pipeline } from '../../support/province.ts';

/** Huyện Can Lộc in the demo's unit list. */
const officer: User = { name: 'lan', role: 'officer', unitCode: '443' };

let dir: string;
let db: string;

function exportFile(
	name: string,
	district: string,
	id = (i: number) => `0420990000${String(i).padStart(2, '0')}`
): string {
	const header =
		'STT;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Số điện thoại;Đối tượng;Cơ quan/đơn vị công tác;Xã/Phường/Thị trấn;Huyện/Thị xã/Thành phố;Ngày đăng ký;Trạng thái;Ngày công nhận;Kỹ năng số';
	const rows = Array.from(
		{ length: 5 },
		(_, i) =>
			`${i + 1};Người Thử ${i};01/01/1990;Nữ;${id(i)};;Người dân;;;${district};01/12/2023;Đã công nhận;20/12/2023;`
	);
	const file = path.join(dir, name);
	writeFileSync(
		file,
		['DANH SÁCH CÔNG DÂN HỌC TẬP', '(Tính đến ngày 31/12/2023)', header, ...rows].join('\r\n')
	);
	return file;
}

async function importIdOf(file: string): Promise<number> {
	const result = await pipeline(['ingest', file, '--db', db]);
	if (result.code !== 0) throw new Error(result.text);
	const live = await openDatabase(db, { readOnly: true });
	try {
		const row = await live.kysely
			.selectFrom('import')
			.select('id')
			.where('file', '=', path.basename(file))
			.executeTakeFirstOrThrow();
		return row.id;
	} finally {
		await live.close();
	}
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'cdht-removal-scope-'));
	db = path.join(dir, 'cdht.duckdb');
	const generated = await generate({
		out: path.join(dir, 'demo'),
		rows: 100,
		snapshots: 'final',
		formats: ['csv']
	});
	const result = await pipeline(['units', generated.units, '--db', db]);
	if (result.code !== 0) throw new Error(result.text);
	process.env.CDHT_DB = db;
});

afterAll(() => {
	delete process.env.CDHT_DB;
	rmSync(dir, { recursive: true, force: true });
});

it('refuses an officer the removal of an import whose rows are all rejected', async () => {
	const held = await importIdOf(exportFile('held.csv', 'Thành phố Hà Tĩnh', () => '123'));
	const live = await openDatabase(db, { readOnly: true });
	try {
		await expect(removeAs(officer, live, held, 'vi')).rejects.toMatchObject({ status: 403 });
	} finally {
		await live.close();
	}
});

it('still lets the officer remove an import of their own unit', async () => {
	const own = await importIdOf(exportFile('own.csv', 'Huyện Can Lộc'));
	const live = await openDatabase(db, { readOnly: true });
	try {
		expect(await removeAs(officer, live, own, 'vi')).toEqual({ ok: true });
	} finally {
		await live.close();
	}
});
