/**
 * Text from data is text: a district named `<img src=x onerror=…>` (see setup.ts) shows as those
 * characters on the map and in every table, and no script runs. The Content-Security-Policy is
 * the second wall: even markup injected as HTML cannot run an inline handler.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Page, type Session } from './browser.ts';
import { HOSTILE_UNIT } from './setup.ts';

const baseUrl = inject('baseUrl');

const xss = (page: Page) => page.evaluate(() => (window as { __xss?: number }).__xss);

describe.skipIf(!inject('browserAvailable'))('escaping and CSP in Chromium', () => {
	let session: Session;

	beforeAll(async () => {
		session = await openSession();
	});
	afterAll(() => session?.close());

	for (const path of ['/', '/districts', '/?lang=en', '/districts?lang=en']) {
		it(`shows the HTML-carrying name as text on ${path}, running nothing`, async () => {
			const { page } = session;
			await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
			const shape = page.locator(
				`path.leaflet-interactive[aria-label^=${JSON.stringify(HOSTILE_UNIT.name)}]`
			);
			await shape.focus();
			const tooltip = page.locator('.leaflet-tooltip', { hasText: HOSTILE_UNIT.name }).first();
			await tooltip.waitFor();
			expect(await page.locator('.leaflet-tooltip-pane img').count()).toBe(0);
			expect(await page.locator('main img[src="x"]').count()).toBe(0);
			expect(await xss(page)).toBeUndefined();
		});
	}

	it('allows only our own scripts', async () => {
		const policy = (await fetch(`${baseUrl}/districts`)).headers.get('content-security-policy');
		const scriptSrc = policy?.split(';').find((d) => d.trim().startsWith('script-src'));
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).not.toContain('unsafe-inline');
	});

	it('blocks an inline handler injected as HTML, while the page itself runs', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/districts`, { waitUntil: 'networkidle' });
		await page.waitForSelector('.leaflet-interactive');
		await page.evaluate(() => {
			const box = document.createElement('div');
			box.innerHTML = '<img src=x onerror="window.__xss=1">';
			document.body.append(box);
		});
		await page.waitForTimeout(300);
		expect(await xss(page)).toBeUndefined();
	});
});
