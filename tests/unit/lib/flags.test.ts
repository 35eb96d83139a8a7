import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../src/lib/dates.ts';
import {
	FLAG_KINDS,
	laggardFlags,
	severity,
	type Flag,
	type FlagInput
} from '../../../src/lib/flags.ts';
import { addDays } from '../../../src/lib/dates.ts';
import { MIDWAY, RULES, target } from './fixtures.ts';

// The target runs 2023-01-01 → 2023-04-11 towards 50%: 25% expected on MIDWAY (2023-02-20),
// 50 days left. Margin 5 points, projection window 10 days, inactivity 30 days.
const T = target();

/** A unit on pace on MIDWAY that registered someone the day before asOf: no flag at all. */
function input(overrides: Partial<FlagInput> = {}): FlagInput {
	const asOf = overrides.asOf ?? MIDWAY;
	return {
		asOf,
		target: T,
		rules: RULES,
		hasRows: true,
		share: 0.25,
		shareWindowAgo: 0.2,
		lastRegistration: addDays(asOf, -1),
		activity: null,
		...overrides
	};
}

const kinds = (flags: Flag[]) => flags.map((f) => f.kind);

describe('laggardFlags', () => {
	it('flags nothing for a unit on pace and active', () => {
		expect(laggardFlags(input())).toEqual([]);
		expect(laggardFlags(input({ activity: { trainings: 3, budget: true } }))).toEqual([]);
	});

	describe('behind_pace', () => {
		it('flags a share below the expected share by more than the margin, with its numbers', () => {
			expect(laggardFlags(input({ share: 0.1, shareWindowAgo: 0 }))).toEqual([
				{ kind: 'behind_pace', share: 0.1, expected: 0.25, day: MIDWAY, threshold: 0.5 }
			]);
		});

		it.each([
			[0.2, []], // exactly the expected share less the margin
			[0.21, []],
			[0.199, ['behind_pace']]
		])('at the edge: share %d → %j', (share, expected) => {
			// shareWindowAgo 0: the projection (≥ 70%) never misses here.
			expect(kinds(laggardFlags(input({ share, shareWindowAgo: 0 })))).toEqual(expected);
		});

		it('follows the preset margin', () => {
			const rules = { ...RULES, paceMargin: 0.1 };
			expect(kinds(laggardFlags(input({ share: 0.16, shareWindowAgo: 0, rules })))).toEqual([]);
			expect(kinds(laggardFlags(input({ share: 0.14, shareWindowAgo: 0, rules })))).toEqual([
				'behind_pace'
			]);
		});

		it('is not flagged on or after the deadline', () => {
			for (const asOf of ['2023-04-11', '2023-06-01']) {
				expect(kinds(laggardFlags(input({ asOf, share: 0.1, shareWindowAgo: 0.1 })))).toEqual([
					'behind_target'
				]);
			}
		});
	});

	describe('behind_target', () => {
		it('flags a share below the threshold on the deadline, with its numbers', () => {
			expect(laggardFlags(input({ asOf: '2023-04-11', share: 0.45 }))).toEqual([
				{ kind: 'behind_target', share: 0.45, threshold: 0.5, deadline: '2023-04-11' }
			]);
		});

		it('flags it after the deadline too', () => {
			expect(laggardFlags(input({ asOf: '2023-12-31', share: 0.3 }))).toEqual([
				{ kind: 'behind_target', share: 0.3, threshold: 0.5, deadline: '2023-04-11' }
			]);
		});

		it('is not flagged once the threshold is reached', () => {
			expect(laggardFlags(input({ asOf: '2023-04-11', share: 0.5 }))).toEqual([]);
			expect(laggardFlags(input({ asOf: '2023-06-01', share: 0.7 }))).toEqual([]);
		});

		it('is never flagged the day before the deadline', () => {
			const flags = laggardFlags(input({ asOf: '2023-04-10', share: 0.1, shareWindowAgo: 0.1 }));
			expect(kinds(flags)).toEqual(['projected_miss', 'behind_pace']);
		});
	});

	describe('projected_miss', () => {
		it('flags a recent rate that misses the threshold, with its numbers', () => {
			// +2 points in 10 days, 50 days left: 32% at the deadline; 22% is within the margin.
			const flags = laggardFlags(input({ share: 0.22, shareWindowAgo: 0.2 }));
			expect(flags).toHaveLength(1);
			const flag = flags[0]!;
			expect(flag.kind).toBe('projected_miss');
			if (flag.kind !== 'projected_miss') return;
			expect(flag.projected).toBeCloseTo(0.32, 12);
			expect(flag.threshold).toBe(0.5);
			expect(flag.deadline).toBe('2023-04-11');
		});

		it('is not flagged when the rate reaches the threshold', () => {
			// +6 points in 10 days: 25% + 30% = 55% by the deadline.
			expect(laggardFlags(input({ share: 0.25, shareWindowAgo: 0.19 }))).toEqual([]);
		});

		it('is not flagged without the share a window ago', () => {
			expect(laggardFlags(input({ share: 0.22, shareWindowAgo: null }))).toEqual([]);
		});

		it('comes before behind_pace', () => {
			const flags = laggardFlags(input({ share: 0.1, shareWindowAgo: 0.1 }));
			expect(flags).toEqual([
				{ kind: 'projected_miss', projected: 0.1, threshold: 0.5, deadline: '2023-04-11' },
				{ kind: 'behind_pace', share: 0.1, expected: 0.25, day: MIDWAY, threshold: 0.5 }
			]);
		});
	});

	describe('no share flag without a share', () => {
		it('flags no share-based flag when the share is null (no or zero eligible)', () => {
			for (const asOf of [MIDWAY, '2023-04-11', '2023-12-31']) {
				expect(laggardFlags(input({ asOf, share: null, shareWindowAgo: null }))).toEqual([]);
			}
		});

		it('flags nothing before the campaign starts', () => {
			const before = { asOf: '2022-12-31', lastRegistration: null };
			expect(laggardFlags(input({ ...before, share: 0, shareWindowAgo: 0 }))).toEqual([]);
		});

		it('flags nothing for a unit without a target', () => {
			expect(
				laggardFlags(input({ target: null, share: 0, shareWindowAgo: 0, lastRegistration: null }))
			).toEqual([]);
			expect(laggardFlags(input({ target: null, hasRows: false, share: null }))).toEqual([]);
		});
	});

	describe('no_data', () => {
		it('flags a unit without any rows, and only that', () => {
			expect(
				laggardFlags(
					input({ hasRows: false, share: null, shareWindowAgo: null, lastRegistration: null })
				)
			).toEqual([{ kind: 'no_data' }]);
		});

		it('lets no share-based flag through without rows, whatever the share', () => {
			for (const asOf of [MIDWAY, '2023-04-11']) {
				const flags = laggardFlags(input({ asOf, hasRows: false, share: 0, shareWindowAgo: 0 }));
				expect(flags).toEqual([{ kind: 'no_data' }]);
			}
		});

		it('is not flagged for the trained metric, which has no data source', () => {
			const trained = target({ metric: 'trained' });
			expect(
				laggardFlags(input({ target: trained, hasRows: false, share: null, shareWindowAgo: null }))
			).toEqual([]);
		});
	});

	describe('the trained metric', () => {
		it('never flags behind_pace, projected_miss or behind_target', () => {
			const trained = target({ metric: 'trained' });
			for (const asOf of [MIDWAY, '2023-04-10', '2023-04-11', '2023-12-31']) {
				const flags = laggardFlags(
					input({
						asOf,
						target: trained,
						share: null,
						shareWindowAgo: null,
						lastRegistration: asOf
					})
				);
				expect(flags).toEqual([]);
			}
		});
	});

	describe('no_activity', () => {
		// Inactivity 30 days: on MIDWAY, nobody registered since 2023-01-21 or earlier.
		it('flags 30 days without a registration, with the last day and the count', () => {
			expect(laggardFlags(input({ lastRegistration: '2023-01-21' }))).toEqual([
				{ kind: 'no_activity', lastRegistration: '2023-01-21', days: 30 }
			]);
			expect(laggardFlags(input({ lastRegistration: '2023-01-02' }))).toEqual([
				{ kind: 'no_activity', lastRegistration: '2023-01-02', days: 49 }
			]);
		});

		it('is not flagged with a registration in the last 29 days', () => {
			expect(laggardFlags(input({ lastRegistration: '2023-01-22' }))).toEqual([]);
			expect(laggardFlags(input({ lastRegistration: MIDWAY }))).toEqual([]);
		});

		it('flags a unit whose rows carry no registration day yet, counting from the campaign start', () => {
			expect(laggardFlags(input({ lastRegistration: null }))).toEqual([
				{ kind: 'no_activity', lastRegistration: null, days: daysBetween('2023-01-01', MIDWAY) }
			]);
		});

		it('counts quiet days from the campaign start, not from an earlier registration', () => {
			expect(
				laggardFlags(input({ asOf: '2023-01-20', share: 0.3, lastRegistration: '2022-12-01' }))
			).toEqual([]);
			expect(
				laggardFlags(input({ asOf: '2023-02-10', share: 0.3, lastRegistration: '2022-12-01' }))
			).toEqual([{ kind: 'no_activity', lastRegistration: '2022-12-01', days: 40 }]);
		});

		it('does not count a share exactly on the pace line as behind (floating-point noise)', () => {
			// expected 0.2 on 2023-02-20 (100-day campaign to 40%), margin 0.05: 0.2 - 0.05 = 0.15000000000000002
			expect(
				laggardFlags(
					input({
						asOf: '2023-02-20',
						share: 0.15,
						target: target({ threshold: 0.4 }),
						shareWindowAgo: 0
					})
				)
			).toEqual([]);
		});

		it('follows the preset inactivity', () => {
			const rules = { ...RULES, inactivityDays: 60 };
			expect(laggardFlags(input({ rules, lastRegistration: '2023-01-02' }))).toEqual([]);
		});

		it('is not flagged once the target is reached', () => {
			expect(laggardFlags(input({ share: 0.5, lastRegistration: '2023-01-01' }))).toEqual([]);
			expect(
				laggardFlags(input({ asOf: '2023-06-01', share: 0.6, lastRegistration: '2023-03-01' }))
			).toEqual([]);
		});

		it('is not flagged before the campaign start', () => {
			expect(
				laggardFlags(input({ asOf: '2022-12-31', share: 0, lastRegistration: '2022-10-01' }))
			).toEqual([]);
		});

		it('is not flagged without rows (no_data says it)', () => {
			expect(
				kinds(laggardFlags(input({ hasRows: false, share: null, lastRegistration: null })))
			).toEqual(['no_data']);
		});
	});

	describe('no_training / no_budget', () => {
		it('are flagged only from what the activity sheet says', () => {
			expect(kinds(laggardFlags(input({ activity: { trainings: 0, budget: false } })))).toEqual([
				'no_training',
				'no_budget'
			]);
			expect(kinds(laggardFlags(input({ activity: { trainings: 0, budget: true } })))).toEqual([
				'no_training'
			]);
			expect(kinds(laggardFlags(input({ activity: { trainings: 1, budget: false } })))).toEqual([
				'no_budget'
			]);
		});

		it('are not flagged when the sheet does not list the unit', () => {
			expect(laggardFlags(input({ activity: null }))).toEqual([]);
		});

		it('do not flag a budget the sheet does not record', () => {
			expect(kinds(laggardFlags(input({ activity: { trainings: 2, budget: null } })))).toEqual([]);
			expect(kinds(laggardFlags(input({ activity: { trainings: 0, budget: null } })))).toEqual([
				'no_training'
			]);
		});

		it('do not depend on a target or on rows', () => {
			const activity = { trainings: 0, budget: false };
			expect(kinds(laggardFlags(input({ target: null, activity })))).toEqual([
				'no_training',
				'no_budget'
			]);
			expect(kinds(laggardFlags(input({ hasRows: false, share: null, activity })))).toEqual([
				'no_data',
				'no_training',
				'no_budget'
			]);
		});
	});

	it('orders flags by weight, behind_target first', () => {
		const flags = laggardFlags(
			input({
				asOf: '2023-06-01',
				share: 0.3,
				lastRegistration: '2023-03-01',
				activity: { trainings: 0, budget: false }
			})
		);
		expect(kinds(flags)).toEqual(['behind_target', 'no_activity', 'no_training', 'no_budget']);
		const early = laggardFlags(
			input({
				share: 0.05,
				shareWindowAgo: 0.05,
				lastRegistration: '2023-01-05',
				activity: { trainings: 0, budget: false }
			})
		);
		expect(kinds(early)).toEqual([
			'projected_miss',
			'behind_pace',
			'no_activity',
			'no_training',
			'no_budget'
		]);
	});

	it('lists every kind in FLAG_KINDS', () => {
		expect([...FLAG_KINDS].sort()).toEqual(
			[
				'behind_pace',
				'behind_target',
				'no_activity',
				'no_budget',
				'no_data',
				'no_training',
				'projected_miss'
			].sort()
		);
	});
});

describe('severity', () => {
	const behindTarget = (share: number): Flag => ({
		kind: 'behind_target',
		share,
		threshold: 0.5,
		deadline: '2023-04-11'
	});
	const behindPace = (share: number): Flag => ({
		kind: 'behind_pace',
		share,
		expected: 0.25,
		day: MIDWAY,
		threshold: 0.5
	});
	const miss: Flag = {
		kind: 'projected_miss',
		projected: 0.3,
		threshold: 0.5,
		deadline: '2023-04-11'
	};
	const quiet: Flag = { kind: 'no_activity', lastRegistration: null, days: 30 };

	it('is 0 without flags, whatever the gap', () => {
		expect(severity([], 0, T)).toBe(0);
		expect(severity([], null, null)).toBe(0);
	});

	it('is above 0 for any flag, with or without a share and a target', () => {
		expect(severity([{ kind: 'no_training' }], null, null)).toBeGreaterThan(0);
		expect(severity([{ kind: 'no_data' }], null, T)).toBeGreaterThan(0);
	});

	it('puts the heavier flag first, whatever the gap', () => {
		const order = [
			severity([behindTarget(0.49)], 0.49, T),
			severity([miss], 0, T),
			severity([behindPace(0.1)], 0.1, T),
			severity([{ kind: 'no_data' }], null, T),
			severity([quiet], 0.2, T),
			severity([{ kind: 'no_budget' }], 0, T)
		];
		expect([...order].sort((a, b) => b - a)).toEqual(order);
		expect(new Set(order).size).toBe(order.length);
	});

	it('breaks ties on the same flags by the gap to the threshold', () => {
		const far = severity([behindPace(0.05)], 0.05, T);
		const near = severity([behindPace(0.15)], 0.15, T);
		expect(far).toBeGreaterThan(near);
		expect(severity([behindTarget(0.1)], 0.1, T)).toBeGreaterThan(
			severity([behindTarget(0.4)], 0.4, T)
		);
	});

	it('counts no gap for a share above the threshold or without a target', () => {
		expect(severity([quiet], 0.9, T)).toBe(severity([quiet], 0.5, T));
		expect(severity([quiet], 0.1, null)).toBe(severity([quiet], null, T));
	});
});
