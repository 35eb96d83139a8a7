/**
 * The names review in Chromium: an association user finds a unit for an open name in the
 * searchable list (typed without diacritics), accepts it, and the unit's page shows the new
 * figure; undoing the decision brings the figure back. An anonymous visitor is sent to the
 * login page, and their posts get 401.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatNumber } from '../../src/lib/format.ts';
import { t } from '../../src/lib/i18n/index.ts';
import { fold } from '../../src/lib/unit-search.ts';
import { query as queryDatabase } from '../support/database.ts';
import { recount } from '../support/recount.ts';
import { openSession, screenshot, type Page, type Session } from './browser.ts';
import { cli, signIn } from './server.ts';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');
const query = <T>(sql: string) => queryDatabase<T>(dbPath, sql);
const REVIEWER = { name: 'e2e-hoi-khuyen-hoc', password: 'mật khẩu thử nghiệm 2023' };

/** `npm run pipeline -- users add <name> --role association`, the password on stdin. */
async function addReviewer(): Promise<void> {
	const args = ['users', 'add', REVIEWER.name, '--role', 'association', '--db', dbPath];
	const { code } = await cli(args, `${REVIEWER.password}\n`);
	if (code !== 0) throw new Error(`users add: ${code}`);
}

/** The "Đã đăng ký" tile of a unit's page. */
async function registeredOnPage(page: Page, code: string): Promise<string | null> {
	await page.goto(`${baseUrl}/units/${code}`, { waitUntil: 'networkidle' });
	return page
		.locator('.tile', { has: page.locator('h3', { hasText: /^Đã đăng ký$/ }) })
		.locator('.value')
		.textContent();
}

interface OpenRow {
	raw: string;
	field: string;
	suggestions: string;
}

describe.skipIf(!inject('browserAvailable'))('names review in Chromium', () => {
	it('sends an anonymous visitor to the login page, and refuses their posts', async () => {
		const page = await fetch(`${baseUrl}/names`, {
			headers: { accept: 'text/html' },
			redirect: 'manual'
		});
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?next=%2Fnames');
		const body = new FormData();
		body.set('name', 'x');
		body.set('code', '436');
		// As the page's enhanced form posts it; the same origin, so the 401 is the guard's.
		const post = await fetch(`${baseUrl}/names?/accept`, {
			method: 'POST',
			body,
			headers: { origin: baseUrl, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(post.status).toBe(401);
		expect(await post.json()).toMatchObject({
			type: 'error',
			error: { message: t('vi', 'signInRequired') }
		});
	});

	describe('signed in as the association', () => {
		let session: Session;
		beforeAll(async () => {
			await addReviewer();
			session = await openSession();
			await signIn(session.page, baseUrl, REVIEWER);
		});
		afterAll(() => session?.close());

		it('accepts a name picked from the searchable list; the unit’s figure moves, and back on undo', async () => {
			const { page, errors } = session;
			// A workplace written in a way no unit answers to, that an agency should take.
			const open = await query<OpenRow>(
				"SELECT raw, field, suggestions FROM open_name WHERE field = 'workplace' ORDER BY rows DESC"
			);
			const agencies = await query<{ code: string }>(
				"SELECT code FROM unit WHERE kind = 'agency' AND NOT confidential"
			);
			const isAgency = (code: string) => agencies.some((a) => a.code === code);
			const name = open.find((n) =>
				(JSON.parse(n.suggestions) as { code: string }[]).some((s) => isAgency(s.code))
			);
			expect(name, 'the simulated exports name workplaces the unit list does not').toBeDefined();
			const kind = 'agency';
			const unit = (JSON.parse(name!.suggestions) as { code: string; name: string }[]).find((s) =>
				isAgency(s.code)
			)!;
			const [{ d: latest }] = (await query<{ d: string }>(
				'SELECT max(as_of)::VARCHAR AS d FROM import'
			)) as [{ d: string }];
			const before = await recount(dbPath, latest, { code: unit.code, kind });
			expect(await registeredOnPage(page, unit.code)).toBe(formatNumber(before.registered, 'vi'));

			await page.goto(`${baseUrl}/names`, { waitUntil: 'networkidle' });
			const row = page.locator(`table.names tr[data-name="${name!.raw.replace(/"/g, '\\"')}"]`);
			await row.locator('summary').click();
			// Typed the way people type in a hurry: no marks, lower case.
			await row.locator('input[type="search"]').fill(fold(unit.name));
			await row.locator(`input[type="radio"][value="${unit.code}"]`).check();
			await row.locator('form.pick button').click();
			// The re-match of every import and the swap take a few seconds.
			const report = page.locator('.report');
			await report.waitFor({ timeout: 50_000 });
			expect(await report.textContent()).toContain('Đã thực hiện');
			expect(await report.textContent()).toContain(`→ ${unit.name} [${unit.code}]`);
			expect(await row.count()).toBe(0);
			await screenshot(page, 'names-review-accepted');

			const after = await recount(dbPath, latest, { code: unit.code, kind });
			expect(after.registered).toBeGreaterThan(before.registered);
			expect(await registeredOnPage(page, unit.code)).toBe(formatNumber(after.registered, 'vi'));

			await page.goto(`${baseUrl}/names`, { waitUntil: 'networkidle' });
			const decision = page.locator(
				`table.decisions tr[data-name="${name!.raw.replace(/"/g, '\\"')}"]`
			);
			await decision.locator('button.undo').click();
			await page.locator('.report').waitFor({ timeout: 50_000 });
			expect(await decision.count()).toBe(0);
			expect(await registeredOnPage(page, unit.code)).toBe(formatNumber(before.registered, 'vi'));
			expect(errors).toEqual([]);
		}, 240_000);
	});
});
