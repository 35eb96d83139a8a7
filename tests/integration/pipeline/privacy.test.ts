/**
 * No personal value on disk: the files a read writes beside the database hold none, and what a
 * killed run left is removed by the next command.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, HEADER, id, row, writeCsv, writeXlsx } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

/** A process id nobody has any more: a child that has exited. */
function deadPid(): number {
	return spawnSync(process.execPath, ['-e', '0']).pid!;
}

/**
 * Ingests `file` into `db` while copying every other file under `dir` (but the database)
 * every 5 ms, so a temporary file is seen while it exists; `look` copies once more.
 */
async function ingestWatching(file: string, dir: string, db: string) {
	const seen = new Map<string, Buffer>();
	const look = () => {
		for (const f of filesUnder(dir))
			if (f !== file && !f.includes('.duckdb'))
				try {
					seen.set(f, readFileSync(f));
				} catch {
					// Removed between listing and reading.
				}
	};
	const poll = setInterval(look, 5);
	const result = await pipeline(['ingest', file, '--db', db]);
	clearInterval(poll);
	return { result, seen, look };
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));
}

let dir: string;
let db: string;

beforeAll(async () => {
	({ dir, db } = await freshDatabase());
});

describe('leftovers of a killed run', () => {
	it('are removed at the start of a changing and of a reading command; a live run’s are kept', async () => {
		const dead = deadPid();
		const left = [
			`.cdht-tmp-${dead}-0123456789ab.rows`,
			`.cdht-tmp-${dead}-ba9876543210.utf8.csv`,
			`${dead}-Danh sách.xlsx.rows`,
			`${dead}-Danh sách.csv.utf8.csv`
		];
		// Process 1 is alive for as long as the machine is.
		const live = '.cdht-tmp-1-0123456789ab.rows';
		const leave = () => {
			for (const name of [...left, live]) writeFileSync(path.join(dir, name), id(1));
		};
		leave();
		expect((await pipeline(['imports', '--db', db])).code).toBe(0);
		for (const name of left) expect(existsSync(path.join(dir, name)), name).toBe(false);
		leave();
		const csv = path.join(dir, 'empty.csv');
		writeFileSync(csv, 'x\n');
		await pipeline(['ingest', csv, '--db', db]);
		for (const name of left) expect(existsSync(path.join(dir, name)), name).toBe(false);
		expect(existsSync(path.join(dir, live))).toBe(true);
	});
});

describe('an XLSX read', () => {
	const CANARY_ID = '079123456789';
	const CANARY_PHONE = '0987654321';
	const CANARY_NAME = 'Canary Thị Hoàng Yến';
	const CANARY_BIRTH = ['14/05/1987', '1987-05-14'];
	const canaries = [CANARY_ID, CANARY_PHONE, CANARY_NAME, ...CANARY_BIRTH, id(7)];

	it('writes no ID, name, phone or birth date to any file, during the read or after', async () => {
		const header = [...HEADER, 'Ngày sinh', 'Số điện thoại'];
		const people = Array.from({ length: 30_000 }, (_, i) => {
			const n = i + 1;
			const cells = row(n, { id: n === 1 ? CANARY_ID : undefined });
			if (n === 1) cells[1] = CANARY_NAME;
			return [...cells, n === 1 ? CANARY_BIRTH[0]! : '01/01/1990', CANARY_PHONE];
		});
		const file = await writeXlsx(path.join(dir, 'canary-' + 'x'.repeat(240) + '.xlsx'), [
			['Tính đến ngày 31/12/2023'],
			header,
			...people
		]);
		const started = Date.now();
		const { result, seen, look } = await ingestWatching(file, dir, db);
		expect(result.code, result.text).toBe(0);
		// Every row loads: the keys the row file holds are the person keys.
		expect(result.text).toMatch(/30\.000 dòng đọc, 30\.000 nhận/);
		// The row file was seen while it was there.
		expect([...seen.keys()].some((f) => f.endsWith('.rows'))).toBe(true);
		look();
		// The database and the temp dir as well, for what this run wrote there.
		for (const f of filesUnder(dir)) if (f !== file) seen.set(f, readFileSync(f));
		const tmp = path.dirname(dir);
		for (const f of readdirSync(tmp).map((n) => path.join(tmp, n)))
			if (statSync(f, { throwIfNoEntry: false })?.isFile() && statSync(f).mtimeMs >= started)
				seen.set(f, readFileSync(f));
		for (const [f, bytes] of seen)
			for (const canary of canaries)
				expect(bytes.includes(canary), `${canary} in ${path.basename(f)}`).toBe(false);
	}, 120_000);
});

describe('an import killed while it reads', () => {
	it('leaves a row file without personal values, and the next command removes it', async () => {
		const { dir, db } = await freshDatabase();
		const people = Array.from({ length: 150_000 }, (_, i) =>
			row(i + 1, { id: i === 0 ? '079123456789' : undefined })
		);
		const file = await writeXlsx(path.join(dir, 'big.xlsx'), [
			['Tính đến ngày 31/12/2023'],
			HEADER,
			...people
		]);
		const root = path.resolve(import.meta.dirname, '../../..');
		const child = spawn(
			path.join(root, 'node_modules/.bin/node'),
			['pipeline/bin.ts', 'ingest', file, '--db', db],
			{ cwd: root, stdio: 'ignore' }
		);
		const rowFile = () =>
			readdirSync(dir).find((n) => n.startsWith(`.cdht-tmp-${child.pid}-`) && n.endsWith('.rows'));
		for (let i = 0; i < 1200 && !rowFile(); i++) await new Promise((r) => setTimeout(r, 25));
		const left = rowFile();
		expect(left).toBeDefined();
		// Killed once rows are in it (it is written a megabyte at a time).
		const size = () => statSync(path.join(dir, left!), { throwIfNoEntry: false })?.size ?? 0;
		for (let i = 0; i < 1200 && size() === 0; i++) await new Promise((r) => setTimeout(r, 10));
		child.kill('SIGKILL');
		await new Promise((r) => child.once('exit', r));
		const bytes = readFileSync(path.join(dir, left!));
		expect(bytes.length).toBeGreaterThan(0);
		for (const canary of ['079123456789', id(2), 'Người Thử'])
			expect(bytes.includes(canary), canary).toBe(false);
		expect((await pipeline(['imports', '--db', db])).code).toBe(0);
		expect(existsSync(path.join(dir, left!))).toBe(false);
	}, 120_000);
});

describe('a UTF-16 or Windows-1258 CSV read', () => {
	for (const encoding of ['utf16le', 'windows-1258'] as const)
		it(`re-encoded (${encoding}) without ID, name, phone or birth date, and loaded in full`, async () => {
			const { dir, db } = await freshDatabase();
			const header = [...HEADER, 'Ngày sinh', 'Số điện thoại'];
			const people = Array.from({ length: 20_000 }, (_, i) => {
				const n = i + 1;
				const cells = row(n, { id: n === 1 ? '079 123 456 789' : undefined });
				// A quoted name with a doubled quote and the delimiter in it.
				cells[1] = n === 1 ? '"Canary" Thị, Hoàng Yến' : cells[1]!;
				return [...cells, n === 1 ? '14/05/1987' : '01/01/1990', '0987654321'];
			});
			const file = await writeCsv(
				path.join(dir, `canary-${encoding}.csv`),
				[['Tính đến ngày 31/12/2023'], header, ...people],
				{ encoding }
			);
			const { result, seen } = await ingestWatching(file, dir, db);
			expect(result.code, result.text).toBe(0);
			expect(result.text).toMatch(/20\.000 dòng đọc, 20\.000 nhận/);
			expect([...seen.keys()].some((f) => f.endsWith('.utf8.csv'))).toBe(true);
			for (const f of filesUnder(dir)) if (f !== file) seen.set(f, readFileSync(f));
			for (const [f, bytes] of seen)
				for (const canary of [
					'079123456789',
					'079 123 456 789',
					'Canary',
					'0987654321',
					'14/05/1987',
					id(7)
				])
					expect(bytes.includes(canary), `${canary} in ${path.basename(f)}`).toBe(false);
		}, 120_000);
});

describe('a shifted row', () => {
	it('keeps the reason but masks an ID or phone number that landed in any column', async () => {
		const { dir, db } = await freshDatabase();
		const phone = '0912 345 678';
		const idLike = '079123456780';
		const file = await writeCsv(path.join(dir, 'shifted.csv'), [
			['Tính đến ngày 31/12/2023'],
			HEADER,
			row(1),
			// The district column holds a phone number, the date column an ID number.
			row(2, { district: phone }),
			row(3, { registered: idLike }),
			row(4, { district: '', registered: phone })
		]);
		const ingest = await pipeline(['ingest', file, '--db', db]);
		expect(ingest.code, ingest.text).toBe(0);
		const rejects = await pipeline(['rejects', '1', '--db', db]);
		expect(rejects.code, rejects.text).toBe(0);
		const names = await pipeline(['names', '--db', db]);
		for (const text of [ingest.text, rejects.text, names.text]) {
			expect(text).not.toContain('345 678');
			expect(text).not.toContain(idLike);
		}
		expect(rejects.text).toContain('09******78');
		expect(rejects.text).toContain('07********80');
	});
});
