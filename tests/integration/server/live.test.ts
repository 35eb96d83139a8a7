/**
 * The dashboard keeps serving while the pipeline imports: it reads the live file, and sees the
 * new data once the pipeline has swapped its working copy in.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeLiveDatabases, liveDatabase } from '../../../src/lib/server/db.ts';
import { listImports } from '../../../src/lib/server/imports.ts';
import { cachedUnits, watchedSettings } from '../../../src/lib/server/live.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';
import { QUANG_NGAI_UNITS } from '../../support/quang-ngai.ts';

const afterCheckInterval = () => new Promise((r) => setTimeout(r, 600));

afterAll(() => closeLiveDatabases());

describe('liveDatabase', () => {
	it('answers "no data" before the first import, then follows each swap', async () => {
		const { dir, db } = await freshDatabase();
		expect(await liveDatabase(path.join(dir, 'missing.duckdb'))).toBeNull();

		const first = await liveDatabase(db);
		expect(first).not.toBeNull();
		expect(await listImports(first!.kysely)).toEqual([]);

		const file = await writeCsv(path.join(dir, 'a.csv'), [
			['Tính đến ngày 30/06/2023'],
			HEADER,
			row(1)
		]);
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		// The old handle still answers queries already under way…
		expect(await listImports(first!.kysely)).toEqual([]);
		// …and after the check interval the server reopens the new file.
		await afterCheckInterval();
		const second = await liveDatabase(db);
		expect(second).not.toBe(first);
		expect((await listImports(second!.kysely)).map((i) => i.file)).toEqual(['a.csv']);
	});
});

describe('watchedSettings', () => {
	it('picks up an edited config.json or preset, keeping the last good one over a broken edit', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'cdht-live-'));
		cpSync(path.resolve('data/targets'), path.join(dir, 'targets'), { recursive: true });
		const config = path.join(dir, 'config.json');
		writeFileSync(config, '{ "defaultPreset": "ha-tinh-2023" }');
		const logged: string[] = [];
		const settings = watchedSettings(
			() => dir,
			(line) => logged.push(line)
		);
		const threshold = () =>
			settings().presets[0]!.targets.find((t) => t.id === 'districts')!.threshold;
		expect(settings().presets.map((p) => p.id)).toEqual(['ha-tinh-2023', 'cu-chi-2023']);
		expect(threshold()).toBe(0.4);

		writeFileSync(config, '{ "defaultPreset": "cu-chi-2023", "simulated": true }');
		const preset = path.join(dir, 'targets/ha-tinh-2023.json');
		const text = readFileSync(preset, 'utf8');
		writeFileSync(preset, text.replace('"threshold": 0.4', '"threshold": 0.45'));
		expect(settings().config.simulated).toBe(false); // within the check interval
		await afterCheckInterval();
		expect(settings().config.simulated).toBe(true);
		expect(settings().presets.map((p) => p.id)).toEqual(['cu-chi-2023', 'ha-tinh-2023']);
		expect(settings().presets[1]!.targets.find((t) => t.id === 'districts')!.threshold).toBe(0.45);

		writeFileSync(preset, text.replace('"threshold": 0.4', '"threshold": 40'));
		await afterCheckInterval();
		expect(settings().presets.map((p) => p.id)).toEqual(['cu-chi-2023', 'ha-tinh-2023']);
		await afterCheckInterval();
		settings();
		expect(logged).toEqual([
			`cdht: ${preset}: $.targets[2].threshold = 40: a share is written as a decimal: 40% is 0.4 (the previous settings stay in use)`
		]);

		writeFileSync(config, '{ "defaultPreset": "ha-tinh-2023" }');
		writeFileSync(preset, text);
		await afterCheckInterval();
		expect(threshold()).toBe(0.4);
	});

	it('sees a unit list loaded by the units command through the reopened database', async () => {
		const { dir, db } = await freshDatabase();
		const before = await liveDatabase(db);
		expect((await cachedUnits(before!)).find((u) => u.kind === 'province')?.code).toBe('42');
		const units = path.join(dir, 'quang-ngai.csv');
		writeFileSync(units, QUANG_NGAI_UNITS + '\n');
		expect((await pipeline(['units', units, '--db', db])).code).toBe(0);
		await afterCheckInterval();
		const after = await liveDatabase(db);
		expect(after).not.toBe(before);
		expect((await cachedUnits(after!)).find((u) => u.kind === 'province')?.code).toBe('51');
	});
});
