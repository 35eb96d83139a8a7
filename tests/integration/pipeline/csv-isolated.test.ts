/**
 * The CSV reading process (read/csv-isolated.ts) as a hostile file and an operator see it: a file
 * larger than the memory limit, a reading process that fails half way, a loading process killed
 * mid-read, and values that must cross the pipe unchanged.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../../pipeline/errors.ts';
import { readCsvIsolated } from '../../../pipeline/read/csv-isolated.ts';
import { createStaging } from '../../../pipeline/read/staging.ts';
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
async function readWith(script: string) {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-isolated-'));
	const file = await writeCsv(path.join(dir, 'xa.csv'), rows(3));
	const instance = await DuckDBInstance.create(path.join(dir, 'db.duckdb'));
	const connection = await instance.connect();
	await createStaging(connection);
	const child = fileURLToPath(new URL(`../../support/reading-process/${script}`, import.meta.url));
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
