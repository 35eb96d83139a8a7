import { describe, expect, it } from 'vitest';
import { severity } from '../../../src/lib/flags.ts';
import { confidentialStep, redact, unitProgress } from '../../../src/lib/progress.ts';
import {
	activity,
	counts,
	MIDWAY,
	preset,
	progress,
	realPreset,
	target,
	unit
} from './fixtures.ts';

// District target 2023-01-01 → 2023-04-11 towards 50%: 25% expected on MIDWAY (2023-02-20).
// Default counts: 600 registered, 300 recognised, 120 with digital skills of 1,000 eligible;
// 10 days earlier 500, 250 and 100.
const T = target();
const P = preset([T]);

describe('unitProgress', () => {
	it('computes the shares of every metric, the expected and projected shares and the class', () => {
		const p = unitProgress(unit(), counts(), null, P, MIDWAY);
		expect(p).toMatchObject({
			code: 'D01',
			name: 'Huyện Hương Khê',
			kind: 'district',
			parent: 'P',
			confidential: false,
			eligible: 1000,
			registered: 600,
			recognised: 300,
			digital: 120,
			hasRows: true,
			registeredShare: 0.6,
			recognisedShare: 0.3,
			digitalShare: 0.4,
			target: T,
			targetInherited: false,
			share: 0.3,
			expected: 0.25,
			paceClass: 'on_pace',
			flags: [],
			severity: 0,
			lastRegistration: '2023-02-19',
			activity: null
		});
		// +5 points in 10 days, 50 days left: +25 points.
		expect(p.projected).toBeCloseTo(0.55, 12);
	});

	it.each([
		['recognised', 0.3],
		['registered', 0.6],
		['digital_skills', 0.4]
	] as const)('measures the %s metric', (metric, share) => {
		const p = unitProgress(unit(), counts(), null, preset([target({ metric })]), MIDWAY);
		expect(p.target?.metric).toBe(metric);
		expect(p.share).toBe(share);
	});

	it('projects from the same metric a window ago, capped at 100%', () => {
		const p = unitProgress(
			unit(),
			counts(),
			null,
			preset([target({ metric: 'registered' })]),
			MIDWAY
		);
		// 60% now, 50% ten days ago, 50 days left.
		expect(p.projected).toBe(1);
	});

	it.each([null, 0])('has no eligible share when eligible is %s', (eligible) => {
		const p = unitProgress(unit({ eligible }), counts(), null, P, MIDWAY);
		expect(p.registeredShare).toBeNull();
		expect(p.recognisedShare).toBeNull();
		expect(p.digitalShare).toBe(0.4);
		expect(p.share).toBeNull();
		expect(p.projected).toBeNull();
		expect(p.expected).toBe(0.25);
		expect(p.paceClass).toBe('no_data');
		expect(p.flags).toEqual([]);
		expect(p.severity).toBe(0);
	});

	it('has no digital share without anyone recognised', () => {
		const none = counts({ recognised: 0, digital: 0, recognisedWindowAgo: 0, digitalWindowAgo: 0 });
		const p = unitProgress(
			unit(),
			none,
			null,
			preset([target({ metric: 'digital_skills' })]),
			MIDWAY
		);
		expect(p.digitalShare).toBeNull();
		expect(p.recognisedShare).toBe(0);
		expect(p.share).toBeNull();
		expect(p.paceClass).toBe('no_data');
	});

	it('marks a unit without counts as having no rows, flagged no_data', () => {
		const p = unitProgress(unit(), undefined, null, P, MIDWAY);
		expect(p).toMatchObject({
			hasRows: false,
			registered: 0,
			recognised: 0,
			digital: 0,
			registeredShare: null,
			recognisedShare: null,
			digitalShare: null,
			share: null,
			projected: null,
			expected: 0.25,
			paceClass: 'no_data',
			flags: [{ kind: 'no_data' }],
			lastRegistration: null
		});
		expect(p.severity).toBe(severity([{ kind: 'no_data' }], null, T));
		expect(p.severity).toBeGreaterThan(0);
	});

	it('flags a unit behind its own target, with the severity of its flags', () => {
		const slow = counts({
			recognised: 100,
			recognisedWindowAgo: 100,
			lastRegistration: '2023-02-19'
		});
		const p = unitProgress(unit(), slow, null, P, MIDWAY);
		expect(p.share).toBe(0.1);
		expect(p.paceClass).toBe('far_behind');
		expect(p.projected).toBe(0.1);
		expect(p.flags).toEqual([
			{ kind: 'projected_miss', projected: 0.1, threshold: 0.5, deadline: '2023-04-11' },
			{ kind: 'behind_pace', share: 0.1, expected: 0.25, day: MIDWAY, threshold: 0.5 }
		]);
		expect(p.severity).toBe(severity(p.flags, 0.1, T));
	});

	it('stops projecting on the deadline and flags behind_target', () => {
		const p = unitProgress(
			unit(),
			counts({ lastRegistration: '2023-04-10' }),
			null,
			P,
			'2023-04-11'
		);
		expect(p.projected).toBeNull();
		expect(p.expected).toBe(0.5);
		expect(p.paceClass).toBe('behind_pace');
		expect(p.flags).toEqual([
			{ kind: 'behind_target', share: 0.3, threshold: 0.5, deadline: '2023-04-11' }
		]);
	});

	it('passes the activity sheet through and flags from it', () => {
		const sheet = activity({ trainings: 0, budget: false });
		const p = unitProgress(unit(), counts(), sheet, P, MIDWAY);
		expect(p.activity).toBe(sheet);
		expect(p.flags).toEqual([{ kind: 'no_training' }, { kind: 'no_budget' }]);
	});

	describe('an inherited target', () => {
		// A commune has no target of its own: it is shown against its district's.
		const commune = unit({ code: 'C01', name: 'Xã Hương Trà', kind: 'commune', parent: 'D01' });
		const slow = counts({
			recognised: 50,
			recognisedWindowAgo: 50,
			lastRegistration: '2023-01-05'
		});

		it('classes the unit against it but flags nothing', () => {
			const p = unitProgress(commune, slow, null, P, MIDWAY, T);
			expect(p).toMatchObject({
				target: T,
				targetInherited: true,
				share: 0.05,
				expected: 0.25,
				paceClass: 'far_behind',
				flags: [],
				severity: 0
			});
			expect(p.projected).toBe(0.05);
		});

		it('flags nothing after the deadline either, nor without rows', () => {
			const late = unitProgress(commune, slow, null, P, '2023-06-01', T);
			expect(late.paceClass).toBe('far_behind');
			expect(late.flags).toEqual([]);
			const empty = unitProgress(commune, undefined, null, P, MIDWAY, T);
			expect(empty.targetInherited).toBe(true);
			expect(empty.paceClass).toBe('no_data');
			expect(empty.flags).toEqual([]);
		});

		it('gives way to the unit’s own target', () => {
			const parent = target({ id: 'parent', threshold: 0.9 });
			const p = unitProgress(unit(), counts(), null, P, MIDWAY, parent);
			expect(p.target).toBe(T);
			expect(p.targetInherited).toBe(false);
		});
	});

	it('leaves a unit without any target unclassed and unflagged', () => {
		const province = unit({ code: 'P', name: 'Tỉnh Hà Tĩnh', kind: 'province', parent: null });
		const p = unitProgress(province, counts({ lastRegistration: null }), null, P, MIDWAY);
		expect(p).toMatchObject({
			target: null,
			targetInherited: false,
			share: null,
			expected: null,
			projected: null,
			paceClass: 'no_data',
			flags: [],
			severity: 0,
			recognisedShare: 0.3
		});
	});

	it('never measures or flags the trained metric, which has no data source', () => {
		const trained = preset([target({ metric: 'trained' })]);
		for (const day of [MIDWAY, '2023-04-11', '2023-06-01']) {
			const p = unitProgress(unit(), counts({ lastRegistration: day }), null, trained, day);
			expect(p.share).toBeNull();
			expect(p.projected).toBeNull();
			expect(p.paceClass).toBe('no_data');
			expect(p.flags).toEqual([]);
		}
		expect(unitProgress(unit(), undefined, null, trained, MIDWAY).flags).toEqual([]);
	});

	it('reads Hương Khê against the Hà Tĩnh district target on 31/10/2023', () => {
		const haTinh = realPreset('ha-tinh-2023');
		const huongKhe = unit({ eligible: 50_000 });
		const c = counts({
			registered: 9_000,
			recognised: 6_200,
			digital: 3_100,
			registeredWindowAgo: 8_500,
			recognisedWindowAgo: 5_900,
			digitalWindowAgo: 2_900,
			lastRegistration: '2023-10-30'
		});
		const p = unitProgress(huongKhe, c, null, haTinh, '2023-10-31');
		expect(p.target?.id).toBe('districts');
		expect(p.share).toBe(0.124);
		expect(p.registeredShare).toBe(0.18);
		expect(p.digitalShare).toBe(0.5);
		expect(p.expected).toBeCloseTo((0.4 * 303) / 364, 12);
		// +300 people in 30 days, 61 days left: 6,810 of 50,000.
		expect(p.projected).toBeCloseTo(0.1362, 12);
		expect(p.paceClass).toBe('far_behind');
		expect(p.flags.map((f) => f.kind)).toEqual(['projected_miss', 'behind_pace']);
	});
});

describe('redact', () => {
	it('removes the counts of a confidential unit and keeps its shares', () => {
		const secret = progress({ kind: 'armed_force', confidential: true });
		const r = redact(secret);
		expect(r).toEqual({
			...secret,
			eligible: null,
			registered: null,
			recognised: null,
			digital: null,
			activity: null
		});
		expect([r.share, r.registeredShare, r.recognisedShare, r.digitalShare]).toEqual([
			0.3, 0.6, 0.3, 0.4
		]);
		expect(secret.eligible).toBe(1000);
	});

	it("publishes a confidential unit's shares to a whole percent, and no training headcount", () => {
		// 1,237 of 1,543: 0.8016850291639663 at full precision gives both counts back.
		const u = unit({ kind: 'armed_force', confidential: true, eligible: 1543 });
		const c = counts({ registered: 1237, recognised: 611, digital: 301, recognisedWindowAgo: 100 });
		const p = unitProgress(
			u,
			c,
			activity(),
			preset([target({ appliesTo: { kind: 'armed_force' } })]),
			MIDWAY
		);
		expect(p.registeredShare).toBe(1237 / 1543);
		const r = redact(p);
		expect([r.registeredShare, r.recognisedShare, r.digitalShare, r.share]).toEqual([
			0.8, 0.4, 0.5, 0.4
		]);
		expect(r.projected).toBe(Math.round(p.projected! * 100) / 100);
		expect(r.activity).toBeNull();
		for (const f of r.flags) {
			if ('share' in f) expect(f.share).toBe(Math.round(f.share * 100) / 100);
		}
		expect(r.severity).toBe(severity(p.flags, 0.4, p.target));
	});

	it.each([
		[2000, 0.01],
		[1000, 0.01],
		[999, 0.02],
		[200, 0.05],
		[100, 0.1],
		[40, 0.25],
		[20, 0.5],
		[19, null]
	])('rounds shares of %i people to steps of %s, so each step stands for 10 or more', (n, step) => {
		expect(confidentialStep(n)).toBe(step);
	});

	it('publishes no share of fewer than 20 people, nor the flags that would carry it', () => {
		const u = unit({ kind: 'armed_force', confidential: true, eligible: 15 });
		const c = counts({ registered: 3, recognised: 2, digital: 1 });
		const p = unitProgress(
			u,
			c,
			null,
			preset([target({ appliesTo: { kind: 'armed_force' } })]),
			MIDWAY
		);
		// Judged on the share as published (none), like its class: no flag carries a share.
		expect(p.flags.some((f) => 'share' in f || 'projected' in f)).toBe(false);
		const r = redact(p);
		expect([r.share, r.registeredShare, r.recognisedShare, r.projected]).toEqual([
			null,
			null,
			null,
			null
		]);
		expect(r.flags.some((f) => 'share' in f || 'projected' in f)).toBe(false);
	});

	// 196 of 1,000 recognised is 19.6%, published as 20%: 25% expected less the 5-point margin.
	const armed = preset([target({ appliesTo: { kind: 'armed_force' } })]);
	const roundsUp = counts({ recognised: 196, recognisedWindowAgo: 196 });

	it('classes an open unit on its exact share: 19.6% is behind a line at 20%', () => {
		const p = unitProgress(unit({ kind: 'armed_force' }), roundsUp, null, armed, MIDWAY);
		expect(p.paceClass).toBe('behind_pace');
		expect(p.flags.map((f) => f.kind)).toContain('behind_pace');
	});

	it('classes a confidential unit on its published share: 19.6% shows as 20%, on pace', () => {
		const secret = unit({ kind: 'armed_force', confidential: true });
		const p = unitProgress(secret, roundsUp, null, armed, MIDWAY);
		const r = redact(p);
		expect(r.share).toBe(0.2);
		expect(r.paceClass).toBe('on_pace');
		expect(r.flags.map((f) => f.kind)).not.toContain('behind_pace');
	});

	it('counts a confidential unit as reached when its published share is the target', () => {
		const secret = unit({ kind: 'armed_force', confidential: true });
		const p = unitProgress(secret, counts({ recognised: 497 }), null, armed, '2023-05-01');
		expect(redact(p).share).toBe(0.5);
		expect(p.paceClass).toBe('reached');
		expect(p.flags.map((f) => f.kind)).not.toContain('behind_target');
	});

	it('judges a projected miss on the projection as published', () => {
		// 19.6% now, 9.8% ten days ago, 50 days left: 68.6% exact, 69% published; target 69%.
		const secret = unit({ kind: 'armed_force', confidential: true });
		const high = preset([target({ appliesTo: { kind: 'armed_force' }, threshold: 0.69 })]);
		const c = counts({ recognised: 196, recognisedWindowAgo: 98 });
		const open = unitProgress(unit({ kind: 'armed_force' }), c, null, high, MIDWAY);
		expect(open.flags.map((f) => f.kind)).toContain('projected_miss');
		const p = unitProgress(secret, c, null, high, MIDWAY);
		expect(redact(p).projected).toBe(0.69);
		expect(p.flags.map((f) => f.kind)).not.toContain('projected_miss');
	});

	it('classes a confidential share too few people to publish as withheld, not as no data', () => {
		const secret = unit({ kind: 'armed_force', confidential: true, eligible: 15 });
		const p = unitProgress(secret, counts({ recognised: 2 }), null, armed, MIDWAY);
		expect(redact(p).share).toBeNull();
		expect(p.paceClass).toBe('withheld');
		expect(p.flags).toEqual([]);
	});

	it('leaves a unit that is not confidential untouched', () => {
		const open = progress();
		expect(redact(open)).toBe(open);
		expect(redact(open).registered).toBe(600);
	});
});
