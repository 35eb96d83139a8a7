/**
 * The analysts' downloads from the pages: every table links the CSV and Arrow files of the view
 * shown, and following a link downloads that file from the built app.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { query } from '../support/database.ts';
import { openSession, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');

const PAGES = ['/', '/districts', '/agencies', '/armed-forces', '/laggards', '/units/444'];

describe.skipIf(!inject('browserAvailable'))('data downloads linked from the pages', () => {
	let session: Session;
	let earliest: string;

	beforeAll(async () => {
		session = await openSession();
		const rows = await query<{ d: string }>(dbPath, 'SELECT min(as_of)::VARCHAR AS d FROM import');
		earliest = rows[0]!.d;
	});
	afterAll(() => session?.close());

	it.each(PAGES)(
		'%s links both files for its day and preset, labelled in its language',
		async (path) => {
			const { page, errors } = session;
			const view = `asOf=${earliest}&preset=cu-chi-2023&lang=en`;
			await page.goto(`${baseUrl}${path}?${view}`, { waitUntil: 'networkidle' });
			const links = page.getByTestId('data-links').first().locator('a');
			expect(await links.allTextContents()).toEqual(['Download CSV', 'Download Arrow']);
			const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(hrefs).toEqual([
				`/data/progress.csv?asOf=${earliest}&preset=cu-chi-2023&lang=en`,
				`/data/progress.arrow?asOf=${earliest}&preset=cu-chi-2023&lang=en`
			]);
			expect(errors).toEqual([]);
		}
	);

	it('downloads the files the links name, with their day in the name', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/districts?asOf=${earliest}`, { waitUntil: 'networkidle' });
		const links = page.getByTestId('data-links').first().locator('a');
		const [csv] = await Promise.all([page.waitForEvent('download'), links.nth(0).click()]);
		expect(csv.suggestedFilename()).toBe(`progress-${earliest}-ha-tinh-2023.csv`);
		const [arrow] = await Promise.all([page.waitForEvent('download'), links.nth(1).click()]);
		expect(arrow.suggestedFilename()).toBe(`progress-${earliest}-ha-tinh-2023.arrow`);
		const { readFile } = await import('node:fs/promises');
		const table = tableFromIPC(await readFile((await arrow.path())!));
		const units = await query<{ n: number }>(dbPath, 'SELECT count(*)::INTEGER AS n FROM unit');
		expect(table.numRows).toBe(units[0]!.n);
	});
});
