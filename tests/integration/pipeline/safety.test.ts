/**
 * An import is all or nothing: refused, corrupt or killed, it leaves the previous data exactly as
 * it was — byte for byte — and the next import works.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	existsSync,
	readdirSync,
	readFileSync,
	truncateSync,
	writeFileSync,
	copyFileSync,
	statSync
} from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../pipeline/demo/generate.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
let db: string;
let exports: { file: string }[];

beforeAll(async () => {
	({ dir, db } = await freshDatabase());
	const first = await writeCsv(path.join(dir, 'first.csv'), [
		['Tính đến ngày 30/06/2023'],
		HEADER,
		row(1),
		row(2)
	]);
	expect((await pipeline(['ingest', first, '--db', db])).code).toBe(0);
	({ exports } = await generate({
		out: path.join(dir, 'big'),
		rows: 60_000,
		snapshots: 'final',
		formats: ['csv', 'xlsx']
	}));
});

describe('refused files', () => {
	it('refuses a truncated XLSX, naming the file, and changes nothing', async () => {
		const before = sha(db);
		const broken = path.join(dir, 'broken.xlsx');
		copyFileSync(exports[1]!.file, broken);
		truncateSync(broken, Math.floor(statSync(broken).size / 2));
		const result = await pipeline(['ingest', broken, '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors[0]).toMatch(/^✗ tệp broken\.xlsx: tệp bị hỏng, không đọc được \(/);
		expect(sha(db)).toBe(before);
	});

	it('refuses a binary that is not an export, and an old .xls', async () => {
		const before = sha(db);
		const xls = path.join(dir, 'old.xls');
		writeFileSync(
			xls,
			Buffer.concat([
				Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
				Buffer.alloc(512)
			])
		);
		const result = await pipeline(['ingest', xls, '--db', db, '--lang', 'en']);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual(['✗ file old.xls: not a CSV or XLSX file']);
		expect(sha(db)).toBe(before);
	});

	it('refuses the whole command when one file of several is refused', async () => {
		const before = sha(db);
		const good = await writeCsv(path.join(dir, 'good.csv'), [
			['Tính đến ngày 31/07/2023'],
			HEADER,
			row(3)
		]);
		const bad = await writeCsv(path.join(dir, 'bad.csv'), [
			['Tính đến ngày 31/07/2023'],
			['STT', 'Họ và tên', 'Số CCCD', 'Ngày đăng ký'],
			['1', 'A', '042090000001', '01/07/2023']
		]);
		const result = await pipeline(['ingest', good, bad, '--db', db]);
		expect(result.code).toBe(1);
		expect(result.errors[0]).toContain(
			'tệp bad.csv: thiếu cột “Huyện/Thị xã/Thành phố”, “Trạng thái”'
		);
		expect(sha(db)).toBe(before);
	});

	it('reports a dry run and changes nothing', async () => {
		const before = sha(db);
		const result = await pipeline(['ingest', exports[0]!.file, '--dry-run', '--db', db]);
		expect(result.code).toBe(0);
		expect(result.text).toContain(`Chạy thử (--dry-run): không ghi gì vào ${db}.`);
		expect(sha(db)).toBe(before);
	});
});

describe('a killed import', () => {
	it('leaves the previous data as it was, and the next import takes over its lock', async () => {
		const before = sha(db);
		const child = spawn(
			path.join(ROOT, 'node_modules/.bin/node'),
			['pipeline/bin.ts', 'ingest', exports[0]!.file, '--db', db],
			{ cwd: ROOT, stdio: 'ignore' }
		);
		const work = `${db}.work-${child.pid}`;
		// Kill it while it works on its copy: the copy exists from the first moment of the import.
		for (let i = 0; i < 400 && !existsSync(work); i++) await new Promise((r) => setTimeout(r, 25));
		expect(existsSync(work)).toBe(true);
		await new Promise((r) => setTimeout(r, 300));
		child.kill('SIGKILL');
		await new Promise((r) => child.once('exit', r));
		expect(sha(db)).toBe(before);
		expect(existsSync(`${db}.lock`)).toBe(true);

		const result = await pipeline(['ingest', exports[0]!.file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		expect(sha(db)).not.toBe(before);
		expect(readdirSync(dir).filter((f) => f.includes('.work-') || f.endsWith('.lock'))).toEqual([]);
	});
});
