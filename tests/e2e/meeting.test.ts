/**
 * Meeting mode in a real browser: stepped through with the keys a clicker sends, every slide
 * photographed at projector sizes, the figures checked against the database, no confidential
 * count on a slide or in its data, one printed page per slide; and the monthly report downloads.
 */
import { unflatten } from 'devalue';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { armedUnitsIn, query as queryDatabase } from '../support/database.ts';
import { formatDate, formatNumber } from '../../src/lib/format.ts';
import { recount } from '../support/recount.ts';
import { docxParagraphs, unzipText } from '../unit/report/ooxml.ts';
import { openSession, screenshot, type Page, type Session } from './browser.ts';

const baseUrl = process.env.CDHT_E2E_URL ?? inject('baseUrl');
const dbPath = inject('dbPath');
const PRESET_SOURCE = (
	JSON.parse(
		readFileSync(new URL('../../data/targets/ha-tinh-2023.json', import.meta.url), 'utf8')
	) as { source: string }
).source;

const query = <T>(sql: string) => queryDatabase<T>(dbPath, sql);

const attr = async (page: Page, name: string) =>
	Number(await page.getByTestId('meeting-deck').getAttribute(name));

/** The current slide's body fits its box: nothing hidden below the fold or off the side. */
async function fits(
	page: Page
): Promise<{ height: number; scrollHeight: number; width: number; scrollWidth: number }> {
	return page.locator('.slide.current .body').evaluate((el) => ({
		height: el.clientHeight,
		scrollHeight: el.scrollHeight,
		width: el.clientWidth,
		scrollWidth: el.scrollWidth
	}));
}

describe.skipIf(!inject('browserAvailable'))('meeting mode in Chromium', () => {
	let latest: string;

	beforeAll(async () => {
		latest = (await query<{ d: string }>('SELECT max(as_of)::VARCHAR AS d FROM import'))[0]!.d;
	});

	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 1920, height: 1080 }
	]) {
		it(`steps through every slide with the keyboard at ${viewport.width}×${viewport.height}`, async () => {
			const session = await openSession(viewport);
			try {
				const { page, errors } = session;
				await page.goto(
					`${baseUrl}/meeting?asOf=${latest}&preset=ha-tinh-2023&lang=vi&from=/districts`,
					{ waitUntil: 'networkidle' }
				);
				const count = await attr(page, 'data-slides');
				expect(count).toBe(8);
				// What a clicker sends, in turn.
				const forward = ['ArrowRight', 'Space', 'PageDown', 'ArrowDown'];
				for (let n = 1; n <= count; n++) {
					expect(await attr(page, 'data-slide')).toBe(n);
					const slide = page.locator('.slide.current');
					expect(await slide.count()).toBe(1);
					expect((await slide.locator('.counter').textContent())?.trim()).toBe(`${n} / ${count}`);
					const text = await slide.innerText();
					expect(text, `slide ${n}`).toContain(`Số liệu đến ngày ${formatDate(latest)}`);
					expect(text, `slide ${n}`).toContain(`theo tệp xuất ngày ${formatDate(latest)}`);
					expect(text, `slide ${n}`).toContain(PRESET_SOURCE);
					const size = await fits(page);
					expect(size.scrollHeight, `slide ${n} overflows its height`).toBeLessThanOrEqual(
						size.height + 1
					);
					expect(size.scrollWidth, `slide ${n} overflows its width`).toBeLessThanOrEqual(
						size.width + 1
					);
					await screenshot(page, `meeting-${viewport.width}x${viewport.height}-${n}`);
					await page.keyboard.press(forward[(n - 1) % forward.length]!);
				}
				expect(await attr(page, 'data-slide')).toBe(count);
				expect(page.url()).toMatch(new RegExp(`#${count}$`));
				await page.keyboard.press('Shift+Space');
				expect(await attr(page, 'data-slide')).toBe(count - 1);
				await page.keyboard.press('PageUp');
				await page.keyboard.press('ArrowLeft');
				await page.keyboard.press('ArrowUp');
				expect(await attr(page, 'data-slide')).toBe(count - 4);
				await page.keyboard.press('Home');
				expect(await attr(page, 'data-slide')).toBe(1);
				await page.keyboard.press('End');
				expect(await attr(page, 'data-slide')).toBe(count);
				await page.keyboard.press('Escape');
				await page.waitForURL((url) => url.pathname === '/districts');
				const back = new URL(page.url());
				expect([
					back.searchParams.get('asOf'),
					back.searchParams.get('preset'),
					back.searchParams.get('lang')
				]).toEqual([latest, 'ha-tinh-2023', 'vi']);
				expect(errors).toEqual([]);
			} finally {
				await session.close();
			}
		});
	}

	describe('with one session', () => {
		let session: Session;
		beforeAll(async () => {
			session = await openSession();
		});
		afterAll(() => session?.close());

		it('opens from the navigation and shows the province’s figures of the database', async () => {
			const { page } = session;
			await page.goto(`${baseUrl}/agencies?asOf=${latest}`, { waitUntil: 'networkidle' });
			await page.getByRole('link', { name: 'Trình chiếu' }).click();
			await page.waitForURL((url) => url.pathname === '/meeting');
			expect(new URL(page.url()).searchParams.get('from')).toBe('/agencies');
			const expected = await recount(dbPath, latest, { code: '42', kind: 'province' });
			const figures = await page.getByTestId('province-figures').innerText();
			expect(figures).toContain(formatNumber(expected.recognised, 'vi'));
			expect(figures).toContain(formatNumber(expected.registered, 'vi'));
		});

		it('prints one landscape page per slide', async () => {
			const { page } = session;
			await page.goto(`${baseUrl}/meeting?asOf=${latest}#3`, { waitUntil: 'networkidle' });
			expect(await attr(page, 'data-slide')).toBe(3);
			await page.emulateMedia({ media: 'print' });
			const visible = await page
				.locator('.slide')
				.evaluateAll(
					(slides) => slides.filter((s) => getComputedStyle(s).display !== 'none').length
				);
			expect(visible).toBe(8);
			const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
			await page.emulateMedia({ media: 'screen' });
			const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
			expect(pages.length).toBe(8);
			const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
			expect(Number(box[1])).toBeGreaterThan(Number(box[2]));
		});

		it('shows no armed-force count on a slide or in the deck’s data', async () => {
			const armed = await query<{ code: string; eligible: number }>(
				'SELECT code, eligible FROM unit WHERE confidential'
			);
			expect(armed.length).toBeGreaterThan(0);
			const counts: string[] = [];
			for (const unit of armed) {
				const c = await recount(dbPath, latest, { code: unit.code, kind: 'armed_force' });
				for (const n of [unit.eligible, c.registered, c.recognised])
					if (n >= 10) counts.push(formatNumber(n, 'vi'), formatNumber(n, 'en'), String(n));
			}
			const shows = (text: string, count: string) =>
				new RegExp(`(?<![\\d.,])${count.replace(/[.,]/g, '\\$&')}(?![\\d.,])`).test(text);
			const { page } = session;
			await page.goto(`${baseUrl}/meeting?asOf=${latest}`, { waitUntil: 'networkidle' });
			await page.emulateMedia({ media: 'print' });
			const text = await page.locator('.deck').innerText();
			await page.emulateMedia({ media: 'screen' });
			expect(text).toContain('Lực lượng vũ trang');
			for (const count of counts) expect(shows(text, count), `the deck shows ${count}`).toBe(false);
			const json = (await (
				await fetch(`${baseUrl}/meeting/__data.json?asOf=${latest}`)
			).json()) as { nodes: ({ data: unknown[] } | null)[] };
			const units = json.nodes.flatMap((node) =>
				node ? armedUnitsIn<ArmedUnit>(unflatten(node.data)) : []
			);
			expect(units.length).toBeGreaterThan(0);
			for (const unit of units) {
				expect(
					[
						unit.eligible,
						unit.registered,
						unit.recognised,
						unit.registeredChange,
						unit.recognisedChange
					],
					unit.code
				).toEqual([null, null, null, null, null]);
			}
		});

		it('offers the monthly report for download, with the database’s figures', async () => {
			const { page } = session;
			const month = latest.slice(0, 7);
			await page.goto(`${baseUrl}/report?asOf=${latest}`, { waitUntil: 'networkidle' });
			const docxLink = page.locator('[data-format=docx]');
			expect(await docxLink.getAttribute('href')).toContain(`/report/${month}.docx`);
			await screenshot(page, 'report-page');
			const docx = await fetch(`${baseUrl}/report/${month}.docx?asOf=${latest}`);
			expect(docx.status).toBe(200);
			expect(docx.headers.get('content-type')).toBe(
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
			);
			expect(docx.headers.get('content-disposition')).toBe(
				`attachment; filename="bao-cao-cdht-${month}.docx"`
			);
			const text = docxParagraphs(
				(await unzipText(Buffer.from(await docx.arrayBuffer()))).get('word/document.xml')!
			);
			const expected = await recount(dbPath, latest, { code: '42', kind: 'province' });
			expect(text.find((p) => p.startsWith('Toàn tỉnh có'))).toContain(
				`đạt danh hiệu Công dân học tập ${formatNumber(expected.recognised, 'vi')} người`
			);
			const xlsx = await fetch(`${baseUrl}/report/${month}.xlsx`);
			expect(xlsx.status).toBe(200);
			expect((await unzipText(Buffer.from(await xlsx.arrayBuffer()))).has('xl/workbook.xml')).toBe(
				true
			);
			expect((await fetch(`${baseUrl}/report/2099-01.docx`)).status).toBe(404);
		});
	});
});

interface ArmedUnit {
	code: string;
	eligible: unknown;
	registered: unknown;
	recognised: unknown;
	registeredChange: unknown;
	recognisedChange: unknown;
}
