/**
 * Issue 14's "done when", in Chromium, on its own server and a copy of the e2e database (the
 * shared one stays as the other browser tests expect it): the first administrator, made with the
 * CLI, signs in; a month's export is uploaded, its preview shows the counts, the rejected rows,
 * the unmatched names and the effect on the figures; confirmed, the overview shows the new
 * figures; removed, the figures are exactly back. A unit officer's file of another district is
 * refused; a viewer's direct requests to every action and admin endpoint answer 403; the links
 * shown follow the role; the audit log holds the login, the import and the removal. (A login
 * flood is slowed: accounts.test.ts.)
 */
import {
	copyFileSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatNumber } from '../../src/lib/format.ts';
import { query } from '../support/database.ts';
import { recount } from '../support/recount.ts';
import { openSession, screenshot, type Session } from './browser.ts';
import {
	cli as runCli,
	login,
	signIn as signInAt,
	startServer as startPrivateServer,
	type Credentials,
	type PrivateServer
} from './server.ts';

const USERS = {
	admin: { name: 'quan-tri', password: 'mật-khẩu-quản-trị-thử' },
	officer: { name: 'can-bo-huyen', password: 'mật-khẩu-cán-bộ-thử' },
	viewer: { name: 'nguoi-xem', password: 'mật-khẩu-người-xem-thử' }
};
/** Huyện Can Lộc in the demo's unit list. */
const CAN_LOC = '443';
const NEW_AS_OF = '2024-01-15';
const ADDED = 40;

let dir: string;
let db: string;
let baseUrl: string;
let server: PrivateServer;
let upload: string;
/** 1-based line of the malformed row in the uploaded file: its Excel-style row number. */
let malformedRow: number;
/** The district of the unit officer: not Can Lộc, whose rows the month's file adds. */
let officerUnit: string;
/** The import the desk made: its id and counts, as the audit log must record them. */
let imported: { id: number; read: number; rejected: number };

/** The CLI on this test's server's stores, the password on stdin. */
async function cli(args: string[], stdin = '') {
	const env = { CDHT_DB: db, CDHT_ACCOUNTS: path.join(dir, 'accounts.sqlite') };
	return (await runCli(args, stdin, env)).code;
}

/** Signs in on the login page, as a person does. */
async function signIn(page: Page, user: Credentials): Promise<void> {
	await signInAt(page, baseUrl, user);
	expect(await page.locator('[data-user]').textContent()).toContain(user.name);
}

/** Signs in with fetch (as a script would): the session cookie. */
async function cookieOf(user: Credentials): Promise<string> {
	const response = await login(baseUrl, user);
	expect(response.status).toBe(303);
	return response.cookie!;
}

/** A request as a signed-in user's script sends it (same origin, so only the role decides). */
function send(cookie: string, route: string, body?: FormData) {
	return fetch(`${baseUrl}${route}`, {
		method: body ? 'POST' : 'GET',
		redirect: 'manual',
		headers: { cookie, origin: baseUrl, accept: 'text/html' },
		body
	});
}

/** The paths the header's navigation links to, as the server renders it for the user. */
async function navLinks(cookie: string): Promise<string[]> {
	const html = await (await send(cookie, '/districts')).text();
	const nav = /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1]!;
	return [...nav.matchAll(/href="([^"?]*)/g)].map((m) => m[1]!);
}

/**
 * The latest CSV export of the e2e province, as of a later day, with Can Lộc people who have
 * just been recognised, one row with a malformed ID number and one of a district nobody knows.
 */
function monthFile(): string {
	const exports = path.join(path.dirname(inject('dbPath')), 'demo/exports');
	const latest = readdirSync(exports)
		.filter((f) => f.endsWith('.csv'))
		.sort()
		.at(-1)!;
	const lines = readFileSync(path.join(exports, latest), 'utf8').split(/\r?\n/);
	const title = lines.findIndex((l) => l.includes('Tính đến ngày'));
	lines[title] = lines[title]!.replace(/\d\d\/\d\d\/\d{4}/, '15/01/2024');
	const header = lines.findIndex((l) => l.startsWith('STT;'));
	const row = (i: number, id: string, district: string) =>
		`${i};Người Thử ${i};01/01/1990;Nữ;${id};;Người dân;;;${district};02/01/2024;Đã công nhận;10/01/2024;`;
	const added = Array.from({ length: ADDED }, (_, i) =>
		row(i + 1, `04299000${String(i).padStart(4, '0')}`, 'Huyện Can Lộc')
	);
	added.push(
		row(ADDED + 1, '0429', 'Huyện Can Lộc'),
		row(ADDED + 2, '042990009999', 'Huyện Không Có')
	);
	lines.splice(header + 1, 0, ...added);
	malformedRow = header + 1 + ADDED + 1;
	const file = path.join(dir, `cdht-ha-tinh-${NEW_AS_OF}.csv`);
	writeFileSync(file, lines.join('\r\n'));
	return file;
}

async function startServer(): Promise<void> {
	server = await startPrivateServer({
		env: {
			CDHT_DB: db,
			CDHT_ACCOUNTS: path.join(dir, 'accounts.sqlite'),
			// adapter-node refuses bodies over 512 KB unless told otherwise (see the README).
			BODY_SIZE_LIMIT: '64M'
		}
	});
	baseUrl = server.url;
}

/** What the overview and the districts table say: the figures that must come back exactly. */
async function figuresShown(page: Page) {
	await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
	const tiles = await page.locator('.tile .value').allTextContents();
	await page.goto(`${baseUrl}/districts`, { waitUntil: 'networkidle' });
	const table = await page.locator('table').first().innerText();
	const canLoc = await page
		.locator('tr', { has: page.locator(`a[href^="/units/${CAN_LOC}?"]`) })
		.first()
		.locator('td.strong')
		.textContent();
	return { tiles, table, canLoc: canLoc!.trim() };
}

describe.skipIf(!inject('browserAvailable'))('the import desk in Chromium', () => {
	let session: Session;
	let before: Awaited<ReturnType<typeof figuresShown>>;
	let expectedCanLoc: string;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'cdht-e2e-desk-'));
		db = path.join(dir, 'cdht.duckdb');
		copyFileSync(inject('dbPath'), db);
		copyFileSync(path.join(path.dirname(inject('dbPath')), 'secret'), path.join(dir, 'secret'));
		upload = monthFile();
		const [other] = await query<{ code: string }>(
			db,
			`SELECT code FROM unit WHERE kind = 'district' AND code <> '${CAN_LOC}' ORDER BY code LIMIT 1`
		);
		officerUnit = other!.code;
		await startServer();
		const add = (user: { name: string; password: string }, ...role: string[]) =>
			cli(['users', 'add', user.name, '--role', ...role], `${user.password}\n`);
		expect(await add(USERS.admin, 'admin')).toBe(0);
		expect(await add(USERS.officer, 'officer', '--unit', officerUnit)).toBe(0);
		expect(await add(USERS.viewer, 'viewer')).toBe(0);
		session = await openSession();
		await signIn(session.page, USERS.admin);
	});
	afterAll(async () => {
		await session?.close();
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('previews an upload: counts, rejected rows, unmatched names and the effect', async () => {
		const { page } = session;
		before = await figuresShown(page);
		const base = (
			await query<{ rows_read: number; rows_rejected: number; rows_ignored?: number }>(
				db,
				'SELECT rows_read, rows_rejected FROM import ORDER BY as_of DESC, id DESC LIMIT 1'
			)
		)[0]!;
		await page.goto(`${baseUrl}/imports`);
		await Promise.all([page.waitForURL(/\/imports\/new/), page.click('a.new-import')]);
		await page.setInputFiles('input[type=file]', upload);
		await Promise.all([
			page.waitForURL(/upload=/, { timeout: 60_000 }),
			page.click('form[action="?/upload"] button[type=submit]')
		]);

		const file = page.locator('section.file');
		expect(await file.locator('dd.as-of').textContent()).toContain('15/01/2024');
		expect(await file.locator('dd.as-of').textContent()).toContain('theo tiêu đề của tệp');
		expect(await file.locator('dd.read').textContent()).toBe(
			formatNumber(base.rows_read + ADDED + 2, 'vi')
		);
		const rejected = base.rows_rejected + 2;
		expect(await file.locator('dd.rejected').textContent()).toContain(formatNumber(rejected, 'vi'));
		const rejectRows = file.locator('table.rejects tbody tr');
		const malformed = rejectRows.filter({ hasText: 'không hợp lệ (cần 12 hoặc 9 chữ số)' }).first();
		expect(await malformed.locator('td').first().textContent()).toBe(String(malformedRow));
		expect(await malformed.locator('td').nth(1).textContent()).toBe('Số CCCD');
		expect(await file.locator('table.names').innerText()).toContain('“Huyện Không Có”');
		const csvHref = await file.locator('a[download]').getAttribute('href');
		const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
		expect(csv.trim().split(/\r\n/)).toHaveLength(rejected + 1);
		expect(csv).not.toMatch(/\d{12}/);

		const effect = page.locator(`section.effect tr[data-unit="${CAN_LOC}"] td`);
		expect(await effect.nth(1).textContent()).toBe(before.canLoc);
		expectedCanLoc = (await effect.nth(3).textContent())!;
		expect(expectedCanLoc).not.toBe(before.canLoc);
		await screenshot(page, 'import-desk-preview');
		expect(session.errors).toEqual([]);
	}, 180_000);

	it('imports on confirmation with a progress bar, and the pages show the new figures', async () => {
		const { page } = session;
		await Promise.all([page.waitForSelector('.running progress'), page.click('button.confirm')]);
		await page.waitForSelector('.done', { timeout: 150_000 });
		const after = await figuresShown(page);
		expect(after.canLoc).toBe(expectedCanLoc);
		const province = await recount(db, NEW_AS_OF, { code: '42', kind: 'province' });
		expect(after.tiles).toContain(formatNumber(province.registered, 'vi'));
		expect(after.tiles).not.toEqual(before.tiles);
		expect(readdirSync(path.join(dir, '.cdht-uploads'))).toEqual([]);
		const rows = await query<{ id: number; read: number; rejected: number }>(
			db,
			`SELECT id, rows_read AS read, rows_rejected AS rejected FROM import WHERE file = 'cdht-ha-tinh-${NEW_AS_OF}.csv'`
		);
		expect(rows).toHaveLength(1);
		imported = rows[0]!;
		expect(session.errors).toEqual([]);
	}, 180_000);

	it('removes the import after stating what the figures become, and they are exactly back', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/imports`);
		const row = page.locator('tr', { hasText: `cdht-ha-tinh-${NEW_AS_OF}.csv` });
		await Promise.all([page.waitForURL(/\/remove/), row.locator('a.remove').click()]);
		const effect = page.locator(`section.effect tr[data-unit="${CAN_LOC}"] td`);
		expect(await effect.nth(1).textContent()).toBe(expectedCanLoc);
		expect(await effect.nth(3).textContent()).toBe(before.canLoc);
		await Promise.all([
			page.waitForURL(/\/imports(\?|$)/, { timeout: 150_000 }),
			page.click('button.danger')
		]);
		expect(await page.locator('tr', { hasText: `cdht-ha-tinh-${NEW_AS_OF}.csv` }).count()).toBe(0);
		expect(await figuresShown(page)).toEqual(before);
		expect(session.errors).toEqual([]);
	}, 180_000);

	it('shows each role the links of the pages it may use', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/districts`);
		const shown = await page
			.locator('nav a')
			.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(shown).toEqual(expect.arrayContaining(['/imports/new', '/names', '/admin']));
		const officer = await navLinks(await cookieOf(USERS.officer));
		expect(officer).toContain('/imports/new');
		expect(officer).not.toContain('/names');
		expect(officer).not.toContain('/admin');
		const viewer = await navLinks(await cookieOf(USERS.viewer));
		expect(viewer).toContain('/districts');
		for (const hidden of ['/imports/new', '/names', '/admin']) expect(viewer).not.toContain(hidden);
	});

	it("refuses a unit officer's file of another district as a whole, and imports nothing", async () => {
		const cookie = await cookieOf(USERS.officer);
		const imports = await query(db, 'SELECT id FROM import ORDER BY id');
		const form = new FormData();
		form.append('files', new File([readFileSync(upload)], path.basename(upload)));
		const sent = await send(cookie, '/imports/new?/upload', form);
		expect(sent.status).toBe(303);
		const preview = sent.headers.get('location')!;
		const id = new URL(preview, baseUrl).searchParams.get('upload')!;
		const html = await (await send(cookie, preview)).text();
		expect(html).toContain('bị từ chối cả tệp');
		expect(html).not.toContain('class="confirm"');
		const confirm = new FormData();
		confirm.set('upload', id);
		expect((await send(cookie, '/imports/new?/confirm', confirm)).status).toBe(409);
		expect(await query(db, 'SELECT id FROM import ORDER BY id')).toEqual(imports);
		expect(readdirSync(path.join(dir, '.cdht-uploads'))).toEqual([]);
	});

	it("answers 403 to a viewer's direct requests to every action and admin endpoint", async () => {
		const cookie = await cookieOf(USERS.viewer);
		const [{ id }] = (await query<{ id: number }>(db, 'SELECT max(id) AS id FROM import')) as [
			{ id: number }
		];
		const form = () => {
			const body = new FormData();
			body.set('upload', 'x');
			body.set('name', 'x');
			body.set('code', CAN_LOC);
			body.set('id', 'x');
			body.append('files', new File(['a;b\n'], 'x.csv'));
			body.set('file', new File(['a;b\n'], 'x.csv'));
			return body;
		};
		const pages = [
			'/imports/new',
			'/imports/new/x/status',
			'/imports/new/x/rejects.csv?file=0',
			`/imports/${id}/remove`,
			'/names',
			'/admin',
			'/admin/units',
			'/admin/activity',
			'/admin/presets',
			'/admin/users',
			'/admin/audit',
			'/admin/audit/audit.csv'
		];
		const actions = [
			'/imports/new?/upload',
			'/imports/new?/confirm',
			'/imports/new?/cancel',
			`/imports/${id}/remove`,
			'/names?/accept',
			'/names?/ignore',
			'/names?/undo',
			'/admin/units?/preview',
			'/admin/units?/apply',
			'/admin/activity?/preview',
			'/admin/activity?/apply',
			'/admin/presets?/save',
			'/admin/presets?/upload',
			'/admin/presets?/remove'
		];
		const answers = [];
		for (const route of pages) answers.push([route, (await send(cookie, route)).status]);
		for (const route of actions) answers.push([route, (await send(cookie, route, form())).status]);
		expect(answers).toEqual([...pages, ...actions].map((route) => [route, 403]));
		expect(await query(db, `SELECT id FROM import WHERE id > ${id}`)).toEqual([]);
	});

	it('holds the login, the import and the removal in the audit log, with the user as actor', async () => {
		const { page } = session;
		const csv = await page.evaluate(async () => (await fetch('/admin/audit/audit.csv')).text());
		const lines = csv.trim().split('\r\n');
		const by = (action: string) =>
			lines.filter((l) => l.includes(`,${USERS.admin.name},web,${action},`));
		expect(by('login')).toHaveLength(1);
		const file = `cdht-ha-tinh-${NEW_AS_OF}.csv`;
		const [ingest, ...more] = by('ingest');
		expect(more).toEqual([]);
		expect(ingest).toContain(`,ingest,${file},`);
		const detail = JSON.parse(
			ingest!.slice(ingest!.indexOf('"{') + 1, ingest!.lastIndexOf('}"') + 1).replaceAll('""', '"')
		);
		expect(detail.files).toEqual([
			expect.objectContaining({
				file,
				status: 'loaded',
				read: imported.read,
				rejected: imported.rejected
			})
		]);
		expect(by('imports remove')).toHaveLength(1);
		expect(by('imports remove')[0]).toContain(`,imports remove,${imported.id},`);
	});
});
