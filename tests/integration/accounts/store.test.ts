import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAudit, listAudit, recordAudit } from '../../../src/lib/server/accounts/audit.ts';
import { attemptLogin, logout } from '../../../src/lib/server/accounts/login.ts';
import {
	createSession,
	SESSION_IDLE_MS,
	SESSION_MAX_MS,
	sessionUser
} from '../../../src/lib/server/accounts/sessions.ts';
import { openAccounts, type AccountsStore } from '../../../src/lib/server/accounts/store.ts';
import {
	AccountError,
	addUser,
	changeRole,
	removeUser,
	setPassword
} from '../../../src/lib/server/accounts/users.ts';

const ADMIN = { name: 'test', source: 'cli' as const };
const PASSWORD = 'mật-khẩu-thử-dài';

let dir: string;
let store: AccountsStore;
beforeEach(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'cdht-accounts-'));
	store = await openAccounts(path.join(dir, 'accounts.sqlite'));
});
afterEach(() => store.close());

const code = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (error) {
		if (error instanceof AccountError) return error.code;
		throw error;
	}
	return 'ok';
};

describe('the accounts store', () => {
	it('keeps the audit log append-only: UPDATE and DELETE are refused by the file itself', async () => {
		await recordAudit(store.kysely, { actor: 'a', source: 'cli', action: 'x' });
		await expect(store.kysely.updateTable('audit').set({ actor: 'b' }).execute()).rejects.toThrow(
			/append-only/
		);
		await expect(store.kysely.deleteFrom('audit').execute()).rejects.toThrow(/append-only/);
		expect((await listAudit(store.kysely)).map((r) => r.actor)).toEqual(['a']);
	});

	it('opens again without migrating twice, and keeps what was written', async () => {
		await addUser(
			store.kysely,
			{ name: 'lan', role: 'admin', unitCode: null, password: PASSWORD },
			ADMIN
		);
		await store.close();
		store = await openAccounts(path.join(dir, 'accounts.sqlite'));
		expect(
			(await store.kysely.selectFrom('user').select('name').execute()).map((u) => u.name)
		).toEqual(['lan']);
	});

	it('takes writes from several processes at once (WAL, busy timeout)', async () => {
		const file = path.join(dir, 'accounts.sqlite');
		const script = `
			import { openAccounts } from ${JSON.stringify(path.resolve('src/lib/server/accounts/store.ts'))};
			import { recordAudit } from ${JSON.stringify(path.resolve('src/lib/server/accounts/audit.ts'))};
			const store = await openAccounts(process.argv[1]);
			for (let i = 0; i < 50; i++) await recordAudit(store.kysely, { actor: 'p' + process.pid, source: 'cli', action: 'write' });
			await store.close();`;
		const child = () =>
			new Promise<number>((resolve) =>
				spawn(process.execPath, ['--input-type=module', '-e', script, file], {
					stdio: 'inherit'
				}).on('exit', (c) => resolve(c ?? 1))
			);
		const writes = (async () => {
			for (let i = 0; i < 50; i++)
				await recordAudit(store.kysely, { actor: 'main', source: 'web', action: 'write' });
		})();
		const codes = await Promise.all([child(), child(), child()]);
		await writes;
		expect(codes).toEqual([0, 0, 0]);
		expect(await listAudit(store.kysely, { action: 'write' })).toHaveLength(200);
	});
});

describe('users', () => {
	it('refuses to remove or demote the last admin, and allows it once there is another', async () => {
		await addUser(
			store.kysely,
			{ name: 'lan', role: 'admin', unitCode: null, password: PASSWORD },
			ADMIN
		);
		expect(await code(removeUser(store.kysely, 'lan', ADMIN))).toBe('last_admin');
		expect(await code(changeRole(store.kysely, 'lan', 'viewer', null, ADMIN))).toBe('last_admin');
		await addUser(
			store.kysely,
			{ name: 'minh', role: 'admin', unitCode: null, password: PASSWORD },
			ADMIN
		);
		expect(await code(removeUser(store.kysely, 'lan', ADMIN))).toBe('ok');
		expect(await code(removeUser(store.kysely, 'minh', ADMIN))).toBe('last_admin');
	});

	it('checks names, passwords and the officer unit rule', async () => {
		const add = (
			name: string,
			role: 'officer' | 'viewer',
			unitCode: string | null,
			password = PASSWORD
		) => code(addUser(store.kysely, { name, role, unitCode, password }, ADMIN));
		expect(await add('a b', 'viewer', null)).toBe('bad_name');
		expect(await add('hoa', 'viewer', null, 'ngắn')).toBe('short_password');
		expect(await add('hoa', 'officer', null)).toBe('unit_required');
		expect(await add('hoa', 'viewer', '436')).toBe('unit_not_allowed');
		expect(await add('hoa', 'officer', '436')).toBe('ok');
		expect(await add('hoa', 'viewer', null)).toBe('user_exists');
		const hash = await store.kysely
			.selectFrom('user')
			.select('passwordHash')
			.executeTakeFirstOrThrow();
		expect(hash.passwordHash).toMatch(/^\$argon2id\$/);
		expect(hash.passwordHash).not.toContain(PASSWORD);
	});

	it('records every change in the audit log with its actor, never the password', async () => {
		const web = { name: 'lan', source: 'web' as const, address: '192.0.2.1' };
		await addUser(
			store.kysely,
			{ name: 'hoa', role: 'viewer', unitCode: null, password: PASSWORD },
			web
		);
		await changeRole(store.kysely, 'hoa', 'officer', '436', web);
		await setPassword(store.kysely, 'hoa', `${PASSWORD}-2`, web);
		await removeUser(store.kysely, 'hoa', web);
		const log = await listAudit(store.kysely);
		expect(log.map((r) => [r.action, r.actor, r.source, r.target, r.address])).toEqual([
			['users remove', 'lan', 'web', 'hoa', '192.0.2.1'],
			['users passwd', 'lan', 'web', 'hoa', '192.0.2.1'],
			['users role', 'lan', 'web', 'hoa', '192.0.2.1'],
			['users add', 'lan', 'web', 'hoa', '192.0.2.1']
		]);
		expect(JSON.parse(log[2]!.detail!)).toEqual({
			from: 'viewer',
			fromUnit: null,
			role: 'officer',
			unit: '436'
		});
		expect(JSON.stringify(log)).not.toContain(PASSWORD);
	});
});

describe('sessions and login', () => {
	beforeEach(() =>
		addUser(
			store.kysely,
			{ name: 'lan', role: 'association', unitCode: null, password: PASSWORD },
			ADMIN
		)
	);

	it('stores only the hash of the token, and ends a session at expiry or after idling', async () => {
		const t = 1_800_000_000_000;
		const { token } = await createSession(store.kysely, 'lan', t);
		const rows = await store.kysely.selectFrom('session').selectAll().execute();
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(await sessionUser(store.kysely, token, t + 1000)).toEqual({
			name: 'lan',
			role: 'association',
			unitCode: null
		});
		expect(await sessionUser(store.kysely, token, t + SESSION_IDLE_MS + 1000)).toBeNull();
		// Kept busy, it still ends at its expiry.
		const busy = await createSession(store.kysely, 'lan', t);
		for (let now = t; now < t + SESSION_MAX_MS; now += SESSION_IDLE_MS / 2)
			expect(await sessionUser(store.kysely, busy.token, now)).not.toBeNull();
		expect(await sessionUser(store.kysely, busy.token, t + SESSION_MAX_MS)).toBeNull();
	});

	it('says the same for an unknown account and a wrong password, and logs both', async () => {
		const wrong = await attemptLogin(store.kysely, {
			name: 'lan',
			password: 'sai-mat-khau-roi',
			address: '192.0.2.9'
		});
		await attemptLogin(store.kysely, {
			name: '042090000123',
			password: PASSWORD,
			address: '192.0.2.9'
		});
		const unknown = await attemptLogin(store.kysely, {
			name: 'nobody',
			password: PASSWORD,
			address: '192.0.2.9'
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
		const right = await attemptLogin(store.kysely, {
			name: 'lan',
			password: PASSWORD,
			address: '192.0.2.9'
		});
		expect(right.ok).toBe(true);
		if (!right.ok) return;
		expect(await sessionUser(store.kysely, right.token)).toMatchObject({ name: 'lan' });
		await logout(store.kysely, right.token, '192.0.2.9');
		expect(await sessionUser(store.kysely, right.token)).toBeNull();
		const log = (await listAudit(store.kysely)).filter((r) => r.action !== 'users add');
		expect((await listAudit(store.kysely, { action: 'login' })).length).toBe(4);
		expect(log.map((r) => [r.action, r.target, r.address])).toEqual([
			['logout', 'lan', '192.0.2.9'],
			['login', 'lan', '192.0.2.9'],
			['login failed', '(?)', '192.0.2.9'],
			['login failed', '(?)', '192.0.2.9'],
			['login failed', 'lan', '192.0.2.9']
		]);
	});

	it('ends the sessions of a user whose password is changed or who is removed', async () => {
		const a = await createSession(store.kysely, 'lan');
		await setPassword(store.kysely, 'lan', `${PASSWORD}!`, ADMIN);
		expect(await sessionUser(store.kysely, a.token)).toBeNull();
		const b = await createSession(store.kysely, 'lan');
		await removeUser(store.kysely, 'lan', ADMIN);
		expect(await sessionUser(store.kysely, b.token)).toBeNull();
	});
});

describe('the audit filter', () => {
	it('filters by actor, action (or its start) and days, both ends included', async () => {
		const at = (iso: string) => new Date(iso);
		const add = (actor: string, action: string, iso: string) =>
			recordAudit(store.kysely, { actor, source: 'web', action }, at(iso));
		await add('lan', 'login', '2026-03-01T23:59:59.999Z');
		await add('lan', 'names accept', '2026-03-02T00:00:00.000Z');
		await add('hoa', 'names undo', '2026-03-03T12:00:00.000Z');
		await add('hoa', 'namesake', '2026-03-04T00:00:00.000Z');
		const ids = async (filter: Parameters<typeof listAudit>[1]) =>
			(await listAudit(store.kysely, filter)).map((r) => `${r.actor} ${r.action}`);
		expect(await ids({ actor: 'hoa' })).toEqual(['hoa namesake', 'hoa names undo']);
		expect(await ids({ action: 'names' })).toEqual(['hoa names undo', 'lan names accept']);
		expect(await ids({ from: '2026-03-02', to: '2026-03-03' })).toEqual([
			'hoa names undo',
			'lan names accept'
		]);
		expect(await ids({ to: '2026-03-01' })).toEqual(['lan login']);
		expect(await ids({ limit: 1 })).toEqual(['hoa namesake']);
		expect(await countAudit(store.kysely, { action: 'names' })).toBe(2);
	});
});
