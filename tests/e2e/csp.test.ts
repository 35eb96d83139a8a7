/**
 * The Content-Security-Policy: even if a text from data ever reached the page as HTML, an inline
 * script or event handler in it would not run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');

describe.skipIf(!inject('browserAvailable'))('Content-Security-Policy in Chromium', () => {
	let session: Session;

	beforeAll(async () => {
		session = await openSession();
	});
	afterAll(() => session?.close());

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
		expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
	});
});
