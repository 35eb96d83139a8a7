/**
 * The import desk in Chromium, on its own server and a copy of the e2e database (the shared one
 * stays as the other browser tests expect it): a month's export is uploaded, its preview shows
 * the counts, the rejected rows, the unmatched names and the effect on the figures; confirmed,
 * the overview shows the new figures; removed, the figures are exactly back.
 *
 * Needs login from the accounts branch (signIn below, against its `users add` and /login):
 * until that is merged the suite is skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
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

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOGIN_READY = existsSync(path.join(ROOT, 'src/routes/login/+page.server.ts'));
const USER = { name: 'desk', password: 'mật-khẩu-bàn-nhập-thử' };
/** Huyện Can Lộc in the demo's unit list. */
const CAN_LOC = '443';
const NEW_AS_OF = '2024-01-15';
const ADDED = 40;

let dir: string;
let db: string;
let baseUrl: string;
let server: ChildProcess;
let upload: string;
/** 1-based line of the malformed row in the uploaded file: its Excel-style row number. */
let malformedRow: number;

/** The CLI on this test's server's stores, the password on stdin. */
function cli(args: string[], stdin = '') {
	return new Promise<number>((resolve) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'pipeline/bin.ts'), ...args], {
			cwd: ROOT,
			env: { ...process.env, CDHT_DB: db, CDHT_ACCOUNTS: path.join(dir, 'accounts.sqlite') },
			stdio: ['pipe', 'ignore', 'inherit']
		});
		child.on('exit', (code) => resolve(code ?? 1));
		child.stdin.end(stdin);
	});
}

async function signIn(page: Page): Promise<void> {
	expect(
		await cli(['users', 'add', USER.name, '--role', 'association'], `${USER.password}\n`)
	).toBe(0);
	await page.goto(`${baseUrl}/login`);
	await page.fill('input[name=name]', USER.name);
	await page.fill('input[name=password]', USER.password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/login'),
		page.click('button[type=submit]')
	]);
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
	const port = 5400 + Math.floor(Math.random() * 400);
	baseUrl = `http://127.0.0.1:${port}`;
	server = spawn(process.execPath, ['build'], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			CDHT_DB: db,
			CDHT_ACCOUNTS: path.join(dir, 'accounts.sqlite'),
			// adapter-node refuses bodies over 512 KB unless told otherwise (see the README).
			BODY_SIZE_LIMIT: '64M',
			// Without it adapter-node takes the server for https and refuses the form posts.
			ORIGIN: baseUrl
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(baseUrl)).status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the desk server did not answer');
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

describe.skipIf(!inject('browserAvailable') || !LOGIN_READY)('the import desk in Chromium', () => {
	let session: Session;
	let before: Awaited<ReturnType<typeof figuresShown>>;
	let expectedCanLoc: string;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'cdht-e2e-desk-'));
		db = path.join(dir, 'cdht.duckdb');
		copyFileSync(inject('dbPath'), db);
		copyFileSync(path.join(path.dirname(inject('dbPath')), 'secret'), path.join(dir, 'secret'));
		upload = monthFile();
		await startServer();
		session = await openSession();
		await signIn(session.page);
	});
	afterAll(async () => {
		await session?.close();
		server?.kill();
		if (server) await new Promise((r) => server.once('exit', r));
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
			page.click('form button[type=submit]')
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
	});

	it('imports on confirmation with a progress bar, and the pages show the new figures', async () => {
		const { page } = session;
		await Promise.all([page.waitForSelector('.running progress'), page.click('button.confirm')]);
		await page.waitForSelector('.done', { timeout: 60_000 });
		const after = await figuresShown(page);
		expect(after.canLoc).toBe(expectedCanLoc);
		const province = await recount(db, NEW_AS_OF, { code: '42', kind: 'province' });
		expect(after.tiles).toContain(formatNumber(province.registered, 'vi'));
		expect(after.tiles).not.toEqual(before.tiles);
		expect(readdirSync(path.join(dir, '.cdht-uploads'))).toEqual([]);
		expect(session.errors).toEqual([]);
	});

	it('removes the import after stating what the figures become, and they are exactly back', async () => {
		const { page } = session;
		await page.goto(`${baseUrl}/imports`);
		const row = page.locator('tr', { hasText: `cdht-ha-tinh-${NEW_AS_OF}.csv` });
		await Promise.all([page.waitForURL(/\/remove/), row.locator('a.remove').click()]);
		const effect = page.locator(`section.effect tr[data-unit="${CAN_LOC}"] td`);
		expect(await effect.nth(1).textContent()).toBe(expectedCanLoc);
		expect(await effect.nth(3).textContent()).toBe(before.canLoc);
		await Promise.all([page.waitForURL(/\/imports(\?|$)/), page.click('button.danger')]);
		expect(await page.locator('tr', { hasText: `cdht-ha-tinh-${NEW_AS_OF}.csv` }).count()).toBe(0);
		expect(await figuresShown(page)).toEqual(before);
		expect(session.errors).toEqual([]);
	});
});
