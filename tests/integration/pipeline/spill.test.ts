/**
 * No personal value reaches DuckDB's spill files: with a small memory limit DuckDB writes blocks
 * of its tables to `<database>.work-<pid>.tmp/`; the CSV reader keys the ID number and cuts the
 * birth date to its year inside its read query, so no block it could spill holds either.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, HEADER, id, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

/** Every synthetic ID (id(n)), birth date, name and phone of the file below. */
const PERSONAL = /0420900\d{5}|\d\d\/05\/19\d\d|Người Thử|0977\d{6}/;

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));
}

/**
 * Runs `ingest file` while scanning every file under `dir` (the export aside) that changed, every
 * 20 ms: returns the files seen and those that held a personal value, with the value.
 */
async function ingestScanning(file: string, dir: string, db: string) {
	const seen = new Set<string>();
	const leaks = new Set<string>();
	const sizes = new Map<string, number>();
	const scan = () => {
		for (const f of filesUnder(dir)) {
			if (f === file) continue;
			const size = statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? -1;
			if (sizes.get(f) === size) continue;
			sizes.set(f, size);
			seen.add(path.relative(dir, f));
			try {
				const found = readFileSync(f).toString('latin1').match(PERSONAL);
				if (found) leaks.add(`${path.relative(dir, f)}: ${found[0]}`);
			} catch {
				// Removed between listing and reading.
			}
		}
	};
	const poll = setInterval(scan, 20);
	const result = await pipeline(['ingest', file, '--db', db]);
	clearInterval(poll);
	scan();
	return { result, seen: [...seen], leaks: [...leaks] };
}

/** 150,000 rows (IDs repeat: the later rows are duplicates), birth dates and phones included. */
function people(short: (n: number) => boolean): string[][] {
	const header = [...HEADER, 'Ngày sinh', 'Số điện thoại'];
	const rows = [['Tính đến ngày 31/12/2023'], header];
	for (let n = 1; n <= 150_000; n++) {
		const cells = row(n, { id: id((n % 99_999) + 1) });
		const birth = `${String(1 + (n % 28)).padStart(2, '0')}/05/19${10 + (n % 90)}`;
		// A short row: written without its trailing cells (the date of recognition on).
		rows.push(
			short(n) ? cells.slice(0, 8) : [...cells, birth, `0977${String(n).padStart(6, '0')}`]
		);
	}
	return rows;
}

let limit: string | undefined;
beforeEach(() => {
	limit = process.env.CDHT_MEMORY_LIMIT;
	process.env.CDHT_MEMORY_LIMIT = '100MB';
});
afterEach(() => {
	if (limit === undefined) delete process.env.CDHT_MEMORY_LIMIT;
	else process.env.CDHT_MEMORY_LIMIT = limit;
});

describe('a UTF-8 CSV read under memory pressure', () => {
	for (const [reader, short] of [
		['parallel', () => false],
		// More short rows than the parallel reader sets aside: the serial reader reads the file.
		['serial', (n: number) => n % 100 === 0]
	] as const)
		it(`spills no ID, birth date, name or phone to disk (${reader} reader)`, async () => {
			const { dir, db } = await freshDatabase();
			const file = await writeCsv(path.join(dir, `spill-${reader}.csv`), people(short));
			const { result, seen, leaks } = await ingestScanning(file, dir, db);
			expect(result.code, result.text).toBe(0);
			expect(result.text).toMatch(/150\.000 dòng đọc, 99\.999 nhận/);
			// DuckDB did spill: the test looked at its files.
			expect(seen.some((f) => f.includes('.tmp/'))).toBe(true);
			expect(leaks).toEqual([]);
		}, 180_000);
});
