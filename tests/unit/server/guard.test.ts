import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, User } from '../../../src/lib/access.ts';
import { requireAccess } from '../../../src/lib/server/guard.ts';
import { safeNext } from '../../../src/lib/server/next.ts';

const dirs = { open: '', closed: '' };
const saved = process.env.CDHT_DATA;
beforeAll(() => {
	for (const [name, isPublic] of [
		['open', true],
		['closed', false]
	] as const) {
		const dir = mkdtempSync(path.join(tmpdir(), `cdht-guard-${name}-`));
		writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ public: isPublic }));
		dirs[name] = dir;
	}
});
afterAll(() => {
	if (saved === undefined) delete process.env.CDHT_DATA;
	else process.env.CDHT_DATA = saved;
});

/** What the guard answers: 'ok', a status, or 'login → <location>'. */
async function answer(
	user: User | null,
	action: Action,
	options: { dir?: keyof typeof dirs; unit?: string; page?: boolean } = {}
): Promise<string | number> {
	const dir = dirs[options.dir ?? 'closed'];
	if (process.env.CDHT_DATA !== dir) {
		process.env.CDHT_DATA = dir;
		await new Promise((r) => setTimeout(r, 600)); // the settings are re-checked twice a second
	}
	const request = new Request('http://x/admin/users?lang=en', {
		headers: { accept: options.page ? 'text/html' : '*/*' }
	});
	try {
		await requireAccess(
			{ locals: { user }, url: new URL(request.url), request },
			action,
			options.unit
		);
		return 'ok';
	} catch (error) {
		if (isRedirect(error)) return `login → ${error.location}`;
		if (isHttpError(error)) return error.status;
		throw error;
	}
}

const as = (role: User['role'], unitCode: string | null = null): User => ({
	name: 'u',
	role,
	unitCode
});

describe('requireAccess', () => {
	it('sends an anonymous page request to the login page and answers 401 otherwise', async () => {
		expect(await answer(null, 'read', { page: true })).toBe(
			'login → /login?next=%2Fadmin%2Fusers%3Flang%3Den&lang=en'
		);
		expect(await answer(null, 'read')).toBe(401);
		expect(await answer(null, 'admin', { dir: 'open' })).toBe(401);
	});

	it('lets anyone read a public dashboard', async () => {
		expect(await answer(null, 'read', { dir: 'open' })).toBe('ok');
	});

	it('answers 403 to a signed-in user without the role', async () => {
		expect(await answer(as('viewer'), 'read')).toBe('ok');
		for (const action of ['import', 'remove', 'names', 'activity', 'report', 'admin'] as const)
			expect([action, await answer(as('viewer'), action, { page: true })]).toEqual([action, 403]);
		expect(await answer(as('association'), 'admin')).toBe(403);
		expect(await answer(as('admin'), 'admin')).toBe('ok');
	});

	it("keeps an officer to their unit's subtree", async () => {
		expect(await answer(as('officer', '436'), 'import', { unit: '436' })).toBe('ok');
		expect(await answer(as('officer', '436'), 'import', { unit: '437' })).toBe(403);
		expect(await answer(as('association'), 'import', { unit: '437' })).toBe('ok');
	});
});

describe('safeNext', () => {
	it('goes back to a path of this site only', () => {
		expect(safeNext('/districts?lang=en')).toBe('/districts?lang=en');
		for (const bad of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'',
			null,
			'/login'
		])
			expect(safeNext(bad)).toBe('/');
	});

	it('is not fooled by what a browser strips or folds before it follows the address', () => {
		// A browser drops tabs and newlines from a URL and reads "\\" as "/": each of these would
		// send a user who has just signed in to evil.example.
		for (const bad of [
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'/\t\\evil.example'
		]) {
			const next = safeNext(bad);
			expect(new URL(next.replace(/[\t\n\r]/g, ''), 'https://cdht.example').host).toBe(
				'cdht.example'
			);
		}
		expect(safeNext('/\t/login')).toBe('/');
	});
});
