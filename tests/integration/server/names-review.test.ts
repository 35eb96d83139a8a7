/**
 * The names review's actions on a real data directory: an association user accepts, ignores and
 * undoes through the `names` command, and the server's live database shows the change at once;
 * anyone else gets 403 from the page and from every action, before anything runs.
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../src/lib/access.ts';
import { appPresets, cachedProgress, currentDatabase } from '../../../src/lib/server/live.ts';
import { listOpenNames } from '../../../src/lib/server/names.ts';
import { actions, load } from '../../../src/routes/names/+page.server.ts';
import { closeLiveProvince, openLiveProvince } from '../../support/live-province.ts';
import type { Province } from '../../support/province.ts';
import { query } from '../../support/database.ts';

let province: Province;
const association: User = { name: 'lan', role: 'association', unitCode: null };
const OTHERS: User[] = [
	{ name: 'vy', role: 'viewer', unitCode: null },
	{ name: 'an', role: 'officer', unitCode: '436' }
];

beforeAll(async () => {
	province = await openLiveProvince(3000);
});
afterAll(() => closeLiveProvince(province));

const URL_ = new URL('http://localhost/names');

function post(user: User | null, fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return {
		locals: { user },
		url: URL_,
		request: new Request(URL_, { method: 'POST', body })
	} as unknown as Parameters<NonNullable<typeof actions.accept>>[0];
}

const loadAs = (user: User | null) =>
	load({
		locals: { user },
		url: URL_,
		request: new Request(URL_, { headers: { accept: 'text/html' } })
	} as unknown as Parameters<typeof load>[0]) as Promise<{
		review: {
			names: { raw: string; field: string; suggestions: { code: string }[] }[];
			decisions: { raw: string; code: string | null; decidedBy: string }[];
		};
	}>;

async function status(promise: unknown): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (isHttpError(error) || isRedirect(error)) return error.status;
		throw error;
	}
}

async function registered(code: string): Promise<number> {
	const db = (await currentDatabase())!;
	const [day] = await query<{ d: string }>(
		province.db,
		'SELECT max(as_of)::VARCHAR AS d FROM import'
	);
	const all = await cachedProgress(db, appPresets()[0]!, day!.d as never);
	return all.find((u) => u.code === code)!.registered!;
}

describe('names review actions', () => {
	it('answers 403 to anyone but the association and admins (anonymous: login, 401), runs nothing', async () => {
		const before = await query(province.db, 'SELECT count(*)::INT AS n FROM name_decision');
		const name = (await listOpenNames((await currentDatabase())!.kysely))[0]!;
		for (const user of [null, ...OTHERS]) {
			expect(await status(loadAs(user))).toBe(user === null ? 303 : 403);
			for (const kind of ['accept', 'ignore', 'undo'] as const)
				expect(await status(actions[kind]!(post(user, { name: name.raw, code: '436' })))).toBe(
					user === null ? 401 : 403
				);
		}
		expect(await query(province.db, 'SELECT count(*)::INT AS n FROM name_decision')).toEqual(
			before
		);
	});

	it('accepts a suggestion: the name closes and the unit’s figures move at once', async () => {
		const { review } = await loadAs(association);
		const name = review.names.find((n) => n.field !== 'group' && n.suggestions.length > 0)!;
		expect(name, 'the simulated exports misspell some names').toBeDefined();
		const code = name.suggestions[0]!.code;
		const before = await registered(code);
		const result = (await actions.accept!(post(association, { name: name.raw, code }))) as {
			report: { ok: boolean; lines: string[] };
		};
		expect(result.report.ok, result.report.lines.join('\n')).toBe(true);
		expect(result.report.lines[0]).toMatch(/^✓ “/);
		expect(await registered(code)).toBeGreaterThan(before);
		const after = await loadAs(association);
		expect(after.review.names.map((n) => n.raw)).not.toContain(name.raw);
		expect(after.review.decisions[0]).toMatchObject({ raw: name.raw, code, decidedBy: 'lan' });

		const undone = (await actions.undo!(post(association, { name: name.raw }))) as {
			report: { ok: boolean };
		};
		expect(undone.report.ok).toBe(true);
		expect(await registered(code)).toBe(before);
		expect((await loadAs(association)).review.names.map((n) => n.raw)).toContain(name.raw);
	});

	it('ignores a name, and refuses a code that is no unit in one line, changing nothing', async () => {
		const { review } = await loadAs(association);
		const name = review.names.at(-1)!;
		const refused = (await actions.accept!(
			post({ ...association, role: 'admin' }, { name: name.raw, code: 'NO-SUCH' })
		)) as { status: number; data: { report: { ok: boolean; errors: string[] } } };
		expect(refused.status).toBe(400);
		expect(refused.data.report.errors).toEqual([
			'✗ không có đơn vị hay đối tượng mã “NO-SUCH” (mã đơn vị: xem danh mục; mã đối tượng: groups.csv)'
		]);
		const missing = (await actions.accept!(post(association, { name: name.raw }))) as {
			status: number;
		};
		expect(missing.status).toBe(400);
		const ignored = (await actions.ignore!(post(association, { name: name.raw }))) as {
			report: { ok: boolean };
		};
		expect(ignored.report.ok).toBe(true);
		expect((await loadAs(association)).review.names.map((n) => n.raw)).not.toContain(name.raw);
	});
});
