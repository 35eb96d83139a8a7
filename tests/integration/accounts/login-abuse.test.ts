/**
 * The login as a hostile client uses it: a name field holding a whole page of text must not
 * land in the append-only audit log (which nobody can trim) at every try, throttled or not.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { listAudit } from '../../../src/lib/server/accounts/audit.ts';
import { attemptLogin } from '../../../src/lib/server/accounts/login.ts';
import { openAccounts, type AccountsStore } from '../../../src/lib/server/accounts/store.ts';

let dir: string;
let store: AccountsStore;
beforeEach(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'cdht-login-abuse-'));
	store = await openAccounts(path.join(dir, 'accounts.sqlite'));
});
afterEach(async () => {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
});

it('logs at most a short prefix of an overlong name, for failures and throttled tries alike', async () => {
	const name = 'x'.repeat(200_000);
	let now = 1_000_000;
	for (let i = 0; i < 12; i++) {
		await attemptLogin(store.kysely, {
			name,
			password: 'sai-mat-khau-1',
			address: '10.0.0.9',
			now
		});
		now += 10;
	}
	const log = await listAudit(store.kysely);
	expect(log.map((r) => r.action)).toContain('login throttled');
	for (const row of log) {
		expect(row.actor.length).toBeLessThanOrEqual(100);
		expect((row.target ?? '').length).toBeLessThanOrEqual(100);
	}
});

it('logs at most ten throttled tries a minute from one address, not a whole flood', async () => {
	let now = 5_000_000;
	const tries = async (n: number, step: number) => {
		for (let i = 0; i < n; i++) {
			await attemptLogin(store.kysely, {
				name: `khach${i % 7}`,
				password: 'sai-mat-khau-1',
				address: '10.0.0.7',
				now
			});
			now += step;
		}
	};
	await tries(200, 10);
	const throttled = async () =>
		(await listAudit(store.kysely, { action: 'login throttled' })).length;
	expect(await throttled()).toBeGreaterThan(0);
	expect(await throttled()).toBe(10);
	now += 61_000;
	await tries(3, 10);
	expect(await throttled()).toBeLessThanOrEqual(13);
});

it('keeps no name that is not an account: an ID number or a password typed in the name field', async () => {
	const typed = ['042 099 000 001', '0912.345.678', '+84 912 345 678', 'Mat-Khau-Bi-Mat-2026'];
	for (const name of typed)
		await attemptLogin(store.kysely, { name, password: 'sai-mat-khau-1', address: '10.0.0.5' });
	const log = await listAudit(store.kysely);
	expect(log.map((r) => [r.action, r.actor, r.target])).toEqual(
		typed.map(() => ['login failed', '(?)', '(?)'])
	);
	await store.close();
	const bytes = readFileSync(path.join(dir, 'accounts.sqlite')).toString('latin1');
	for (const name of typed) expect(bytes).not.toContain(name);
	store = await openAccounts(path.join(dir, 'accounts.sqlite'));
});
