/**
 * What the pages save per request gives the same figures: the snapshot in force taken from the
 * dates the dashboard keeps per file (not a query per figure), the activity rows kept per file,
 * the rejects of every import read in one query, and the imports page kept per file and renewed
 * when the pipeline swaps it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../src/lib/dates.ts';
import { closeLiveDatabases, liveDatabase, type Db } from '../../../src/lib/server/db.ts';
import {
	listImports,
	rejectCounts,
	rejectCountsByImport,
	snapshotDates
} from '../../../src/lib/server/imports.ts';
import {
	countsByGroup,
	cumulativeSeries,
	inForce,
	listActivity,
	progressOn,
	snapshotInForce
} from '../../../src/lib/server/progress.ts';
import { listUnits } from '../../../src/lib/server/units.ts';
import { load } from '../../../src/routes/imports/+page.server.ts';
import { realPreset } from '../../unit/lib/fixtures.ts';
import { serveDatabase } from '../../support/data-endpoints.ts';
import { freshDatabase, HEADER, id, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

let dir: string;
let file: string;
let db: Db;
let snapshots: string[];

/** A snapshot dated `asOf` (dd/mm/yyyy) of the given rows. */
async function ingest(name: string, asOf: string, rows: string[][]): Promise<void> {
	const csv = await writeCsv(path.join(dir, name), [[`Tính đến ngày ${asOf}`], HEADER, ...rows]);
	const result = await pipeline(['ingest', csv, '--db', file]);
	if (result.code !== 0) throw new Error(result.text);
}

beforeAll(async () => {
	({ dir, db: file } = await freshDatabase());
	serveDatabase(file);
	const activity = path.join(dir, 'activity.csv');
	writeFileSync(
		activity,
		[
			'Mã đơn vị,Tên đơn vị,Hoạt động,Ngày,Số người,Số tiền (đồng),Ghi chú',
			'42,,Tập huấn,15/06/2023,5,,',
			'444,,Kinh phí,10/07/2023,,0,Chưa bố trí',
			'444,,Kinh phí,20/08/2023,,5000000,',
			'42,,Báo cáo,01/08/2023,,,'
		].join('\n')
	);
	const loaded = await pipeline(['activity', activity, '--db', file]);
	if (loaded.code !== 0) throw new Error(loaded.text);
	await ingest('june.csv', '30/06/2023', [
		row(1, { registered: '02/06/2023', recognised: '20/06/2023' }),
		row(2, { registered: '05/06/2023', status: 'Chưa đạt' }),
		row(3, { registered: '10/06/2023', workplace: 'Công an tỉnh Hà Tĩnh' }),
		row(4, { id: '12345' }),
		row(5, { id: '12345' }),
		row(6, { registered: 'hôm qua' })
	]);
	await ingest('july.csv', '31/07/2023', [
		row(2, { registered: '05/06/2023', recognised: '25/07/2023' }),
		row(7, { registered: '03/07/2023', status: 'Chưa đạt' }),
		row(8, { id: id(1) })
	]);
	await ingest('august.csv', '31/08/2023', [
		row(3, { registered: '10/06/2023', recognised: '30/08/2023' }),
		row(9, { registered: '12/08/2023', district: 'Huyện Nghi Xuân', commune: 'Xã Xuân Hội' })
	]);
	db = (await liveDatabase(file))!;
	snapshots = await snapshotDates(db.kysely);
}, 120_000);

afterAll(() => closeLiveDatabases());

/** Every day from ten before the first snapshot to ten after the last. */
function everyDay(): IsoDate[] {
	const days: IsoDate[] = [];
	for (let d = addDays(snapshots[0]!, -10); d <= addDays(snapshots.at(-1)!, 10); d = addDays(d, 1))
		days.push(d);
	return days;
}

describe('the snapshot in force from the kept dates', () => {
	it('is the one the file gives, on every day around the history', async () => {
		expect(snapshots).toEqual(['2023-06-30', '2023-07-31', '2023-08-31']);
		for (const day of everyDay())
			expect(inForce(snapshots, day), day).toBe(await snapshotInForce(db.kysely, day));
		expect(inForce([], '2023-07-01')).toBeNull();
	});

	it('gives the same progress, curve and groups as asking the file', async () => {
		const preset = realPreset('ha-tinh-2023');
		const units = await listUnits(db.kysely);
		const codes = ['42', units.find((u) => u.name === 'Huyện Can Lộc')!.code];
		for (const day of everyDay().filter((_, i) => i % 3 === 0)) {
			const kept = { units, snapshots, activity: await listActivity(db.kysely) };
			expect(await progressOn(db.kysely, preset, day, kept), day).toEqual(
				await progressOn(db.kysely, preset, day)
			);
			for (const code of codes) {
				expect(await cumulativeSeries(db.kysely, code, day, snapshots)).toEqual(
					await cumulativeSeries(db.kysely, code, day)
				);
				expect(await countsByGroup(db.kysely, code, day, snapshots)).toEqual(
					await countsByGroup(db.kysely, code, day)
				);
			}
		}
		// Not vacuous: the province has figures on the last day, the activity rows count.
		const late = await progressOn(db.kysely, preset, '2023-09-10');
		expect(late.find((u) => u.code === '42')?.activity?.trainedPeople).toBe(5);
		expect(late.find((u) => u.code === '444')?.activity?.budget).toBe(true);
		expect(
			(await cumulativeSeries(db.kysely, '42', '2023-09-10', snapshots)).length
		).toBeGreaterThan(2);
	});
});

describe('the imports page', () => {
	it('reads every import rejects by reason as rejectCounts does, one by one', async () => {
		const all = await rejectCountsByImport(db.kysely);
		const imports = await listImports(db.kysely);
		const byRowsThenReason = (a: { reason: string; rows: number }, b: typeof a) =>
			b.rows - a.rows || (a.reason < b.reason ? -1 : 1);
		for (const i of imports)
			expect(all.get(i.id) ?? [], i.file).toEqual(
				(await rejectCounts(db.kysely, i.id)).sort(byRowsThenReason)
			);
		// Not vacuous: June has two malformed IDs and three reasons of one row each (a tie).
		expect(all.get(imports[0]!.id)?.map((r) => r.rows)).toEqual([2, 1, 1, 1]);
	});

	it('is kept per file and renewed once the pipeline swaps in a new one', async () => {
		const page = async () => {
			const url = new URL('http://localhost/imports?asOf=2023-07-01');
			const data = (await load({ url, locals: { user: null } } as never)) as {
				imports: { file: string; reasons: { rows: number }[] }[];
			};
			return data.imports.map((i) => [i.file, i.reasons.map((r) => r.rows)]);
		};
		const three = [
			['august.csv', [1]],
			['july.csv', [1]],
			['june.csv', [2, 1, 1, 1]]
		];
		expect(await page()).toEqual(three);
		expect(await page()).toEqual(three);
		await ingest('september.csv', '30/09/2023', [row(10, { id: '999' }), row(11, { id: '999' })]);
		await new Promise((r) => setTimeout(r, 600)); // the live file's check interval
		expect(await page()).toEqual([['september.csv', [2]], ...three]);
	});
});
