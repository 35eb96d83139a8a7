/**
 * Signing in on a browser that still holds a session (a shared office computer, someone else's
 * screen left open) ends that session: the old token opens nothing afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
	createSession,
	SESSION_COOKIE,
	sessionUser
} from '../../../src/lib/server/accounts/sessions.ts';
import { openAccounts, type AccountsStore } from '../../../src/lib/server/accounts/store.ts';
import { addUser } from '../../../src/lib/server/accounts/users.ts';
import { actions } from '../../../src/routes/login/+page.server.ts';

const PASSWORD = 'mật-khẩu-thử-dài';
let dir: string;
let store: AccountsStore;
const saved = { data: process.env.CDHT_DATA, accounts: process.env.CDHT_ACCOUNTS };

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'cdht-login-session-'));
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ public: false }));
	process.env.CDHT_DATA = dir;
	process.env.CDHT_ACCOUNTS = path.join(dir, 'accounts.sqlite');
	store = await openAccounts(process.env.CDHT_ACCOUNTS);
	const actor = { name: 'test', source: 'cli' as const };
	for (const name of ['lan', 'hoa'])
		await addUser(
			store.kysely,
			{ name, role: 'viewer', unitCode: null, password: PASSWORD },
			actor
		);
});
afterAll(async () => {
	await store.close();
	for (const [key, value] of [
		['CDHT_DATA', saved.data],
		['CDHT_ACCOUNTS', saved.accounts]
	] as const)
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	rmSync(dir, { recursive: true, force: true });
});

it('ends the session the browser held before signing in', async () => {
	const old = await createSession(store.kysely, 'lan');
	const jar = new Map([[SESSION_COOKIE, old.token]]);
	const cookies = {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name)
	};
	const body = new URLSearchParams({ name: 'hoa', password: PASSWORD, next: '/' });
	const event = {
		request: new Request('http://localhost/login', { method: 'POST', body }),
		url: new URL('http://localhost/login'),
		cookies,
		locals: { user: null },
		getClientAddress: () => '10.0.0.1'
	};
	await expect(
		(actions.default as unknown as (e: typeof event) => Promise<unknown>)(event)
	).rejects.toMatchObject({ status: 303 });
	expect(jar.get(SESSION_COOKIE)).not.toBe(old.token);
	expect((await sessionUser(store.kysely, jar.get(SESSION_COOKIE)!))?.name).toBe('hoa');
	expect(await sessionUser(store.kysely, old.token)).toBeNull();
});
