/**
 * The CSV reading process (read/csv-isolated.ts) as a hostile file and an operator see it: a file
 * larger than the memory limit, a reading process that fails half way, a loading process killed
 * mid-read, and values that must cross the pipe unchanged.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../../pipeline/errors.ts';
import { readCsvIsolated } from '../../../pipeline/read/csv-isolated.ts';
import { PersonKeyer, registerPersonKey } from '../../../pipeline/person-key.ts';
import { readCsv } from '../../../pipeline/read/csv.ts';
import { readExport } from '../../../pipeline/read/index.ts';
import { createStaging, STAGING } from '../../../pipeline/read/staging.ts';
import { isAlive } from '../../../pipeline/temp-files.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

let limit: string | undefined;
beforeEach(() => {
	limit = process.env.CDHT_MEMORY_LIMIT;
});
afterEach(() => {
	if (limit === undefined) delete process.env.CDHT_MEMORY_LIMIT;
	else process.env.CDHT_MEMORY_LIMIT = limit;
});

function rows(count: number, asOf = '31/12/2023'): string[][] {
	const lines = [[`Tính đến ngày ${asOf}`], HEADER];
	for (let n = 1; n <= count; n++) lines.push(row(n));
	return lines;
}

describe('a CSV larger than the memory limit', () => {
	it('is refused in one line naming the file and CDHT_MEMORY_LIMIT, changing nothing', async () => {
		const { dir, db } = await freshDatabase();
		const small = await writeCsv(path.join(dir, 'small.csv'), rows(50, '30/06/2023'));
		expect((await pipeline(['ingest', small, '--db', db])).code).toBe(0);
		const before = await pipeline(['imports', '--db', db]);
		const big = await writeCsv(path.join(dir, 'lon.csv'), rows(300_000));
		process.env.CDHT_MEMORY_LIMIT = '30MB';
		const result = await pipeline(['ingest', big, '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(/lon\.csv.*CDHT_MEMORY_LIMIT/);
		delete process.env.CDHT_MEMORY_LIMIT;
		expect((await pipeline(['imports', '--db', db])).text).toBe(before.text);
		expect(readdirSync(dir).filter((f) => f.startsWith('.cdht-tmp-'))).toEqual([]);
	}, 180_000);
});

const KEY = Buffer.alloc(32, 9);

/** readCsvIsolated with `script` as the reading process, on a fresh database file. */
async function readWith(script?: string, loadingLimit?: string) {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-isolated-'));
	const file = await writeCsv(path.join(dir, 'xa.csv'), rows(3));
	const instance = await DuckDBInstance.create(
		path.join(dir, 'db.duckdb'),
		loadingLimit ? { memory_limit: loadingLimit } : {}
	);
	const connection = await instance.connect();
	await createStaging(connection);
	const child =
		script && fileURLToPath(new URL(`../../support/reading-process/${script}`, import.meta.url));
	const started = performance.now();
	const error = await readCsvIsolated(file, connection, dir, KEY, '100MB', () => {}, child).then(
		() => null,
		(e: unknown) => e
	);
	const ms = performance.now() - started;
	connection.closeSync();
	instance.closeSync();
	return { dir, error, ms };
}

describe('a small CSV under a small memory limit', () => {
	// The pipe's reader holds a buffer for the longest row it takes: it must not need more than
	// the reading process does (DuckDB's default buffer is 16 times the longest line).
	it('is read and loaded under 70MB', async () => {
		const { dir, db } = await freshDatabase();
		const file = await writeCsv(path.join(dir, 'nho.csv'), rows(50));
		process.env.CDHT_MEMORY_LIMIT = '70MB';
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
	}, 60_000);
});

describe('a reading process that dies after it said its rows follow', () => {
	for (const script of ['dies-after-staged.ts', 'dies-mid-row.ts'])
		it(`fails the read at once, naming the file, leaving no pipe (${script})`, async () => {
			const { dir, error, ms } = await readWith(script);
			expect(error).toBeInstanceOf(ImportError);
			expect((error as ImportError).key).toBe('csv_reader_ended');
			expect((error as ImportError).place).toEqual({ file: 'xa.csv' });
			expect((error as ImportError).params.detail).toBe('exit 3');
			expect(ms).toBeLessThan(5000);
			expect(readdirSync(dir).filter((f) => f.startsWith('.cdht-tmp-'))).toEqual([]);
		}, 20_000);
});

async function until(what: () => boolean, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (!what()) {
		if (Date.now() > end) return false;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return true;
}

describe('rows the loading process refuses', () => {
	it("fail the read with the loading process's error, not the broken pipe it causes", async () => {
		const { dir, error } = await readWith('sends-too-wide-rows.ts');
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).not.toMatch(/Broken pipe/);
		expect((error as Error).message).toMatch(/CSV Error/);
		expect(readdirSync(dir).filter((f) => f.startsWith('.cdht-tmp-'))).toEqual([]);
	}, 20_000);
});

describe('a loading process short of memory for the rows sent', () => {
	it('fails the read with the advice to raise CDHT_MEMORY_LIMIT', async () => {
		const { error } = await readWith(undefined, '8MB');
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).key).toBe('csv_out_of_memory');
		expect((error as ImportError).place).toEqual({ file: 'xa.csv' });
	}, 20_000);
});

describe('the loading process killed while the CSV is read', () => {
	it('takes the reading process with it; the next run removes the pipe left behind', async () => {
		const { dir, db } = await freshDatabase();
		const big = await writeCsv(path.join(dir, 'lon.csv'), rows(300_000));
		const node = path.resolve('node_modules/.bin/node');
		const loading = spawn(node, ['pipeline/bin.ts', 'ingest', big, '--db', db], {
			stdio: 'ignore'
		});
		const pipes = () => readdirSync(dir).filter((f) => f.endsWith('.fifo'));
		expect(await until(() => pipes().length === 1, 60_000)).toBe(true);
		const reading = execFileSync('ps', ['-o', 'pid=', '--ppid', String(loading.pid)])
			.toString()
			.trim()
			.split(/\s+/)
			.map(Number);
		expect(reading).toHaveLength(1);
		loading.kill('SIGKILL');
		expect(await until(() => !isAlive(reading[0]!), 5000)).toBe(true);
		expect(pipes()).toHaveLength(1);
		const small = await writeCsv(path.join(dir, 'nho.csv'), rows(5));
		expect((await pipeline(['ingest', small, '--db', db])).code).toBe(0);
		expect(readdirSync(dir).filter((f) => f.startsWith('.cdht-tmp-'))).toEqual([]);
	}, 120_000);
});

/** A CSV field as a spreadsheet program writes it: quoted when it must be. */
function field(value: string): string {
	return /[",\r\n]/.test(value) || value !== value.trim()
		? `"${value.replaceAll('"', '""')}"`
		: value;
}

/** Workplaces (free text, kept as written) that a pipe in CSV could get wrong. */
const AWKWARD = [
	'Trường "Hoa Sen", cơ sở 2',
	'dòng một\ndòng hai\r\ndòng ba',
	'  cách hai bên  ',
	'\\N',
	'NULL',
	'null',
	'""',
	"'nháy đơn'",
	'Ủy ban nhân dân xã Đức Thọ ơ ư ă â đ',
	'\\',
	'a\tb',
	'x'.repeat(200_000),
	'"'.repeat(1000),
	' '
];

async function stagedRows(connection: Awaited<ReturnType<DuckDBInstance['connect']>>) {
	const result = await connection.runAndReadAll(`SELECT * FROM ${STAGING} ORDER BY row`);
	return result.getRowObjectsJson();
}

describe('the staging rows sent from the reading process', () => {
	it('arrive exactly as readCsv staged them in one process', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'cdht-transfer-'));
		const lines = [['Tính đến ngày 31/12/2023'], HEADER];
		AWKWARD.forEach((workplace, i) => lines.push(row(i + 1, { workplace })));
		// As long as readCsv takes a line (4 MiB): its staging row is longer (quotes, the key).
		const longest = row(AWKWARD.length + 1, { workplace: '' }).join(',');
		lines.push(
			row(AWKWARD.length + 1, {
				workplace: 'y'.repeat(4 * 2 ** 20 - 8 - Buffer.byteLength(longest))
			})
		);
		// Empty cells, quoted and not, and a row without its trailing cells.
		lines.push(row(AWKWARD.length + 2, { commune: 'QUOTED_EMPTY', status: '', recognised: '' }));
		lines.push(row(AWKWARD.length + 3, { commune: 'QUOTED_EMPTY', workplace: '' }).slice(0, 7));
		const text = lines.map((cells) => cells.map(field).join(',')).join('\r\n');
		const file = path.join(dir, 'kho.csv');
		writeFileSync(file, text.replaceAll('QUOTED_EMPTY', '""') + '\r\n');

		const direct = await (await DuckDBInstance.create(':memory:')).connect();
		registerPersonKey(direct, KEY);
		await createStaging(direct);
		await readCsv(file, direct, dir, new PersonKeyer(KEY));
		const expected = await stagedRows(direct);

		const instance = await DuckDBInstance.create(path.join(dir, 'db.duckdb'));
		const connection = await instance.connect();
		const read = await readExport(file, connection, dir, KEY);
		const staged = await stagedRows(connection);
		connection.closeSync();
		instance.closeSync();

		expect(read.rows).toBe(AWKWARD.length + 3);
		expect(staged).toEqual(expected);
		// What the comparison covers: every awkward value, and empty apart from missing.
		expect(expected.map((r) => r.workplace)).toEqual(expect.arrayContaining(AWKWARD));
		// readCsv stages an empty cell, quoted or not, and a missing one as NULL; so does the pipe.
		expect(expected.slice(-2).map((r) => [r.commune, r.workplace, r.status])).toEqual([
			[null, null, null],
			[null, null, null]
		]);
	}, 60_000);
});
