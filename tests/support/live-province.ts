/**
 * A simulated province served by the app's own modules: built by buildProvince, given the
 * repository's targets and a config.json, and made the data directory (CDHT_DATA) of the live
 * database. closeLiveProvince undoes all of it.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeLiveDatabases } from '../../src/lib/server/db.ts';
import { buildProvince, type Province } from './province.ts';

export async function openLiveProvince(rows: number): Promise<Province> {
	const province = await buildProvince(rows);
	cpSync(path.resolve('data/targets'), path.join(province.dir, 'targets'), { recursive: true });
	writeFileSync(
		path.join(province.dir, 'config.json'),
		JSON.stringify({ database: 'cdht.duckdb', defaultPreset: 'ha-tinh-2023' })
	);
	process.env.CDHT_DATA = province.dir;
	return province;
}

export async function closeLiveProvince(province: Province | undefined): Promise<void> {
	await closeLiveDatabases();
	delete process.env.CDHT_DATA;
	if (province) rmSync(province.dir, { recursive: true, force: true });
}
