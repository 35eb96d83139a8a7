/**
 * Incremental aggregates against a full rebuild over random histories: for a few seeds, a random
 * sequence of imports (as-of dates before, between, equal to and after the stored ones; partial
 * lists; people moving district, commune and workplace, changing status, dates, group and
 * digital skills; rows rejected, held back by an unknown district's name, or repeated within a
 * file), `--again`, removals of any import, `names accept`, `names rematch`, a unit list reload
 * and a vocabulary edit that makes the next import re-match. After every step the stored daily
 * tables equal those a rebuild from every row gives.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/db.ts';
import { random, type Random } from '../../../pipeline/demo/random.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import { differences } from '../../support/aggregates.ts';

const PEOPLE = 50;

async function query(db: string, sql: string): Promise<unknown[][]> {
	const database = await openDatabase(db, { readOnly: true });
	const connection = await database.connect();
	try {
		return (await connection.runAndReadAll(sql)).getRows();
	} finally {
		connection.closeSync();
		await database.close();
	}
}

// Names the Hà Tĩnh demo unit list knows, and one it does not (held back until accepted).
const PLACES: [string, string[]][] = [
	['Huyện Can Lộc', ['Thị trấn Nghèn', 'Xã Thiên Lộc', 'Xã Vượng Lộc', '']],
	['Huyện Hương Khê', ['Thị trấn Hương Khê', 'Xã Điền Mỹ', '']],
	['Huyện Can Lột', ['Thị trấn Nghèn', '']]
];
const WORKPLACES = ['', '', 'Sở Giáo dục và Đào tạo', 'Chi cục Thuế khu vực Hồng Lĩnh - Can Lộc'];
// 'Đang học' is no status: the row is rejected with the word.
const STATUSES = ['Đã đăng ký', 'Đạt', 'Đạt', 'Không đạt', 'Đã đăng ký', 'Đang học'];
// 'Nhóm Thử' matches no group until the vocabulary step names it.
const GROUPS = ['', 'Học sinh', 'Công chức', 'Nhóm Thử'];
const SKILLS = ['', 'Có', 'Không'];

function shuffle<T>(rng: Random, xs: T[]): T[] {
	for (let i = xs.length - 1; i > 0; i--) {
		const j = rng.int(0, i);
		[xs[i], xs[j]] = [xs[j]!, xs[i]!];
	}
	return xs;
}

const day = (rng: Random, month: number) =>
	`${String(1 + rng.int(0, 27)).padStart(2, '0')}/${String(month).padStart(2, '0')}/2023`;

/** A person's state as one row of the export. */
function personRow(rng: Random, n: number): string[] {
	const [district, communes] = rng.pick(PLACES);
	const status = rng.pick(STATUSES);
	const recognised = status === 'Đạt' && rng.next() < 0.7 ? day(rng, 5 + rng.int(0, 1)) : '';
	return [
		...row(n, {
			district,
			commune: rng.pick(communes),
			workplace: rng.pick(WORKPLACES),
			registered: day(rng, 1 + rng.int(0, 3)),
			status,
			recognised
		}),
		rng.pick(SKILLS),
		rng.pick(GROUPS)
	];
}

/**
 * An as-of date in the second half of 2023, after every registration (January to April) and
 * recognition (May, June) date; a third of the time one already stored.
 */
function asOfDate(rng: Random, stored: string[]): string {
	if (stored.length > 0 && rng.next() < 0.3) return rng.pick(stored);
	const month = 7 + rng.int(0, 5);
	return `${String(1 + rng.int(0, 27)).padStart(2, '0')}/${String(month).padStart(2, '0')}/2023`;
}

describe('incremental aggregates over random histories', () => {
	for (const seed of [15, 1502, 40417]) {
		it(`equal a full rebuild after every step (seed ${seed})`, async () => {
			const rng = random(seed);
			const { dir, db } = await freshDatabase();
			mkdirSync(path.join(dir, 'in'));
			// The province's own vocabulary files: a change to one re-matches at the next command.
			const data = path.join(dir, 'data');
			mkdirSync(data);
			const units = path.join(dir, 'units.csv');
			const state = new Map<number, string[]>();
			const files: string[] = [];
			let file = 0;
			const log: string[] = [];

			const exportFile = async (stored: string[]) => {
				const asOf = asOfDate(rng, stored);
				const people = Array.from({ length: PEOPLE }, (_, i) => i + 1).filter(
					() => rng.next() < 0.6
				);
				const lines: string[][] = [
					[`Tính đến ngày ${asOf}`],
					[...HEADER, 'Kỹ năng số', 'Đối tượng']
				];
				for (const n of people) {
					if (!state.has(n) || rng.next() < 0.4) state.set(n, personRow(rng, n));
					lines.push(state.get(n)!);
					// A person's second row in the file, with other values: rejected as a duplicate.
					if (rng.next() < 0.05) lines.push(personRow(rng, n));
				}
				const name = await writeCsv(path.join(dir, 'in', `${++file}.csv`), lines);
				files.push(name);
				return { name, asOf };
			};
			const storedDates = async () =>
				(await query(db, "SELECT strftime(as_of, '%d/%m/%Y') FROM import")).map(([d]) => String(d));
			const imports = async () =>
				(await query(db, 'SELECT id FROM import ORDER BY as_of, id')).map(([id]) => Number(id));

			const step = async (what: string, args: string[]) => {
				log.push(what);
				const result = await pipeline([...args, '--db', db, '--data', data]);
				expect(result.code, `${log.join(' → ')}: ${result.text}`).toBe(0);
				expect({ steps: log.join(' → '), ...(await differences(db)) }).toMatchObject({
					steps: log.join(' → '),
					progress_daily: 0,
					progress_unit_daily: 0,
					unit_import: 0
				});
			};

			// Every kind of step in every seed, in a random order after the first imports; the first
			// removal takes the only import there is.
			const plan = [
				'ingest',
				'remove',
				'ingest',
				'two',
				...shuffle(rng, ['ingest', 'again', 'remove', 'names', 'rematch', 'units', 'vocabulary'])
			];
			for (const kind of plan) {
				const stored = await storedDates();
				const ids = await imports();
				if (kind === 'ingest') {
					const { name, asOf } = await exportFile(stored);
					await step(`ingest ${path.basename(name)} @${asOf}`, ['ingest', name]);
				} else if (kind === 'two') {
					// Two files in one command, of different dates.
					const a = await exportFile(stored);
					let b = await exportFile(stored);
					while (b.asOf === a.asOf) b = await exportFile(stored);
					await step(`ingest two @${a.asOf},${b.asOf}`, ['ingest', a.name, b.name]);
				} else if (kind === 'again') {
					const again = rng.pick(files);
					await step(`--again ${path.basename(again)}`, ['ingest', again, '--again']);
				} else if (kind === 'remove') {
					const which = rng.pick(['first', 'latest', 'any'] as const);
					const id = which === 'first' ? ids[0]! : which === 'latest' ? ids.at(-1)! : rng.pick(ids);
					await step(`remove ${which} #${id} of ${ids.length}`, ['imports', 'remove', String(id)]);
				} else if (kind === 'names') {
					await step('names accept', ['names', 'accept', 'Huyện Can Lột', '443']);
				} else if (kind === 'vocabulary') {
					// Edited between commands: the next import re-matches every stored one itself.
					writeFileSync(
						path.join(data, 'groups.csv'),
						'code,name,name_en,synonyms\nstudent,,,Nhóm Thử\n'
					);
					const { name, asOf } = await exportFile(stored);
					await step(`groups.csv, ingest ${path.basename(name)} @${asOf}`, ['ingest', name]);
				} else if (kind === 'rematch') {
					await step('names rematch', ['names', 'rematch']);
				} else {
					// The same list, or one where a workplace rolls up to another agency.
					const moved = rng.next() < 0.5;
					const list = path.join(dir, `units-${moved ? 'moved' : 'same'}.csv`);
					const text = readFileSync(units, 'utf8');
					writeFileSync(list, moved ? text.replace(',agency,CTHUE,', ',agency,SGDDT,') : text);
					await step(`units${moved ? ' (moved)' : ''}`, ['units', list]);
				}
			}
			const rows = await query(db, 'SELECT count(*)::INTEGER FROM progress_daily');
			expect(Number(rows[0]![0])).toBeGreaterThan(0);
		}, 120_000);
	}
});
