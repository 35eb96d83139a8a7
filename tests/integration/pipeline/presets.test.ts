/**
 * `presets`, `presets add` and `presets remove` on a copy of the demo's data directory: a preset
 * is validated before anything is written, written whole as targets/<id>.json, and the default
 * or last preset is never removed.
 */
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, loadPresets } from '../../../src/lib/server/config.ts';
import { pipeline } from '../../support/province.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataCopy(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-presets-'));
	dirs.push(dir);
	cpSync(path.resolve('data/targets'), path.join(dir, 'targets'), { recursive: true });
	writeFileSync(
		path.join(dir, 'config.json'),
		JSON.stringify({ database: 'cdht.duckdb', defaultPreset: 'ha-tinh-2023' })
	);
	return dir;
}

/** The Hà Tĩnh preset under another id, with a changed district threshold. */
function variant(dir: string, id: string, threshold: unknown): string {
	const json = JSON.parse(readFileSync(path.join(dir, 'targets/ha-tinh-2023.json'), 'utf8'));
	json.id = id;
	json.name = { vi: 'Hà Tĩnh 2024', en: 'Hà Tĩnh 2024' };
	json.targets[2].threshold = threshold;
	const file = path.join(dir, `upload-${id.replace(/\W/g, '_')}.json`);
	writeFileSync(file, JSON.stringify(json));
	return file;
}

const targetsOf = (dir: string) => readdirSync(path.join(dir, 'targets')).sort();

describe('presets', () => {
	it('lists the presets, the default marked', async () => {
		const dir = dataCopy();
		const result = await pipeline(['presets', '--data', dir]);
		expect(result.code, result.text).toBe(0);
		expect(result.lines).toEqual([
			`cu-chi-2023  Củ Chi 2023 — 4 chỉ tiêu (${path.join(dir, 'targets/cu-chi-2023.json')})`,
			`ha-tinh-2023 *  Hà Tĩnh 2023 — 3 chỉ tiêu (${path.join(dir, 'targets/ha-tinh-2023.json')})`
		]);
	});

	it('adds a valid preset as <id>.json that the dashboard reads', async () => {
		const dir = dataCopy();
		const file = variant(dir, 'ha-tinh-2024', 0.45);
		const result = await pipeline(['presets', 'add', file, '--data', dir]);
		expect(result.code, result.text).toBe(0);
		expect(result.lines[0]).toBe('✓ bộ chỉ tiêu mới ha-tinh-2024 (Hà Tĩnh 2024): 3 chỉ tiêu');
		expect(result.lines[1]).toBe(`→ đã ghi ${path.join(dir, 'targets/ha-tinh-2024.json')}`);
		expect(targetsOf(dir)).toEqual(['cu-chi-2023.json', 'ha-tinh-2023.json', 'ha-tinh-2024.json']);
		const added = loadPresets(loadConfig(dir)).find((p) => p.id === 'ha-tinh-2024')!;
		expect(added.targets[2]!.threshold).toBe(0.45);
	});

	it('replaces the preset of the same id, even in a file of another name', async () => {
		const dir = dataCopy();
		const old = path.join(dir, 'targets/cu-chi-2023.json');
		cpSync(old, path.join(dir, 'targets/old-name.json'));
		rmSync(old);
		const file = variant(dir, 'cu-chi-2023', 0.5);
		const result = await pipeline(['presets', 'add', file, '--data', dir, '--lang', 'en']);
		expect(result.code, result.text).toBe(0);
		expect(result.lines[0]).toBe(
			'✓ preset cu-chi-2023 (Hà Tĩnh 2024) replaces the previous one: 3 targets'
		);
		expect(targetsOf(dir)).toEqual(['cu-chi-2023.json', 'ha-tinh-2023.json']);
	});

	it('refuses an invalid preset in one line naming the file and the field, writing nothing', async () => {
		const dir = dataCopy();
		const before = targetsOf(dir);
		const file = variant(dir, 'ha-tinh-2024', 40);
		const result = await pipeline(['presets', 'add', file, '--data', dir]);
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			`✗ ${file}: $.targets[2].threshold = 40: tỉ lệ viết dạng số thập phân, 40% viết là 0.4`
		]);
		expect(targetsOf(dir)).toEqual(before);
	});

	it('refuses an id that would leave the targets folder', async () => {
		const dir = dataCopy();
		const file = variant(dir, '../config', 0.4);
		const result = await pipeline(['presets', 'add', file, '--data', dir, '--lang', 'en']);
		expect(result.code).toBe(1);
		expect(result.errors[0]).toMatch(/\$\.id = "\.\.\/config": a preset id is also its file name/);
		expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')).database).toBe(
			'cdht.duckdb'
		);
	});

	it('writes nothing on a dry run', async () => {
		const dir = dataCopy();
		const file = variant(dir, 'ha-tinh-2024', 0.45);
		const result = await pipeline(['presets', 'add', file, '--data', dir, '--dry-run']);
		expect(result.code, result.text).toBe(0);
		expect(result.lines.at(-1)).toMatch(/^Chạy thử \(--dry-run\)/);
		expect(existsSync(path.join(dir, 'targets/ha-tinh-2024.json'))).toBe(false);
	});

	it('removes a preset, but never the default one, the last one or an unknown one', async () => {
		const dir = dataCopy();
		const refused = await pipeline(['presets', 'remove', 'ha-tinh-2023', '--data', dir]);
		expect(refused.code).toBe(1);
		expect(refused.errors[0]).toMatch(/bộ chỉ tiêu mặc định/);
		const unknown = await pipeline(['presets', 'remove', 'x', '--data', dir, '--lang', 'en']);
		expect(unknown.errors).toEqual([
			'✗ no preset has the id "x" (there are: cu-chi-2023, ha-tinh-2023)'
		]);
		const removed = await pipeline(['presets', 'remove', 'cu-chi-2023', '--data', dir]);
		expect(removed.code, removed.text).toBe(0);
		expect(removed.lines[0]).toBe('✓ đã xóa bộ chỉ tiêu cu-chi-2023 (Củ Chi 2023)');
		expect(targetsOf(dir)).toEqual(['ha-tinh-2023.json']);
		writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ database: 'cdht.duckdb' }));
		const last = await pipeline(['presets', 'remove', 'ha-tinh-2023', '--data', dir]);
		expect(last.code).toBe(1);
		expect(last.errors[0]).toMatch(/bộ chỉ tiêu duy nhất/);
	});

	it('says how to use it on a wrong action', async () => {
		const dir = dataCopy();
		const result = await pipeline(['presets', 'edit', 'x', '--data', dir]);
		expect(result.code).toBe(2);
		expect(result.errors[0]).toMatch(/^unknown presets action "edit": presets \| presets add/);
	});
});
