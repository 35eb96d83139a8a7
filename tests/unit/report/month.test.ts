import { describe, expect, it } from 'vitest';
import {
	isMonth,
	previousMonthEnd,
	reportDays,
	reportMonths
} from '../../../src/lib/server/report/month.ts';

const SNAPSHOTS = ['2023-06-30', '2023-07-31', '2023-08-31', '2023-09-30', '2023-10-31'];

describe('reportDays', () => {
	it('compares the last day of the month with the last day of the month before', () => {
		expect(reportDays('2023-10', SNAPSHOTS)).toEqual({
			month: '2023-10',
			asOf: '2023-10-31',
			previousAsOf: '2023-09-30',
			partial: false
		});
		expect(reportDays('2023-03', SNAPSHOTS)).toEqual({
			month: '2023-03',
			asOf: '2023-03-31',
			previousAsOf: '2023-02-28',
			partial: false
		});
		expect(reportDays('2024-01', [...SNAPSHOTS, '2024-01-31'])?.previousAsOf).toBe('2023-12-31');
	});

	it('stops at the latest snapshot while the month is running', () => {
		expect(reportDays('2023-11', [...SNAPSHOTS, '2023-11-15'])).toEqual({
			month: '2023-11',
			asOf: '2023-11-15',
			previousAsOf: '2023-10-31',
			partial: true
		});
	});

	it('has nothing to report for a month no snapshot reaches', () => {
		expect(reportDays('2023-11', SNAPSHOTS)).toBeNull();
		expect(reportDays('2023-10', [])).toBeNull();
		expect(() => reportDays('2023-13', SNAPSHOTS)).toThrow(RangeError);
	});
});

describe('reportMonths', () => {
	it('lists the months from the first snapshot to the latest, newest first', () => {
		expect(reportMonths(SNAPSHOTS)).toEqual([
			'2023-10',
			'2023-09',
			'2023-08',
			'2023-07',
			'2023-06'
		]);
		expect(reportMonths(['2023-12-31', '2024-01-31'])).toEqual(['2024-01', '2023-12']);
		expect(reportMonths([])).toEqual([]);
	});
});

describe('isMonth and previousMonthEnd', () => {
	it('accepts YYYY-MM only', () => {
		expect(isMonth('2023-10')).toBe(true);
		for (const bad of ['2023-13', '2023-00', '2023-1', '23-10', '2023-10-01'])
			expect(isMonth(bad)).toBe(false);
	});

	it('finds the end of the month before a day', () => {
		expect(previousMonthEnd('2023-10-15')).toBe('2023-09-30');
		expect(previousMonthEnd('2024-03-31')).toBe('2024-02-29');
		expect(previousMonthEnd('2024-01-01')).toBe('2023-12-31');
	});
});
