/**
 * Accounts in Chromium: the first administrator made with the CLI signs in on a server whose
 * dashboard is not public; a viewer's direct requests to the admin pages, their CSV and their
 * form actions answer 403; a login flood is slowed; the audit log holds each step. The shared
 * server of setup.ts stays public: its dashboard opens with no login.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser.ts';
import { cli as runCli, login as loginAt, startServer, type PrivateServer } from './server.ts';

const publicUrl = inject('baseUrl');
const PASSWORDS = { lan: 'quản-trị-viên-thử', hoa: 'người-xem-thử-nghiệm' };

let dir: string;
let baseUrl: string;
let server: PrivateServer;

/** The CLI with the closed server's accounts store, the password on stdin. */
const cli = (args: string[], stdin = '') =>
	runCli(args, stdin, { CDHT_ACCOUNTS: path.join(dir, 'accounts.sqlite'), CDHT_ACTOR: '' });

/** A second server on the same database with `"public": false` and its own accounts store. */
async function closedServer(): Promise<void> {
	server = await startServer({
		dir,
		config: { public: false },
		env: { CDHT_DB: inject('dbPath'), CDHT_ACCOUNTS: path.join(dir, 'accounts.sqlite') }
	});
	baseUrl = server.url;
}

/** Signs in with fetch (as a script would); returns the session cookie, or the refusal. */
const login = (name: string, password: string) => loginAt(baseUrl, { name, password });

describe.skipIf(!inject('browserAvailable'))('accounts and roles in Chromium', () => {
	let session: Session;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'cdht-e2e-accounts-'));
		await closedServer();
		session = await openSession();
	});
	afterAll(async () => {
		await session?.close();
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('opens the public dashboard with no login, offering to sign in', async () => {
		const { page } = session;
		await page.goto(publicUrl, { waitUntil: 'networkidle' });
		expect(await page.locator('h1').count()).toBeGreaterThan(0);
		expect(await page.locator('.account a', { hasText: 'Đăng nhập' }).count()).toBe(1);
	});

	it('sends an anonymous visitor of the closed server to the login page; 401 for data', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/districts`);
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/districts');
		expect((await fetch(`${baseUrl}/laggards/export.csv`)).status).toBe(401);
		expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
	});

	it('lets the administrator made by the CLI sign in, and shows who is signed in', async () => {
		expect(await cli(['users', 'add', 'lan', '--role', 'admin'], `${PASSWORDS.lan}\n`)).toEqual({
			code: 0,
			stderr: ''
		});
		expect(
			(await cli(['users', 'add', 'hoa', '--role', 'viewer'], `${PASSWORDS.hoa}\n`)).code
		).toBe(0);
		const { page } = session;
		await page.goto(`${baseUrl}/districts`);
		await page.fill('input[name=name]', 'lan');
		await page.fill('input[name=password]', PASSWORDS.lan);
		await Promise.all([page.waitForURL(`${baseUrl}/districts`), page.click('button[type=submit]')]);
		expect(await page.locator('[data-user]').textContent()).toBe('lan · quản trị viên');
		const cookie = (await session.browser.cookies(baseUrl)).find((c) => c.name === 'cdht_session')!;
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
		await page.goto(`${baseUrl}/admin/users`);
		expect(
			await page
				.locator('tr[data-user]')
				.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user')))
		).toEqual(['hoa', 'lan']);
	});

	it("answers 403 to a viewer's direct requests to the admin pages, their CSV and their actions", async () => {
		const { cookie } = await login('hoa', PASSWORDS.hoa);
		expect(cookie).toMatch(/^cdht_session=/);
		const get = (p: string, accept = 'text/html') =>
			fetch(`${baseUrl}${p}`, { headers: { cookie: cookie!, accept }, redirect: 'manual' });
		expect((await get('/districts')).status).toBe(200);
		for (const p of ['/admin/users', '/admin/audit', '/admin/audit/audit.csv'])
			expect([p, (await get(p)).status]).toEqual([p, 403]);
		for (const action of ['add', 'role', 'password', 'remove']) {
			const response = await fetch(`${baseUrl}/admin/users?/${action}`, {
				method: 'POST',
				headers: {
					cookie: cookie!,
					origin: baseUrl,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({
					name: 'lan',
					role: 'viewer',
					password: 'mot-mat-khau-moi',
					again: 'mot-mat-khau-moi'
				})
			});
			expect([action, response.status]).toEqual([action, 403]);
		}
		// SvelteKit's origin check stays on: a form posted from another site is refused.
		const crossSite = await fetch(`${baseUrl}/login`, {
			method: 'POST',
			headers: {
				origin: 'http://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ name: 'lan', password: PASSWORDS.lan })
		});
		expect(crossSite.status).toBe(403);
		const { page } = session;
		await page.goto(`${baseUrl}/admin/users`);
		expect(await page.locator('tr[data-user=lan] select[name=role]').inputValue()).toBe('admin');
	});

	it('lets the administrator add, change and remove accounts, never the last admin', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/admin/users`);
		const add = page.locator('form.add');
		await add.locator('input[name=name]').fill('minh');
		await add.locator('select[name=role]').selectOption('officer');
		const unit = await add.locator('select[name=unit] option').nth(1).getAttribute('value');
		await add.locator('select[name=unit]').selectOption(unit!);
		await add.locator('input[name=password]').fill('mật-khẩu-của-minh');
		await add.locator('input[name=again]').fill('mật-khẩu-của-minh');
		await add.locator('button').click();
		await page.waitForSelector('tr[data-user=minh]');
		expect(await page.locator('tr[data-user=minh] select[name=unit]').inputValue()).toBe(unit);
		// Demoting the only admin is refused, with the reason.
		const lan = page.locator('tr[data-user=lan]');
		await lan.locator('select[name=role]').selectOption('viewer');
		await lan.locator('form').first().locator('button').click();
		await page.waitForSelector('[role=alert]');
		expect(await page.locator('[role=alert]').textContent()).toContain(
			'lan là quản trị viên cuối cùng'
		);
		page.once('dialog', (dialog) => dialog.accept());
		await page.locator('tr[data-user=minh] form').last().locator('button').click();
		await page.waitForSelector('[role=status]');
		expect(await page.locator('tr[data-user]').count()).toBe(2);
	});

	it('slows a login flood: after three failures each attempt waits longer, even the right one', async () => {
		const other = await openSession();
		try {
			const attempt = async (password: string) => (await login('lan', password)).status;
			const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
			const statuses = [];
			for (let i = 0; i < 3; i++) statuses.push(await attempt(`sai-${i}-mat-khau`));
			statuses.push(await attempt('sai-ngay-lap-tuc'));
			await sleep(1100);
			statuses.push(await attempt('sai-sau-mot-giay'), await attempt('sai-ngay-lap-tuc'));
			await sleep(2100);
			statuses.push(await attempt('sai-sau-hai-giay'));
			expect(statuses).toEqual([400, 400, 400, 429, 400, 429, 400]);
			// Five failures: the next attempt waits 4 s, whatever the password.
			expect(await login('lan', PASSWORDS.lan)).toEqual({ status: 429, cookie: null });
			await other.page.goto(`${baseUrl}/login`);
			await other.page.fill('input[name=name]', 'lan');
			await other.page.fill('input[name=password]', PASSWORDS.lan);
			await other.page.click('button[type=submit]');
			await other.page.waitForSelector('[role=alert]');
			expect(await other.page.locator('[role=alert]').textContent()).toMatch(
				/^\s*Đăng nhập sai nhiều lần: chờ [1-4] giây rồi thử lại\.\s*$/
			);
			expect(new URL(other.page.url()).pathname).toBe('/login');
		} finally {
			await other.close();
		}
	});

	it('holds each step in the audit log, which the administrator filters and downloads', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/admin/audit`);
		const actions = await page.locator('tbody tr td:nth-child(4)').allTextContents();
		for (const step of ['users add', 'users remove', 'login', 'login failed', 'login throttled'])
			expect(actions).toContain(step);
		await page.goto(`${baseUrl}/admin/audit?action=login+failed`);
		const failed = await page.locator('tbody tr').allTextContents();
		expect(failed).toHaveLength(5);
		const { bom, csv } = await page.evaluate(async () => {
			const bytes = new Uint8Array(await (await fetch('/admin/audit/audit.csv')).arrayBuffer());
			return { bom: [...bytes.slice(0, 3)], csv: new TextDecoder().decode(bytes) };
		});
		expect(bom).toEqual([0xef, 0xbb, 0xbf]);
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toBe('id,at,actor,source,action,target,detail,address');
		expect(lines.filter((l) => l.includes(',login failed,lan,'))).toHaveLength(5);
		expect(lines.filter((l) => l.includes(',login throttled,lan,'))).toHaveLength(4);
		expect(csv).not.toContain(PASSWORDS.lan);
	});

	it('signs out with the button: the session is gone', async () => {
		const { page } = session;
		const before = (await session.browser.cookies(baseUrl)).find((c) => c.name === 'cdht_session')!;
		await Promise.all([page.waitForURL(/\/login/), page.click('.account button')]);
		const stale = await fetch(`${baseUrl}/admin/users`, {
			headers: { cookie: `cdht_session=${before.value}` },
			redirect: 'manual'
		});
		expect(stale.status).toBe(401);
	});
});
