import { describe, expect, it } from 'vitest';
import { suppressArmedForces, type GroupCounts } from '../../../src/lib/suppression.ts';

const g = (
	group: string,
	registered: number,
	recognised: number,
	digital: number
): GroupCounts => ({
	group,
	registered,
	recognised,
	digital
});
const total = (gs: GroupCounts[], m: 'registered' | 'recognised' | 'digital') =>
	gs.reduce((s, x) => s + x[m], 0);

describe('suppressArmedForces', () => {
	it('leaves a breakdown without armed forces as it is', () => {
		expect(suppressArmedForces([g('farmer', 10, 5, 2)])).toEqual([
			{ ...g('farmer', 10, 5, 2), withArmedForces: false }
		]);
	});

	it('merges the armed forces into the group whose smallest count is largest, keeping the total', () => {
		const groups = [g('worker', 90, 40, 3), g('farmer', 60, 30, 20), g('armed_forces', 16, 13, 12)];
		const out = suppressArmedForces(groups);
		expect(out.map((x) => x.group)).toEqual(['worker', 'farmer']);
		expect(out[1]).toEqual({ ...g('farmer', 76, 43, 32), withArmedForces: true });
		for (const m of ['registered', 'recognised', 'digital'] as const) {
			expect(total(out, m)).toBe(total(groups, m));
			// Total minus the other parts is the merged row: more than 5 away from the armed count.
			expect(Math.abs(out[1]![m] - groups[2]![m])).toBeGreaterThan(5);
		}
	});

	it('publishes no breakdown when no group could hide the armed forces by more than 5', () => {
		expect(suppressArmedForces([g('worker', 90, 40, 5), g('armed_forces', 3, 2, 1)])).toEqual([]);
		expect(suppressArmedForces([g('armed_forces', 3, 2, 1)])).toEqual([]);
	});
});
