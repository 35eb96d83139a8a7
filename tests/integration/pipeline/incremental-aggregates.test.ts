/**
 * Incremental aggregates give exactly the figures of a full rebuild: after every step of a
 * history (monthly snapshots in order, a partial export, two districts' exports of one date, a
 * late correction dated before the latest, `--again`, removals of a middle and of the latest
 * snapshot), the stored daily tables are compared with those a rebuild from every row gives.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/db.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import { differences } from '../../support/aggregates.ts';

/** The imports' ids, oldest as-of date first. */
async function importsByDate(db: string): Promise<number[]> {
	const database = await openDatabase(db, { readOnly: true });
	const connection = await database.connect();
	try {
		const reader = await connection.runAndReadAll('SELECT id FROM import ORDER BY as_of, id');
		return reader.getRows().map(([id]) => Number(id));
	} finally {
		connection.closeSync();
		await database.close();
	}
}

/** A month's export: person n's state is a function of the month, so people change over time. */
function month(asOf: string, people: number[], shift = 0): string[][] {
	return [
		[`Tính đến ngày ${asOf}`],
		HEADER,
		...people.map((n) => {
			const stage = (n + shift) % 4;
			const inHuongKhe = n % 3 === 0;
			return row(n, {
				district: inHuongKhe ? 'Huyện Hương Khê' : 'Huyện Can Lộc',
				commune: inHuongKhe ? '' : n % 2 ? 'Thị trấn Nghèn' : 'Xã Xuân Lộc',
				workplace: n % 5 === 0 ? 'Sở Giáo dục & Đào tạo' : '',
				registered: `${String(1 + (n % 27)).padStart(2, '0')}/0${1 + (n % 6)}/2023`,
				status: stage === 0 ? 'Đang học' : 'Đạt',
				recognised: stage === 0 ? '' : stage === 1 ? '' : `2${stage}/07/2023`
			});
		})
	];
}

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('incremental aggregates', () => {
	it('equal a full rebuild after every step of a history', async () => {
		const { dir, db } = await freshDatabase();
		mkdirSync(path.join(dir, 'in'));
		let step = 0;
		const expectSame = async (what: string, args: string[]) => {
			const result = await pipeline([...args, '--db', db]);
			expect(result.code, `${what}: ${result.text}`).toBe(0);
			const diff = await differences(db);
			expect(diff.rows, what).toBeGreaterThan(0);
			expect({ what, ...diff, rows: 0 }).toEqual({
				what,
				progress_daily: 0,
				progress_unit_daily: 0,
				unit_import: 0,
				rows: 0
			});
		};
		const ingest = async (what: string, lines: string[][], extra: string[] = []) => {
			const file = await writeCsv(path.join(dir, 'in', `${++step}.csv`), lines);
			await expectSame(what, ['ingest', file, ...extra]);
			return file;
		};
		await ingest('first snapshot', month('31/07/2023', range(1, 60)));
		await ingest('second, in order', month('31/08/2023', range(1, 80), 1));
		await ingest('partial export (some people only)', month('30/09/2023', range(20, 40), 2));
		await ingest(
			'Hương Khê, same date',
			month(
				'30/09/2023',
				range(90, 99).map((n) => n * 3)
			)
		);
		const late = await ingest('late correction', month('15/08/2023', range(10, 70), 3));
		await ingest('an earlier first date', month('30/06/2023', range(1, 30), 1));
		await expectSame('--again', ['ingest', late, '--again']);
		const byDate = await importsByDate(db);
		expect(byDate).toHaveLength(6);
		await expectSame('remove a middle snapshot', ['imports', 'remove', String(byDate[2])]);
		await expectSame('remove the latest', ['imports', 'remove', String(byDate.at(-1))]);
	}, 240_000);

	it('fills the next dates of a file made before they were kept, then stays exact', async () => {
		const { dir, db } = await freshDatabase();
		const file = (name: string, lines: string[][]) => writeCsv(path.join(dir, name), lines);
		for (const [name, lines] of [
			['a.csv', month('31/07/2023', range(1, 40))],
			['b.csv', month('31/08/2023', range(1, 50), 1)]
		] as const)
			expect((await pipeline(['ingest', await file(name, [...lines]), '--db', db])).code).toBe(0);
		// The file as the version before migration 004 left it.
		const database = await openDatabase(db, { readOnly: false });
		const connection = await database.connect();
		await connection.run('ALTER TABLE import_row DROP COLUMN next_as_of');
		await connection.run(`DELETE FROM kysely_migration WHERE name = '004-next-as-of'`);
		connection.closeSync();
		await database.close();
		const late = await file('c.csv', month('15/08/2023', range(10, 30), 2));
		const result = await pipeline(['ingest', late, '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(await differences(db)).toMatchObject({
			progress_daily: 0,
			progress_unit_daily: 0,
			unit_import: 0
		});
	}, 120_000);
});
