/**
 * `setup`: a province's data directory from a GSO catalogue and a national boundary file, then
 * used as it is by `units` and `progress` through --data. Mandatory coverage runs on the small
 * fixture in the national files' layout; one test runs on the national files when present.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadPresets } from '../../../src/lib/server/config.ts';
import { readUnitList } from '../../../pipeline/units.ts';
import { pipeline } from '../../support/province.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/gso');
const CATALOGUE = path.join(FIXTURES, 'units.csv');
const BOUNDARIES = path.join(FIXTURES, 'districts.geojson');

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'cdht-setup-'));

function setup(out: string, province: string, ...more: string[]) {
	return pipeline([
		'setup',
		'--province',
		province,
		'--units',
		CATALOGUE,
		'--boundaries',
		BOUNDARIES,
		'--out',
		out,
		'--year',
		'2023',
		...more
	]);
}

describe('setup', () => {
	it('writes a data directory that the other commands use as it is', async () => {
		const out = path.join(tempDir(), 'quang-ngai');
		const result = await setup(out, '51');
		expect(result.code, result.text).toBe(0);
		expect(result.lines).toEqual([
			'✓ Tỉnh Quảng Ngãi (51): 3 đơn vị cấp huyện, 4 đơn vị cấp xã',
			'  Huyện Lý Sơn (536): không có xã trong danh mục GSO, lấy từ tệp ranh giới',
			`Điền số đối tượng, cơ quan và lực lượng vũ trang theo ${out}/README.md, rồi: npm run pipeline -- units ${out}/units.csv --data ${out}`,
			`→ đã ghi ${out}/ (config.json, units.csv, targets/quang-ngai-2023.json, README.md, reference/quang-ngai-districts.geojson)`
		]);

		const config = loadConfig(out);
		expect(config.province).toEqual({ code: '51', name: 'Tỉnh Quảng Ngãi' });
		expect(config.database).toBe(path.join(out, 'cdht.duckdb'));
		expect(config.defaultPreset).toBe('quang-ngai-2023');
		expect(config.simulated).toBe(false);

		const units = await readUnitList(path.join(out, 'units.csv'));
		expect(units.map((u) => [u.code, u.kind, u.parent])).toEqual([
			['51', 'province', null],
			['524', 'district', '51'],
			['21040', 'commune', '524'],
			['21046', 'commune', '524'],
			['21091', 'commune', '524'],
			['527', 'district', '51'],
			['21175', 'commune', '527'],
			['536', 'district', '51']
		]);
		expect(units.every((u) => u.eligible === null && !u.confidential)).toBe(true);

		const [preset] = loadPresets(config);
		expect(preset!.id).toBe('quang-ngai-2023');
		expect(preset!.targets.map((t) => [t.appliesTo, t.threshold, t.start, t.deadline])).toEqual([
			[{ kind: 'agency' }, 1, '2023-01-01', '2023-12-31'],
			[{ kind: 'armed_force' }, 1, '2023-01-01', '2023-12-31'],
			[{ kind: 'district' }, 0.4, '2023-01-01', '2023-12-31']
		]);

		const shapes = JSON.parse(readFileSync(config.boundaries!, 'utf8')) as {
			features: { properties: { code: string } }[];
		};
		expect(shapes.features.map((f) => f.properties.code)).toEqual(['524', '527', '536']);

		const readme = readFileSync(path.join(out, 'README.md'), 'utf8');
		expect(readme).toContain('**Số đối tượng**');
		expect(readme).toContain('**Eligible counts**');
		expect(readme).toContain(`npm run pipeline -- units ${out}/units.csv --data ${out}`);

		const loaded = await pipeline(['units', path.join(out, 'units.csv'), '--data', out]);
		expect(loaded.code, loaded.text).toBe(0);
		expect(loaded.lines.at(-1)).toBe(`→ đã ghi ${path.join(out, 'cdht.duckdb')}`);
		expect(existsSync(path.join(out, 'cdht.duckdb'))).toBe(true);
	});

	it('refuses to write over a data directory unless --force, keeping what it replaces', async () => {
		const out = tempDir();
		writeFileSync(path.join(out, 'config.json'), '{ "database": "other.duckdb" }\n');
		const refused = await setup(out, '42');
		expect(refused.code).toBe(1);
		expect(refused.errors).toEqual([
			`✗ ${out} đã có config.json: chọn thư mục khác (--out <thư mục>) hoặc thêm --force để ghi đè (bản cũ giữ lại dạng .bak)`
		]);
		expect(readFileSync(path.join(out, 'config.json'), 'utf8')).toContain('other.duckdb');

		const forced = await setup(out, '42', '--force', '--lang', 'en');
		expect(forced.code, forced.text).toBe(0);
		expect(forced.lines).toContain('  previous version kept: config.json.bak');
		expect(readFileSync(path.join(out, 'config.json.bak'), 'utf8')).toContain('other.duckdb');
		expect(loadConfig(out).province).toEqual({ code: '42', name: 'Tỉnh Hà Tĩnh' });
	});

	it('sets up a province the boundary file lacks, without a map', async () => {
		const out = tempDir() + '/quang-tri';
		const result = await setup(out, '45', '--lang', 'en');
		expect(result.code, result.text).toBe(0);
		expect(result.lines).toContain(
			'! the boundary file has no district of this province: the map will say "no boundary"'
		);
		expect(loadConfig(out).boundaries).toBeNull();
		const units = await readUnitList(path.join(out, 'units.csv'));
		expect(units.map((u) => u.code)).toEqual(['45', '471']);
	});

	it('names what is missing on the command line and an unknown province', async () => {
		const usage = await pipeline(['setup', '--province', '51']);
		expect(usage.code).toBe(2);
		expect(usage.errors[0]).toMatch(/^setup: --units, --boundaries required, e\.g\. setup/);
		const unknown = await setup(tempDir(), '99');
		expect(unknown.code).toBe(1);
		expect(unknown.errors).toEqual([
			'✗ tệp units.csv: danh mục không có tỉnh mã “99” (có: 42 Tỉnh Hà Tĩnh, 45 Tỉnh Quảng Trị, 51 Tỉnh Quảng Ngãi, …)'
		]);
	});
});

describe('setup on real GSO files', () => {
	// The national files live beside the project, not in it (a CI clone has none); the vendored
	// Hà Tĩnh extract of the same catalogue and boundaries is in every clone.
	it('gives Hà Tĩnh every district, commune and boundary', async () => {
		const out = tempDir();
		const result = await pipeline([
			'setup',
			'--province',
			'42',
			'--units',
			path.resolve('data/reference/ha-tinh-units-2023-04-10.csv'),
			'--boundaries',
			path.resolve('data/reference/ha-tinh-districts.geojson'),
			'--out',
			out
		]);
		expect(result.code, result.text).toBe(0);
		const units = await readUnitList(path.join(out, 'units.csv'));
		expect(units.filter((u) => u.kind === 'district')).toHaveLength(13);
		expect(units.filter((u) => u.kind === 'commune')).toHaveLength(216);
		const config = loadConfig(out);
		const features = (
			JSON.parse(readFileSync(config.boundaries!, 'utf8')) as { features: unknown[] }
		).features;
		expect(features).toHaveLength(13);
	});
});
