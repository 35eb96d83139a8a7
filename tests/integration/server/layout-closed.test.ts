/**
 * A closed dashboard's login page is served through the layout: a visitor who may not read must
 * learn nothing of the data there (snapshot dates, preset names).
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../src/lib/access.ts';
import { closeLiveDatabases } from '../../../src/lib/server/db.ts';
import { load } from '../../../src/routes/+layout.server.ts';
import { buildProvince, type Province } from '../../support/province.ts';

let province: Province;
const URL_ = new URL('http://localhost/login');

/** Writes config.json and waits out the server's half-second between checks of it. */
async function configure(isPublic: boolean) {
	const file = path.join(province.dir, 'config.json');
	writeFileSync(
		file,
		JSON.stringify({ database: 'cdht.duckdb', defaultPreset: 'ha-tinh-2023', public: isPublic })
	);
	await new Promise((resolve) => setTimeout(resolve, 600));
}

const loadAs = (user: User | null) =>
	load({ locals: { user }, url: URL_ } as unknown as Parameters<typeof load>[0]) as Promise<{
		snapshots: string[];
		presets: unknown[];
	}>;

beforeAll(async () => {
	province = await buildProvince(300);
	cpSync(path.resolve('data/targets'), path.join(province.dir, 'targets'), { recursive: true });
	process.env.CDHT_DATA = province.dir;
});
afterAll(async () => {
	await closeLiveDatabases();
	delete process.env.CDHT_DATA;
	rmSync(province.dir, { recursive: true, force: true });
});

describe('the layout of a closed dashboard', () => {
	it('gives an anonymous visitor no snapshot dates and no preset names', async () => {
		await configure(false);
		const anonymous = await loadAs(null);
		expect(anonymous.snapshots).toEqual([]);
		expect(anonymous.presets).toEqual([]);
		const viewer = await loadAs({ name: 'vy', role: 'viewer', unitCode: null });
		expect(viewer.snapshots.length).toBeGreaterThan(0);
		expect(viewer.presets.length).toBeGreaterThan(0);
	});

	it('gives them to everybody when the dashboard is public', async () => {
		await configure(true);
		const anonymous = await loadAs(null);
		expect(anonymous.snapshots.length).toBeGreaterThan(0);
		expect(anonymous.presets.length).toBeGreaterThan(0);
	});
});
