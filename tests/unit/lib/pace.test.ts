import { describe, expect, it } from 'vitest';
import { expectedShare, paceClass, projectedShare } from '../../../src/lib/pace.ts';
import { MIDWAY, RULES, realPreset, target } from './fixtures.ts';

describe('expectedShare', () => {
	const t = target(); // 2023-01-01 → 2023-04-11, 50%: 0.5 points a day

	it.each([
		['2022-06-01', 0],
		['2022-12-31', 0],
		['2023-01-01', 0],
		['2023-01-02', 0.005],
		['2023-01-11', 0.05],
		[MIDWAY, 0.25],
		['2023-04-10', 0.495],
		['2023-04-11', 0.5],
		['2023-04-12', 0.5],
		['2024-01-01', 0.5]
	])('on %s is %d', (day, expected) => {
		expect(expectedShare(t, day)).toBeCloseTo(expected, 12);
	});

	it('follows the milestones piecewise-linearly', () => {
		const m = target({
			start: '2023-01-01',
			deadline: '2023-01-31',
			threshold: 0.4,
			milestones: [
				{ date: '2023-01-11', share: 0.1 },
				{ date: '2023-01-21', share: 0.3 }
			]
		});
		const path = ['01-06', '01-11', '01-16', '01-21', '01-26', '01-31'].map((d) =>
			expectedShare(m, `2023-${d}`)
		);
		[0.05, 0.1, 0.2, 0.3, 0.35, 0.4].forEach((v, i) => expect(path[i]).toBeCloseTo(v, 12));
	});

	it('holds the Củ Chi path at 0 until 31/07/2023, then rises linearly to 30% on 30/11/2023', () => {
		const adults = realPreset('cu-chi-2023').targets.find((t) => t.id === 'adults')!;
		expect(expectedShare(adults, '2023-06-23')).toBe(0);
		expect(expectedShare(adults, '2023-07-15')).toBe(0);
		expect(expectedShare(adults, '2023-07-31')).toBe(0);
		// 122 days from 31/07 to 30/11: 0.3 / 122 a day.
		expect(expectedShare(adults, '2023-08-01')).toBeCloseTo(0.3 / 122, 12);
		expect(expectedShare(adults, '2023-09-30')).toBeCloseTo(0.15, 12);
		expect(expectedShare(adults, '2023-10-31')).toBeCloseTo((0.3 * 92) / 122, 12);
		expect(expectedShare(adults, '2023-11-30')).toBe(0.3);
		expect(expectedShare(adults, '2023-12-15')).toBe(0.3);
	});

	it('runs the Hà Tĩnh district path linearly through 2023 to 40%', () => {
		const districts = realPreset('ha-tinh-2023').targets.find((t) => t.id === 'districts')!;
		expect(expectedShare(districts, '2023-07-02')).toBeCloseTo(0.2, 12);
		expect(expectedShare(districts, '2023-10-31')).toBeCloseTo((0.4 * 303) / 364, 12);
		expect(expectedShare(districts, '2023-12-31')).toBe(0.4);
	});
});

describe('projectedShare', () => {
	it('extends the rate of the window to the deadline', () => {
		// +2 points in 10 days, 50 days left: +10 points.
		expect(projectedShare(0.22, 0.2, 10, MIDWAY, '2023-04-11')).toBeCloseTo(0.32, 12);
		// +6 points in 30 days, 90 days left: +18 points.
		expect(projectedShare(0.2, 0.14, 30, '2023-10-02', '2023-12-31')).toBeCloseTo(0.38, 12);
	});

	it('caps the projection at 100%', () => {
		expect(projectedShare(0.6, 0.3, 10, MIDWAY, '2023-04-11')).toBe(1);
	});

	it('never projects a negative rate', () => {
		expect(projectedShare(0.2, 0.25, 10, MIDWAY, '2023-04-11')).toBe(0.2);
		expect(projectedShare(0.2, 0.2, 10, MIDWAY, '2023-04-11')).toBe(0.2);
	});

	it('returns the share itself on or after the deadline', () => {
		expect(projectedShare(0.3, 0.1, 10, '2023-04-11', '2023-04-11')).toBe(0.3);
		expect(projectedShare(0.3, 0.1, 10, '2023-05-01', '2023-04-11')).toBe(0.3);
	});

	it('is null when the share a window ago is unknown', () => {
		expect(projectedShare(0.3, null, 10, MIDWAY, '2023-04-11')).toBeNull();
	});
});

describe('paceClass', () => {
	const t = target(); // expected 25% on MIDWAY; margin 5 points; far behind below half of expected

	it.each([
		[0.6, MIDWAY, 'reached'],
		[0.5, MIDWAY, 'reached'],
		[0.49, MIDWAY, 'on_pace'],
		[0.25, MIDWAY, 'on_pace'],
		[0.2, MIDWAY, 'on_pace'], // exactly the expected share less the margin
		[0.199, MIDWAY, 'behind_pace'],
		[0.125, MIDWAY, 'behind_pace'], // exactly half the expected share
		[0.124, MIDWAY, 'far_behind'],
		[0, MIDWAY, 'far_behind'],
		[null, MIDWAY, 'no_data'],
		[0, '2022-12-01', 'on_pace'], // before the start nothing is expected yet
		// On or after the deadline the target is due: no margin, below it is behind.
		[0.45, '2023-04-11', 'behind_pace'],
		[0.499, '2023-04-11', 'behind_pace'],
		[0.3, '2023-04-11', 'behind_pace'],
		[0.49, '2023-05-01', 'behind_pace'],
		[0.2, '2023-05-01', 'far_behind'],
		[0.5, '2023-05-01', 'reached'],
		[null, '2023-05-01', 'no_data']
	] as const)('share %s on %s is %s', (share, day, expected) => {
		expect(paceClass(share, t, day, RULES)).toBe(expected);
	});

	it('uses the preset rules', () => {
		const strict = { ...RULES, paceMargin: 0, farBehindRatio: 0.9 };
		expect(paceClass(0.24, t, MIDWAY, strict)).toBe('behind_pace');
		expect(paceClass(0.22, t, MIDWAY, strict)).toBe('far_behind');
	});
});
