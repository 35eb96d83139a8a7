import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAccounts, type AccountsStore } from '../../../../src/lib/server/accounts/store.ts';
import {
	admit,
	delayAfter,
	forgive,
	throttleKeys,
	USER_POLICY
} from '../../../../src/lib/server/accounts/throttle.ts';

describe('delayAfter', () => {
	it('lets three failures pass, then doubles from one second up to a minute', () => {
		const delays = [0, 1, 2, 3, 4, 5, 6, 9, 20].map((f) => delayAfter(f, USER_POLICY));
		expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 60_000, 60_000]);
	});
});

describe('admit', () => {
	let store: AccountsStore;
	beforeEach(async () => {
		store = await openAccounts(':memory:');
	});
	afterEach(() => store.close());
	const keys = throttleKeys('Lan', '192.0.2.7');
	const T = 1_800_000_000_000;

	it('makes the fourth attempt wait, and locks the account at the tenth failure', async () => {
		for (let i = 0; i < 3; i++)
			expect(await admit(store.kysely, keys, T + i)).toEqual({ admitted: true });
		expect(await admit(store.kysely, keys, T + 3)).toEqual({
			admitted: false,
			reason: 'wait',
			retryAfterMs: 1000 - 1
		});
		let now = T + 2 + 1000;
		for (let failures = 4; failures < 10; failures++) {
			expect((await admit(store.kysely, keys, now)).admitted).toBe(true);
			now += delayAfter(failures, USER_POLICY);
		}
		expect((await admit(store.kysely, keys, now)).admitted).toBe(true); // the tenth
		const lockedAt = now;
		// Locked even once the delay has passed, for a quarter hour; then the count starts again.
		expect(await admit(store.kysely, keys, lockedAt + 60_000)).toEqual({
			admitted: false,
			reason: 'locked',
			retryAfterMs: 14 * 60_000
		});
		expect((await admit(store.kysely, keys, lockedAt + 15 * 60_000)).admitted).toBe(true);
	});

	it('counts a name in any case as one account, and unknown names like known ones', async () => {
		for (let i = 0; i < 3; i++)
			await admit(store.kysely, throttleKeys(i % 2 ? 'LAN' : 'lan', `198.51.100.${i}`), T);
		expect((await admit(store.kysely, throttleKeys('Lan', '198.51.100.9'), T)).admitted).toBe(
			false
		);
	});

	it('slows one address trying many names', async () => {
		for (let i = 0; i < 10; i++)
			expect((await admit(store.kysely, throttleKeys(`user${i}`, '203.0.113.5'), T)).admitted).toBe(
				true
			);
		expect(await admit(store.kysely, throttleKeys('user10', '203.0.113.5'), T)).toMatchObject({
			admitted: false,
			reason: 'wait'
		});
	});

	it('forgives a right password: the account starts again, the address loses that attempt', async () => {
		for (let i = 0; i < 3; i++) await admit(store.kysely, keys, T);
		await forgive(store.kysely, keys);
		const rows = await store.kysely.selectFrom('loginFailure').selectAll().orderBy('key').execute();
		expect(rows.map((r) => [r.key, r.failures])).toEqual([['address:192.0.2.7', 2]]);
		expect((await admit(store.kysely, keys, T)).admitted).toBe(true);
	});
});

describe('throttleKeys', () => {
	it('never keeps the name tried in clear (it may be an ID number or a password)', () => {
		const [user, address] = throttleKeys('042090000123', '192.0.2.1');
		expect(user!.key).toMatch(/^user:[0-9a-f]{32}$/);
		expect(user!.key).not.toContain('0420');
		expect(address!.key).toBe('address:192.0.2.1');
	});

	it('counts a name however it is cased under one key, and other names under others', () => {
		const key = (name: string) => throttleKeys(name, '192.0.2.1')[0]!.key;
		expect(key('Lan')).toBe(key('lan'));
		expect(key('lan')).not.toBe(key('hoa'));
	});
});
