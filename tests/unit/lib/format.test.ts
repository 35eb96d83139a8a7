import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDayMonth,
	formatMonth,
	formatNumber,
	formatShare
} from '../../../src/lib/format.ts';

describe('formatNumber', () => {
	it.each([
		[70_000, 'vi', '70.000'],
		[70_000, 'en', '70,000'],
		[1_234_567, 'vi', '1.234.567'],
		[1_234_567, 'en', '1,234,567'],
		[999, 'vi', '999'],
		[0, 'vi', '0'],
		[1_234.6, 'vi', '1.235'],
		[1_234.4, 'en', '1,234']
	] as const)('%d in %s → %s', (value, lang, expected) => {
		expect(formatNumber(value, lang)).toBe(expected);
	});

	it('writes a dash for a missing number', () => {
		expect(formatNumber(null, 'vi')).toBe('—');
		expect(formatNumber(undefined, 'en')).toBe('—');
	});
});

describe('formatShare', () => {
	it.each([
		[0.124, 'vi', 1, '12,4%'],
		[0.124, 'en', 1, '12.4%'],
		[0.4, 'vi', 0, '40%'],
		[0.4, 'en', 0, '40%'],
		[0.28, 'vi', 1, '28,0%'],
		[0.523, 'vi', 1, '52,3%'],
		[1, 'vi', 1, '100,0%'],
		[0, 'en', 1, '0.0%'],
		[0.12345, 'vi', 2, '12,35%'],
		[0.12345, 'en', 2, '12.35%'],
		[0.126, 'vi', 0, '13%']
	] as const)('%d in %s with %i digits → %s', (value, lang, digits, expected) => {
		expect(formatShare(value, lang, digits)).toBe(expected);
	});

	it('uses one decimal by default', () => {
		expect(formatShare(0.3, 'vi')).toBe('30,0%');
		expect(formatShare(0.3, 'en')).toBe('30.0%');
	});

	it.each([null, undefined, Number.NaN, Infinity])('writes a dash for %s', (value) => {
		expect(formatShare(value, 'vi')).toBe('—');
		expect(formatShare(value, 'en')).toBe('—');
	});
});

describe('formatDate', () => {
	it('writes day/month/year in both languages', () => {
		expect(formatDate('2023-07-10')).toBe('10/07/2023');
		expect(formatDate('2023-12-31')).toBe('31/12/2023');
		expect(formatDate('2024-02-29')).toBe('29/02/2024');
	});

	it('writes a dash for a missing day', () => {
		expect(formatDate(null)).toBe('—');
		expect(formatDate(undefined)).toBe('—');
		expect(formatDate('')).toBe('—');
	});
});

describe('formatDayMonth', () => {
	it.each([
		['2023-10-31', '31/10'],
		['2023-07-05', '05/07'],
		['2024-01-01', '01/01']
	])('%s → %s', (day, expected) => {
		expect(formatDayMonth(day)).toBe(expected);
	});
});

describe('formatMonth', () => {
	it.each([
		['2023-10', 'vi', 'tháng 10/2023'],
		['2023-01', 'vi', 'tháng 1/2023'],
		['2023-10', 'en', 'October 2023'],
		['2023-01', 'en', 'January 2023'],
		['2024-12', 'en', 'December 2024']
	] as const)('%s in %s → %s', (month, lang, expected) => {
		expect(formatMonth(month, lang)).toBe(expected);
	});
});
