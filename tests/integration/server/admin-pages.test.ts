/**
 * The admin pages' actions on a real data directory, as the browser posts them: the unit list and
 * the activity sheet previewed (a dry run that changes nothing) and confirmed (only the file
 * previewed), presets saved from the form, uploaded and removed — all through the CLI — and
 * 403 for anyone signed in without the role (anonymous: the login page, or 401), before anything
 * runs. No upload outlives its request.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../src/lib/access.ts';
import { draftFromPreset, type PresetDraft } from '../../../src/lib/preset-draft.ts';
import type { CommandReport } from '../../../src/lib/server/admin/cli-result.ts';
import { listAudit } from '../../../src/lib/server/accounts/audit.ts';
import { accountsPath, openAccounts } from '../../../src/lib/server/accounts/store.ts';
import { currentDatabase } from '../../../src/lib/server/live.ts';
import { listUnits } from '../../../src/lib/server/units.ts';
import * as units from '../../../src/routes/admin/units/+page.server.ts';
import * as activity from '../../../src/routes/admin/activity/+page.server.ts';
import * as presets from '../../../src/routes/admin/presets/+page.server.ts';
import * as index from '../../../src/routes/admin/+page.server.ts';
import { unitsCsv } from '../../../pipeline/demo/units.ts';
import { readUnitList } from '../../../pipeline/units.ts';
import { realPreset } from '../../unit/lib/fixtures.ts';
import { closeLiveProvince, openLiveProvince } from '../../support/live-province.ts';
import type { Province } from '../../support/province.ts';

let province: Province;
const admin: User = { name: 'minh', role: 'admin', unitCode: null };
const association: User = { name: 'lan', role: 'association', unitCode: null };
const viewer: User = { name: 'vy', role: 'viewer', unitCode: null };
const officer: User = { name: 'an', role: 'officer', unitCode: '436' };

beforeAll(async () => {
	province = await openLiveProvince(2000);
});
afterAll(() => closeLiveProvince(province));

type Event = never;
const URL_ = new URL('http://localhost/admin');
/** The private upload folders beside the database (the desk's). */
const uploads = () => {
	const root = path.join(province.dir, '.cdht-uploads');
	return existsSync(root) ? readdirSync(root) : [];
};

function post(user: User | null, fields: Record<string, string | File>): Event {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return {
		locals: { user },
		url: URL_,
		request: new Request(URL_, { method: 'POST', body })
	} as never;
}
/** A browser's page request (it accepts HTML: anonymous visitors are sent to the login page). */
function get(user: User | null, search = ''): Event {
	const url = new URL(`http://localhost/admin/presets${search}`);
	const request = new Request(url, { headers: { accept: 'text/html' } });
	return { locals: { user }, url, request } as never;
}

async function status(run: () => unknown): Promise<number> {
	try {
		await run();
		return 200;
	} catch (error) {
		if (isHttpError(error) || isRedirect(error)) return error.status;
		throw error;
	}
}

/** Every field any of the actions' results may have (each test reads those of its action). */
interface Answered {
	step?: string;
	refused?: string;
	file: string;
	hash: string;
	report: CommandReport;
	problem?: { field: string; text: string };
	draft: PresetDraft;
}

/** An action's answer: the data of a fail(400, …) or of a success. */
async function answer(action: ((e: Event) => unknown) | undefined, event: Event) {
	const out = (await action!(event)) as { status?: number; data?: unknown; result?: unknown };
	const data = (out.status === 400 ? out.data : out) as { result: Answered };
	return { failed: out.status === 400, result: data.result };
}

const csvFile = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const unitNames = async () =>
	new Map((await listUnits((await currentDatabase())!.kysely)).map((u) => [u.code, u.name]));

describe('who may use the admin pages', () => {
	it('sends anonymous pages to the login, answers 401 to their posts, 403 to viewers and officers', async () => {
		const targets = readdirSync(path.join(province.dir, 'targets'));
		const file = csvFile('units.csv', readFileSync(province.generated.units, 'utf8'));
		for (const user of [null, viewer, officer]) {
			const page_ = user === null ? 303 : 403;
			const action = user === null ? 401 : 403;
			expect(await status(() => index.load(get(user)))).toBe(page_);
			for (const page of [units, activity, presets])
				expect(await status(() => page.load(get(user)))).toBe(page_);
			for (const page of [units, activity])
				for (const step of ['preview', 'apply'] as const)
					expect(await status(() => page.actions[step](post(user, { file })))).toBe(action);
			for (const step of ['save', 'upload', 'remove'] as const)
				expect(
					await status(() => presets.actions[step]!(post(user, { id: 'cu-chi-2023', file })))
				).toBe(action);
		}
		// The association loads the activity sheet, not the unit list or the presets.
		expect(await status(() => index.load(get(association)))).toBe(200);
		expect(await status(() => activity.load(get(association)))).toBe(200);
		expect(await status(() => units.actions.preview(post(association, { file })))).toBe(403);
		expect(await status(() => presets.actions.remove!(post(association, { id: 'x' })))).toBe(403);
		expect(readdirSync(path.join(province.dir, 'targets'))).toEqual(targets);
	});
});

describe('the unit list', () => {
	it('previews without changing anything, then applies only the file previewed', async () => {
		const list = await readUnitList(province.generated.units);
		const district = list.find((u) => u.kind === 'district')!;
		district.aliases.push(district.name);
		district.name = `${district.name} (mới)`;
		const text = unitsCsv(list);
		const before = uploads();

		const preview = await answer(
			units.actions.preview,
			post(admin, { file: csvFile('Danh mục.csv', text) })
		);
		expect(preview.failed, JSON.stringify(preview.result)).toBe(false);
		expect(preview.result.file).toBe('Danh mục.csv');
		expect(preview.result.report.lines[0]).toMatch(/^✓ Danh mục đơn vị: /);
		expect(preview.result.report.lines.at(-1)).toMatch(/^Chạy thử \(--dry-run\)/);
		expect((await unitNames()).get(district.code)).not.toBe(district.name);

		const other = await answer(
			units.actions.apply,
			post(admin, { file: csvFile('Danh mục.csv', `${text}\n`), hash: preview.result.hash })
		);
		expect(other).toEqual({ failed: true, result: { step: 'apply', refused: 'changed' } });

		const applied = await answer(
			units.actions.apply,
			post(admin, { file: csvFile('Danh mục.csv', text), hash: preview.result.hash })
		);
		expect(applied.failed, JSON.stringify(applied.result)).toBe(false);
		expect(applied.result.report.lines.at(-1)).toMatch(/^→ đã ghi /);
		expect((await unitNames()).get(district.code)).toBe(district.name);
		expect(uploads()).toEqual(before);
		// The audit log names the file the admin uploaded, not the private copy.
		const store = await openAccounts(accountsPath(path.join(province.dir, 'cdht.duckdb')));
		try {
			const [entry] = await listAudit(store.kysely, { action: 'units', limit: 1 });
			expect(entry).toMatchObject({ actor: 'minh', source: 'web', target: 'Danh mục.csv' });
		} finally {
			await store.close();
		}
	});

	it('refuses a bad list in one line naming the uploaded file, not the private copy', async () => {
		const before = await unitNames();
		const bad = await answer(
			units.actions.preview,
			post(admin, { file: csvFile('don-vi.csv', 'ma,ten\n1,Một\n') })
		);
		expect(bad.failed).toBe(true);
		expect(bad.result.report.errors).toHaveLength(1);
		expect(bad.result.report.errors[0]).toMatch(/^✗ .*don-vi\.csv/);
		expect(bad.result.report.errors[0]).not.toMatch(/[0-9a-f]{32}/);
		const wrongType = await answer(
			units.actions.preview,
			post(admin, { file: new File(['x'], 'units.ods') })
		);
		expect(wrongType.result).toEqual({ step: 'preview', refused: 'extension' });
		expect(await unitNames()).toEqual(before);
	});
});

describe('the activity sheet', () => {
	it('is previewed and loaded by the association', async () => {
		const file = () =>
			new File(
				[readFileSync(province.generated.activity)],
				path.basename(province.generated.activity)
			);
		const preview = await answer(activity.actions.preview, post(association, { file: file() }));
		expect(preview.failed, JSON.stringify(preview.result)).toBe(false);
		expect(preview.result.report.lines[0]).toMatch(/^✓ Hoạt động: /);
		const applied = await answer(
			activity.actions.apply,
			post(association, { file: file(), hash: preview.result.hash })
		);
		expect(applied.failed, JSON.stringify(applied.result)).toBe(false);
		expect(applied.result.report.lines.at(-1)).toMatch(/^→ đã ghi /);
	});
});

describe('target presets', () => {
	/** The form's fields for a draft, as the browser posts them. */
	function fields(value: unknown, prefix = ''): Record<string, string> {
		if (typeof value === 'string') return { [prefix]: value };
		return Object.assign(
			{},
			...Object.entries(value as object).map(([k, v]) => fields(v, prefix ? `${prefix}.${k}` : k))
		);
	}
	const targets = () => readdirSync(path.join(province.dir, 'targets')).sort();

	it('refuses a form with a problem next to its field, writing nothing', async () => {
		const draft = draftFromPreset(realPreset('ha-tinh-2023'));
		draft.id = 'ha-tinh-2024';
		draft.targets[2]!.threshold = '40';
		const refused = await answer(presets.actions.save, post(admin, fields(draft)));
		expect(refused.failed).toBe(true);
		expect(refused.result.problem).toEqual({
			field: 'targets.2.threshold',
			text: 'tỉ lệ viết dạng số thập phân, 40% viết là 0.4 (40)'
		});
		expect(refused.result.draft.targets[2]!.threshold).toBe('40');
		expect(targets()).toEqual(['cu-chi-2023.json', 'ha-tinh-2023.json']);
	});

	it('saves a form as targets/<id>.json through the presets command', async () => {
		const draft = draftFromPreset(realPreset('ha-tinh-2023'));
		draft.id = 'ha-tinh-2024';
		draft.targets[2]!.threshold = '0,45';
		const saved = await answer(presets.actions.save, post(admin, fields(draft)));
		expect(saved.failed, JSON.stringify(saved.result)).toBe(false);
		expect(saved.result.report.lines[0]).toBe(
			'✓ bộ chỉ tiêu mới ha-tinh-2024 (Hà Tĩnh 2023): 3 chỉ tiêu'
		);
		const file = JSON.parse(
			readFileSync(path.join(province.dir, 'targets/ha-tinh-2024.json'), 'utf8')
		);
		expect(file.targets[2].threshold).toBe(0.45);
		const edit = (await presets.load(get(admin, '?edit=ha-tinh-2024'))) as {
			draft: { id: string };
		};
		expect(edit.draft.id).toBe('ha-tinh-2024');
	});

	it('takes an uploaded JSON file, naming it in a refusal', async () => {
		const json = JSON.parse(readFileSync(path.resolve('data/targets/cu-chi-2023.json'), 'utf8'));
		json.rules.inactivityDays = 0;
		const bad = await answer(
			presets.actions.upload,
			post(admin, { file: new File([JSON.stringify(json)], 'chi-tieu.json') })
		);
		expect(bad.failed).toBe(true);
		expect(bad.result.report.errors).toEqual([
			'✗ chi-tieu.json: $.rules.inactivityDays = 0: cần số nguyên lớn hơn 0'
		]);
		json.rules.inactivityDays = 45;
		const good = await answer(
			presets.actions.upload,
			post(admin, { file: new File([JSON.stringify(json)], 'chi-tieu.json') })
		);
		expect(good.failed, JSON.stringify(good.result)).toBe(false);
		const file = JSON.parse(
			readFileSync(path.join(province.dir, 'targets/cu-chi-2023.json'), 'utf8')
		);
		expect(file.rules.inactivityDays).toBe(45);
	});

	it('removes a preset, not the default one', async () => {
		const refused = await answer(presets.actions.remove, post(admin, { id: 'ha-tinh-2023' }));
		expect(refused.failed).toBe(true);
		const removed = await answer(presets.actions.remove, post(admin, { id: 'ha-tinh-2024' }));
		expect(removed.failed, JSON.stringify(removed.result)).toBe(false);
		expect(targets()).toEqual(['cu-chi-2023.json', 'ha-tinh-2023.json']);
	});
});
