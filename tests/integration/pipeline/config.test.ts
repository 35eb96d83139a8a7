/**
 * The data directory on the command line: --data picks it (and its database), and a mistake in
 * config.json or a preset is one line naming the file and the field, never a stack trace.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, row, writeCsv } from '../../support/exports.ts';
import { QUANG_NGAI_UNITS } from '../../support/quang-ngai.ts';
import { pipeline } from '../../support/province.ts';

/** A copy of the demo's configuration and presets, database elsewhere. */
function dataCopy(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-data-'));
	cpSync(path.resolve('data/targets'), path.join(dir, 'targets'), { recursive: true });
	writeFileSync(
		path.join(dir, 'config.json'),
		JSON.stringify({ database: 'province.duckdb', defaultPreset: 'ha-tinh-2023' }, null, '\t')
	);
	return dir;
}

function writeUnits(dir: string): string {
	const file = path.join(dir, 'units.csv');
	writeFileSync(file, QUANG_NGAI_UNITS + '\n');
	return file;
}

describe('--data', () => {
	it('writes to the database its config.json names, unless --db says otherwise', async () => {
		const dir = dataCopy();
		const units = writeUnits(dir);
		const result = await pipeline(['units', units, '--data', dir]);
		expect(result.code, result.text).toBe(0);
		expect(result.lines.at(-1)).toBe(`→ đã ghi ${path.join(dir, 'province.duckdb')}`);
		expect(existsSync(path.join(dir, 'province.duckdb'))).toBe(true);

		const other = path.join(dir, 'other.duckdb');
		const dry = await pipeline(['units', units, '--data', dir, '--db', other, '--dry-run']);
		expect(dry.lines.at(-1)).toBe(`Chạy thử (--dry-run): không ghi gì vào ${other}.`);
		expect(existsSync(other)).toBe(false);
	});
});

describe('configuration mistakes', () => {
	it('names the preset, the field and how a share is written', async () => {
		const dir = dataCopy();
		const file = path.join(dir, 'targets/ha-tinh-2023.json');
		writeFileSync(file, readFileSync(file, 'utf8').replace('"threshold": 0.4', '"threshold": 40'));
		const result = await pipeline(['progress', '--data', dir]);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			`✗ ${file}: $.targets[2].threshold = 40: tỉ lệ viết dạng số thập phân, 40% viết là 0.4`
		]);
		const en = await pipeline(['progress', '--data', dir, '--lang', 'en']);
		expect(en.errors).toEqual([
			`✗ ${file}: $.targets[2].threshold = 40: a share is written as a decimal: 40% is 0.4`
		]);
	});

	it('names the line and column of a trailing comma in config.json, for every command', async () => {
		const dir = dataCopy();
		const file = path.join(dir, 'config.json');
		writeFileSync(file, '{\n\t"database": "cdht.duckdb",\n\t"simulated": false,\n}\n');
		const units = await pipeline(['units', writeUnits(dir), '--data', dir]);
		expect(units.code).toBe(1);
		expect(units.errors).toEqual([
			`✗ ${file}, dòng 4, cột 1: dấu phẩy thừa ngay trước “}” hoặc “]”: xóa dấu phẩy đó`
		]);
		writeFileSync(file, '{ "database": "cdht.duckdb" "simulated": false }');
		const progress = await pipeline(['progress', '--data', dir, '--lang', 'en']);
		expect(progress.errors).toEqual([
			`✗ ${file}, line 1, column 29: not valid JSON (Expected ',' or '}' after property value)`
		]);
	});

	it('names a field of the wrong type in config.json', async () => {
		const dir = dataCopy();
		const file = path.join(dir, 'config.json');
		writeFileSync(file, '{ "database": 5 }');
		const result = await pipeline(['imports', '--data', dir]);
		expect(result.errors).toEqual([
			`✗ ${file}: $.database = 5: cần một đoạn chữ (đường dẫn tệp) hoặc null`
		]);
		writeFileSync(file, '{ "simulated": "yes" }');
		const again = await pipeline(['imports', '--data', dir, '--lang', 'en']);
		expect(again.errors).toEqual([`✗ ${file}: $.simulated = "yes": expected true or false`]);
	});

	it('takes the first preset when config.json names none, and says where presets go when none exist', async () => {
		const dir = dataCopy();
		writeFileSync(path.join(dir, 'config.json'), '{ "database": "province.duckdb" }');
		expect((await pipeline(['units', writeUnits(dir), '--data', dir])).code).toBe(0);
		const file = await writeCsv(path.join(dir, 'dk.csv'), [
			['Tính đến ngày 31/10/2023'],
			HEADER,
			row(1, { district: 'Huyện Bình Sơn', commune: 'Xã Bình Thạnh' })
		]);
		expect((await pipeline(['ingest', file, '--data', dir])).code).toBe(0);
		const progress = await pipeline(['progress', '--json', '--data', dir]);
		expect(progress.code, progress.text).toBe(0);
		expect(JSON.parse(progress.lines.join('\n'))).toMatchObject({ preset: 'cu-chi-2023' });

		rmSync(path.join(dir, 'targets'), { recursive: true });
		const none = await pipeline(['progress', '--data', dir]);
		expect(none.code).toBe(1);
		expect(none.errors).toEqual([
			`✗ chưa có bộ chỉ tiêu nào trong ${path.join(dir, 'targets')}: tạo bằng “npm run pipeline -- setup” hoặc chép một tệp chỉ tiêu .json vào đó`
		]);
	});
});
