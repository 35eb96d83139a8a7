/**
 * The dashboard in a real browser, on the built app serving a freshly imported simulated province.
 */
import { unflatten } from 'devalue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { armedUnitsIn, query as queryDatabase } from '../support/database.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { recount } from '../support/recount.ts';
import { openSession, screenshot, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');

const query = <T>(sql: string) => queryDatabase<T>(dbPath, sql);

const PAGES = [
	'/',
	'/districts',
	'/agencies',
	'/armed-forces',
	'/laggards',
	'/imports',
	'/units/444',
	'/units/CAT'
];

describe.skipIf(!inject('browserAvailable'))('dashboard in Chromium', () => {
	let session: Session;
	let latest: string;

	beforeAll(async () => {
		session = await openSession();
		latest = (await query<{ d: string }>('SELECT max(as_of)::VARCHAR AS d FROM import'))[0]!.d;
	});
	afterAll(() => session?.close());

	it('shows the province figures the database holds, without console errors', async () => {
		const { page, errors } = session;
		await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
		const expected = await recount(dbPath, latest, { code: '42', kind: 'province' });
		const registered = page.locator('.tile', { hasText: 'Đã đăng ký' }).locator('.value');
		await expect.poll(() => registered.textContent()).toBe(formatNumber(expected.registered, 'vi'));
		const recognised = page
			.locator('.tile', { hasText: 'Đạt danh hiệu' })
			.first()
			.locator('.value');
		expect(await recognised.textContent()).toBe(formatNumber(expected.recognised, 'vi'));
		await page.waitForSelector('.chart svg');
		await page.waitForSelector('.leaflet-interactive');
		await screenshot(page, 'overview-1280x720');
		expect(errors).toEqual([]);
	});

	it('lists the names that match no unit on the imports page, as the database holds them', async () => {
		const { page, errors } = session;
		const open = await query<{ raw: string; rows: number }>(
			'SELECT raw, rows FROM open_name ORDER BY rows DESC, field, raw'
		);
		expect(open.length).toBeGreaterThan(0);
		await page.goto(`${baseUrl}/imports`, { waitUntil: 'networkidle' });
		const section = page.locator('section.open-names');
		const total = open.reduce((s, n) => s + n.rows, 0);
		expect(await section.locator('p').first().textContent()).toContain(
			`${formatNumber(open.length, 'vi')} tên, ${formatNumber(total, 'vi')} dòng`
		);
		const first = section.locator('tbody tr').first().locator('td');
		expect(await first.nth(1).textContent()).toContain(`“${open[0]!.raw}”`);
		expect(await first.nth(2).textContent()).toBe(formatNumber(open[0]!.rows, 'vi'));
		expect(await section.locator('tbody tr').count()).toBe(open.length);
		expect(errors).toEqual([]);
	});

	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 1920, height: 1080 }
	]) {
		it(`renders every page at ${viewport.width}×${viewport.height} without console errors`, async () => {
			const s = await openSession(viewport);
			try {
				for (const path of PAGES) {
					const response = await s.page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
					expect(response?.status(), path).toBe(200);
					await s.page.waitForSelector('main h1');
					await screenshot(
						s.page,
						`page${path.replace(/\//g, '_') || '_'}-${viewport.width}x${viewport.height}`
					);
				}
				expect(s.errors).toEqual([]);
			} finally {
				await s.close();
			}
		});
	}

	it('opens a district page when the district is clicked on the map', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/districts?lang=en`, { waitUntil: 'networkidle' });
		const shape = page.locator('path.leaflet-interactive[aria-label^="Huyện Hương Khê"]');
		await shape.click();
		await page.waitForURL(/\/units\/444\?/);
		expect(await page.locator('main h1').textContent()).toContain('Huyện Hương Khê');
		expect(page.url()).toContain('lang=en');
		expect(await page.locator('caption', { hasText: 'Communes' }).count()).toBe(1);
	});

	it('lists exactly the units the database flags', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/laggards`, { waitUntil: 'networkidle' });
		const listed = await page
			.locator('[data-testid="laggards"] > li')
			.evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
		// The flags the database supports, recomputed here from the registrations: a district below
		// 40% or an agency or armed-force unit below 100% at the deadline (the latest snapshot is
		// 31/12/2023), and the units the activity sheet records without training or budget.
		const behind = await query<{ code: string }>(`
			WITH latest AS (
				SELECT r.*, row_number() OVER (PARTITION BY person_key ORDER BY i.as_of DESC, r.import_id DESC) AS k
				FROM registration r JOIN import i ON i.id = r.import_id
			), people AS (SELECT * FROM latest WHERE k = 1 AND status = 'recognised'),
			counted AS (
				SELECT u.code, u.kind, u.eligible,
					(SELECT count(*) FROM people p WHERE p.territory_code = u.code OR p.territory_code IN (SELECT code FROM unit c WHERE c.parent_code = u.code)
						OR p.organisation_code = u.code OR p.organisation_code IN (SELECT code FROM unit c WHERE c.parent_code = u.code)) AS recognised
				FROM unit u WHERE u.kind IN ('district', 'agency', 'armed_force')
			)
			SELECT code FROM counted
			WHERE recognised < eligible * CASE kind WHEN 'district' THEN 0.4 ELSE 1 END
			UNION
			SELECT unit_code FROM activity GROUP BY unit_code
			HAVING count(*) FILTER (WHERE type = 'training' AND people > 0) = 0
				OR bool_or(type = 'budget' AND amount = 0)`);
		expect(new Set(listed)).toEqual(new Set(behind.map((b) => b.code)));
		expect(listed.length).toBeGreaterThan(5);
		await screenshot(page, 'laggards');
	});

	it('shows no count of a confidential unit anywhere, only shares', async () => {
		const armed = await query<{ code: string; eligible: number }>(
			`SELECT code, eligible FROM unit WHERE confidential`
		);
		expect(armed.length).toBe(3);
		const counts: string[] = [];
		for (const unit of armed) {
			const c = await recount(dbPath, latest, { code: unit.code, kind: 'armed_force' });
			for (const n of [unit.eligible, c.registered, c.recognised]) {
				if (n >= 10) counts.push(formatNumber(n, 'vi'), formatNumber(n, 'en'), String(n));
			}
		}
		const shows = (text: string, count: string) =>
			new RegExp(`(?<![\\d.,])${count.replace(/[.,]/g, '\\$&')}(?![\\d.,])`).test(text);
		// What a person can read: the pages' text and the export.
		const { page } = session;
		for (const path of ['/armed-forces', ...armed.map((u) => `/units/${u.code}`), '/laggards']) {
			await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
			const text = await page.locator('body').innerText();
			for (const count of counts) expect(shows(text, count), `${path} shows ${count}`).toBe(false);
		}
		const csv = await (await fetch(`${baseUrl}/laggards/export.csv`)).text();
		for (const line of csv
			.split('\r\n')
			.filter((l) => armed.some((u) => l.startsWith(`${u.code},`)))) {
			for (const count of counts) expect(shows(line, count), `export shows ${count}`).toBe(false);
		}
		// What a program can read: every armed-force unit in the pages' data carries no count.
		for (const path of ['/armed-forces', '/laggards', ...armed.map((u) => `/units/${u.code}`)]) {
			const json = (await (await fetch(`${baseUrl}${path}/__data.json`)).json()) as {
				nodes: ({ data: unknown[] } | null)[];
			};
			const units = json.nodes.flatMap((node) =>
				node ? armedUnitsIn<UnitLike>(unflatten(node.data)) : []
			);
			expect(units.length, path).toBeGreaterThan(0);
			for (const unit of units) {
				expect([unit.eligible, unit.registered, unit.recognised], `${path} ${unit.code}`).toEqual([
					null,
					null,
					null
				]);
			}
		}
	});

	it('does not show the armed-forces group of a district, nor leave it as total minus parts', async () => {
		const json = (await (await fetch(`${baseUrl}/units/436/__data.json`)).json()) as {
			nodes: ({ data: unknown[] } | null)[];
		};
		const page = unflatten(json.nodes.at(-1)!.data) as {
			unit: {
				groups: { group: string; registered: number | null }[];
				funnel: { registered: number | null };
			};
		};
		const groups = page.unit.groups;
		expect(groups.some((g) => g.group === 'armed_forces')).toBe(false);
		// Merged into another group: the parts add up to the total, nothing is left over.
		expect(groups.length).toBeGreaterThan(0);
		expect(groups.reduce((s, g) => s + (g.registered ?? 0), 0)).toBe(page.unit.funnel.registered);
	});
});

interface UnitLike {
	code: string;
	kind: string;
	eligible: unknown;
	registered: unknown;
	recognised: unknown;
}
