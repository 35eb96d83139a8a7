/**
 * An attacker's arithmetic on everything published about confidential (armed-force) units of a
 * real simulated province: page data, the laggards list and `progress --json`. Every confidential
 * count — registered, recognised, digital skills, and the headcount (eligible) — must stay
 * uncertain by at least ±5 even for an attacker who knows the headcount to within a factor of 2,
 * and no total minus published parts may land within ±5 of a confidential count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/lib/i18n/index.ts';
import { confidentialStep, MARGIN, redact, type UnitProgress } from '../../../src/lib/progress.ts';
import { closeLiveDatabases, liveDatabase, type Db } from '../../../src/lib/server/db.ts';
import { snapshotDates } from '../../../src/lib/server/imports.ts';
import { laggardsData } from '../../../src/lib/server/pages/laggards.ts';
import { organisationsData } from '../../../src/lib/server/pages/organisations.ts';
import { overviewData } from '../../../src/lib/server/pages/overview.ts';
import { unitData, type UnitData } from '../../../src/lib/server/pages/unit.ts';
import { countsByGroup, progressOn } from '../../../src/lib/server/progress.ts';
import type { TargetPreset } from '../../../src/lib/targets.ts';
import type { View } from '../../../src/lib/view.ts';
import { progressDocument } from '../../../pipeline/commands/progress.ts';
import { realPreset } from '../../unit/lib/fixtures.ts';
import {
	arrowRows,
	csvRows,
	getProgress,
	serveDatabase,
	type DataRow
} from '../../support/data-endpoints.ts';
import { buildProvince } from '../../support/province.ts';

/** A row of the analysts' downloads in the shape the attacker reads page rows in. */
function fromDownload(r: DataRow) {
	const activity = [r.trainings, r.trained_people, r.budget, r.budget_amount];
	return {
		code: String(r.code),
		eligible: r.eligible as number | null,
		registered: r.registered as number | null,
		recognised: r.recognised as number | null,
		activity: activity.every((v) => v === null || v === undefined) ? null : activity,
		registeredShare: r.registered_share as number | null,
		recognisedShare: r.recognised_share as number | null,
		digitalShare: r.digital_share as number | null,
		share: r.share as number | null,
		projected: r.projected as number | null,
		flags: [] as { share?: number; projected?: number }[]
	};
}

const MERGED_SUFFIX = t('en', 'groupWithArmedForces', { group: '' }).trim();
const MAX_DENOMINATOR = 100_000;

/** Continued-fraction convergents of x with denominators up to `max`. */
function convergents(x: number, max = MAX_DENOMINATOR): [number, number][] {
	const out: [number, number][] = [];
	let [p0, q0, p1, q1] = [0, 1, 1, 0];
	let v = x;
	for (let i = 0; i < 40; i++) {
		const a = Math.floor(v);
		const [p, q] = [a * p1 + p0, a * q1 + q0];
		if (q > max) break;
		out.push([p, q]);
		[p0, q0, p1, q1] = [p1, q1, p, q];
		if (Math.abs(v - a) < 1e-12) break;
		v = 1 / (v - a);
	}
	return out;
}

const EXACT = 1e-12;

/**
 * The interval a published share stands for, if its denominator is q: the attacker knows the
 * rule (README), so half the step for q, or the value itself if it is not on that step.
 */
function halfWidth(share: number, q: number): number {
	const step = confidentialStep(q);
	if (step === null) return EXACT;
	const onStep = Math.abs(share / step - Math.round(share / step)) < 1e-9;
	return onStep ? step / 2 + EXACT : EXACT;
}

const fits = (p: number, q: number, share: number) =>
	q > 0 && Math.abs(p / q - share) <= halfWidth(share, q);

/** Numerators p for which p/q shows as `share`. */
function numerators(q: number, share: number): number[] {
	const h = halfWidth(share, q);
	const out: number[] = [];
	for (let p = Math.max(0, Math.ceil((share - h) * q)); p <= Math.floor((share + h) * q); p++) {
		if (fits(p, q, share)) out.push(p);
	}
	return out;
}

/** Counts p of q people consistent with every one of `shares` (any count, without shares). */
function consistent(q: number, shares: number[]): number[] {
	const all = Array.from({ length: q + 1 }, (_, p) => p);
	return shares.length === 0
		? all
		: numerators(q, shares[0]!).filter((p) => shares.every((s) => fits(p, q, s)));
}

/**
 * Whether the truth is uncertain by ±5: it lies in a run of 2 × MARGIN + 1 consecutive
 * candidates, so no reading of the published figures narrows it to fewer than 11 values.
 */
const covers = (candidates: Set<number>, truth: number) => {
	if (!candidates.has(truth)) return false;
	let [lo, hi] = [truth, truth];
	while (candidates.has(lo - 1)) lo--;
	while (candidates.has(hi + 1)) hi++;
	return hi - lo >= 2 * MARGIN;
};

/** Every share published for one confidential unit, by what it is a share of. */
interface Published {
	/** Shares of the headcount: registered, recognised, curve points, funnel, groups. */
	ofEligible: number[];
	registered: number[];
	recognised: number[];
	digitalOfEligible: number[];
	/** Digital skills ÷ recognised. */
	digitalOfRecognised: number[];
	/** Every share of any kind, for rational reconstruction. */
	all: number[];
}

let db: Db;
let preset: TargetPreset;
let view: View;
let truth: UnitProgress[];
let confidential: UnitProgress[];
const published = new Map<string, Published>();
const pages = new Map<string, UnitData>();

function add(code: string, key: keyof Published, value: number | null | undefined) {
	if (value === null || value === undefined) return;
	const p = published.get(code)!;
	p[key].push(value);
	p.all.push(value);
	if (key === 'registered' || key === 'recognised') p.ofEligible.push(value);
}

beforeAll(async () => {
	const province = await buildProvince(3000);
	db = (await liveDatabase(province.db))!;
	// Before any page data: the server's settings are read once and then kept for a moment.
	serveDatabase(province.db);
	preset = realPreset('ha-tinh-2023');
	const asOf = (await snapshotDates(db.kysely)).at(-1)!;
	view = { asOf, preset: preset.id, lang: 'vi' };
	truth = await progressOn(db.kysely, preset, asOf);
	confidential = truth.filter((u) => u.confidential && u.hasRows && (u.eligible ?? 0) > 0);
	for (const u of confidential) {
		published.set(u.code, {
			ofEligible: [],
			registered: [],
			recognised: [],
			digitalOfEligible: [],
			digitalOfRecognised: [],
			all: []
		});
	}
	// Everything a reader can fetch: rows from every page, the CLI's JSON, every unit page.
	const overview = await overviewData(db, preset, view);
	const organisations = await organisationsData(db, preset, view, 'armed_force');
	const laggards = await laggardsData(db, preset, view);
	const json = progressDocument(asOf, preset.id, truth.map(redact));
	// The analysts' downloads, through their endpoints, as read back with apache-arrow and DuckDB.
	const query = { asOf, preset: preset.id };
	const downloads = [
		...(await arrowRows(await getProgress('arrow', query))),
		...(await csvRows(await getProgress('csv', query)))
	].map(fromDownload);
	expect(downloads.length).toBe(2 * truth.length);
	const rows = [
		overview.province,
		...overview.districts,
		...overview.rankings.flatMap((r) => [...r.best, ...r.worst]),
		...organisations.units,
		...laggards,
		...json.units,
		...downloads
	];
	for (const u of truth) {
		const page = await unitData(db, preset, view, u.code);
		pages.set(u.code, page!);
		rows.push(page!.unit, ...page!.children);
	}
	for (const r of rows) {
		if (!published.has(r.code)) continue;
		expect(r.eligible).toBeNull();
		expect(r.registered).toBeNull();
		expect(r.recognised).toBeNull();
		expect('activity' in r ? r.activity : null).toBeNull();
		add(r.code, 'registered', r.registeredShare);
		add(r.code, 'recognised', r.recognisedShare);
		if ('digitalShare' in r) add(r.code, 'digitalOfRecognised', r.digitalShare);
		add(r.code, 'all', r.share);
		add(r.code, 'all', r.projected);
		for (const f of r.flags) {
			if ('share' in f) add(r.code, 'all', f.share);
			if ('projected' in f) add(r.code, 'all', f.projected);
		}
	}
	for (const u of confidential) {
		const page = pages.get(u.code)!;
		for (const g of page.groups) {
			add(u.code, 'ofEligible', g.registered);
			add(u.code, 'ofEligible', g.recognised);
			add(u.code, 'ofEligible', g.digital);
		}
		add(u.code, 'registered', page.funnel.registered);
		add(u.code, 'recognised', page.funnel.recognised);
		add(u.code, 'digitalOfEligible', page.funnel.digital);
	}
	// Tiles combining confidential units (the armed forces' target).
	const secretTargets = new Set(confidential.map((u) => u.target?.id));
	for (const tile of overview.tiles) {
		if (tile.share === null || !secretTargets.has(tile.id)) continue;
		for (const p of published.values()) p.all.push(tile.share);
	}
}, 600_000);

afterAll(() => closeLiveDatabases());

describe('confidential counts under attack', () => {
	it('has confidential units with data to attack', () => {
		expect(confidential.length).toBeGreaterThan(0);
	});

	it('gives no count back by rational reconstruction of a published share', () => {
		for (const u of confidential) {
			// The fractions a count makes of its denominator.
			const secrets: [number | null, number | null][] = [
				[u.registered, u.eligible],
				[u.recognised, u.eligible],
				[u.digital, u.eligible],
				[u.digital, u.recognised]
			];
			for (const share of published.get(u.code)!.all) {
				// Published in whole percent at the finest: hundredths only.
				expect(Math.abs(share * 100 - Math.round(share * 100)), `${u.code} ${share}`).toBeLessThan(
					1e-9
				);
				for (const [p, q] of convergents(share)) {
					// Hundredths give back only fractions over 100 or less: no count of a bigger unit.
					if (q <= 100 || Math.abs(p / q - share) > EXACT) continue;
					const hit = secrets.some(
						([c, n]) => c !== null && n !== null && n > 0 && p * n === q * c && q >= n
					);
					expect(hit, `${u.code} ${share} = ${p}/${q}`).toBe(false);
				}
			}
		}
	});

	it('leaves the headcount and every count uncertain by ±5, even knowing the headcount to ×2', () => {
		for (const u of confidential) {
			const pub = published.get(u.code)!;
			const e = u.eligible!;
			// Denominators consistent with every share of the headcount published (the daily curve too).
			const denominators: number[] = [];
			for (let q = Math.ceil(e / 2); q <= Math.min(2 * e, MAX_DENOMINATOR); q++) {
				if (pub.ofEligible.every((s) => consistent(q, [s]).length > 0)) denominators.push(q);
			}
			expect(covers(new Set(denominators), e), `${u.code} headcount ${e}`).toBe(true);
			const registered = new Set<number>();
			const recognised = new Set<number>();
			const digital = new Set<number>();
			for (const q of denominators) {
				for (const p of consistent(q, pub.registered)) registered.add(p);
				const rec = consistent(q, pub.recognised);
				for (const p of rec) recognised.add(p);
				for (const p of consistent(q, pub.digitalOfEligible)) {
					if (rec.some((r) => pub.digitalOfRecognised.every((s) => fits(p, r, s)))) digital.add(p);
				}
			}
			expect(covers(registered, u.registered!), `${u.code} registered ${u.registered}`).toBe(true);
			expect(covers(recognised, u.recognised!), `${u.code} recognised ${u.recognised}`).toBe(true);
			expect(covers(digital, u.digital!), `${u.code} digital ${u.digital}`).toBe(true);
		}
	});

	it('publishes no total minus parts within ±5 of a confidential count', async () => {
		const secrets: number[] = [];
		for (const u of confidential)
			secrets.push(u.eligible!, u.registered!, u.recognised!, u.digital!);
		const near = (d: number) => secrets.some((s) => s > 0 && Math.abs(d - s) <= MARGIN);
		for (const u of truth.filter((x) => !x.confidential)) {
			const page = pages.get(u.code)!;
			// No breakdown published: nothing to subtract.
			if (page.groups.length === 0) continue;
			const armed = (await countsByGroup(db.kysely, u.code, view.asOf)).find(
				(g) => g.group === 'armed_forces'
			);
			const totals = {
				registered: page.funnel.registered!,
				recognised: page.funnel.recognised!,
				digital: page.funnel.digital!
			};
			for (const metric of ['registered', 'recognised', 'digital'] as const) {
				const parts = page.groups.map((g) => g[metric] ?? 0);
				const sum = parts.reduce((a, b) => a + b, 0);
				// What the parts leave over, and the row the armed forces were merged into.
				const merged = page.groups.filter((g) => g.label.en.endsWith(MERGED_SUFFIX));
				for (const d of [totals[metric] - sum, ...merged.map((g) => g[metric] ?? 0)]) {
					// Parts adding up to the total (0 left over) say nothing about any one group.
					if (armed && armed[metric] > 0 && d !== 0) {
						expect(
							Math.abs(d - armed[metric]) > MARGIN,
							`${u.code} ${metric} ${d} ${JSON.stringify([totals, page.groups, armed])}`
						).toBe(true);
					}
				}
				const rest = totals[metric] - sum;
				if (rest !== 0) {
					expect(near(rest), `${u.code} ${metric} ${rest} ${JSON.stringify(page.groups)}`).toBe(
						false
					);
				}
			}
		}
	});

	it('leaves no confidential count as the province minus its published parts', () => {
		const secrets = confidential.map((u) => u.registered!);
		const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		const province = truth.find((u) => u.kind === 'province')!;
		const open = truth.filter((u) => !u.confidential && u.parent === province.code);
		const rest = province.registered! - sumOf(open.map((u) => u.registered!));
		for (const s of [...secrets, sumOf(secrets)]) {
			if (s > 0) expect(Math.abs(rest - s) > MARGIN, `province − parts = ${rest}`).toBe(true);
		}
	});
});
