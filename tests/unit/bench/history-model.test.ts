import { describe, expect, it } from 'vitest';
import { HistoryModel } from '../../bench/history-model.ts';

const PEOPLE = 20_000;
const MONTHS = 7;
const shares = { initial: 0.4, change: 0.1 };

describe('the history benchmark change model', () => {
	const model = new HistoryModel(PEOPLE, MONTHS, 42, shares);

	it('is the same for the same seed and differs for another', () => {
		const again = new HistoryModel(PEOPLE, MONTHS, 42, shares);
		const other = new HistoryModel(PEOPLE, MONTHS, 43, shares);
		const trace = (m: HistoryModel) =>
			Array.from({ length: 200 }, (_, i) => `${m.joinMonth(i)}:${m.version(i, MONTHS - 1)}`);
		expect(trace(again)).toEqual(trace(model));
		expect(trace(other)).not.toEqual(trace(model));
	});

	it('lists the initial share first, then adds the rest evenly', () => {
		const first = model.monthCounts(0);
		expect(first.added / PEOPLE).toBeCloseTo(shares.initial, 1);
		const perMonth = (PEOPLE * (1 - shares.initial)) / (MONTHS - 1);
		for (let m = 1; m < MONTHS; m++) {
			const { added } = model.monthCounts(m);
			expect(Math.abs(added - perMonth) / perMonth).toBeLessThan(0.08);
		}
		expect(model.monthCounts(MONTHS - 1).listed).toBe(PEOPLE);
	});

	it('changes the stated share of the people listed before each month', () => {
		for (let m = 1; m < MONTHS; m++) {
			const { listed, added, changed } = model.monthCounts(m);
			const before = listed - added;
			expect(Math.abs(changed / before - shares.change)).toBeLessThan(0.01);
		}
		expect(model.monthCounts(0).changed).toBe(0);
	});

	it('counts a change only after the person joined, and never takes one back', () => {
		for (let i = 0; i < 2000; i++) {
			const join = model.joinMonth(i);
			expect(model.version(i, join)).toBe(0);
			const first = model.firstChange(i);
			if (first !== null) expect(first).toBeGreaterThan(join);
			for (let m = join + 1; m < MONTHS; m++)
				expect(model.version(i, m)).toBeGreaterThanOrEqual(model.version(i, m - 1));
		}
	});
});
