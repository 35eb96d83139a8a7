import { describe, expect, it } from 'vitest';
import {
	changeWords,
	formatChange,
	formatPoints,
	formatPointsShort,
	monthInTitle,
	placeDateLine,
	pointsWords,
	reportText
} from '../../../src/lib/server/report/text.ts';

describe('placeDateLine (Nghị định 30/2020)', () => {
	it('writes days below 10 and the months January and February with a leading zero', () => {
		expect(placeDateLine('Hà Tĩnh', '2024-02-05', 'vi')).toBe('Hà Tĩnh, ngày 05 tháng 02 năm 2024');
		expect(placeDateLine('Hà Tĩnh', '2023-03-09', 'vi')).toBe('Hà Tĩnh, ngày 09 tháng 3 năm 2023');
		expect(placeDateLine('Hà Tĩnh', '2023-11-15', 'vi')).toBe('Hà Tĩnh, ngày 15 tháng 11 năm 2023');
		expect(placeDateLine('Hà Tĩnh', '2023-11-05', 'en')).toBe('Hà Tĩnh, 5 November 2023');
	});
});

describe('changes', () => {
	it('signs counts with vi-VN and en-GB separators', () => {
		expect(formatChange(56_448, 'vi')).toBe('+56.448');
		expect(formatChange(-1_234, 'en')).toBe('−1,234');
		expect(formatChange(0, 'vi')).toBe('0');
		expect(formatChange(null, 'vi')).toBe('—');
	});

	it('gives share changes in percentage points', () => {
		expect(formatPoints(0.0125, 'vi')).toBe('+1,3 điểm %');
		expect(formatPoints(-0.064, 'en')).toBe('−6.4 pts');
		expect(formatPointsShort(0, 'vi')).toBe('±0,0');
		expect(formatPoints(null, 'vi')).toBe('—');
	});

	it('says changes in words for sentences', () => {
		expect(changeWords(49_194, 'vi', 'người')).toBe('tăng 49.194 người');
		expect(changeWords(-3, 'en', 'people')).toBe('down 3 people');
		expect(changeWords(0, 'vi')).toBe('không đổi');
		expect(pointsWords(0.064, 'vi')).toBe('tăng 6,4 điểm phần trăm');
	});
});

describe('titles', () => {
	it('names the month as the title says it', () => {
		expect(monthInTitle('2023-10', 'vi')).toBe('tháng 10 năm 2023');
		expect(reportText('vi').fullTitle('2023-10')).toBe(
			'Báo cáo tình hình thực hiện xây dựng mô hình Công dân học tập tháng 10 năm 2023'
		);
		expect(reportText('en').subject('2023-10')).toContain('October 2023');
		expect(reportText('vi').issuer('Hà Tĩnh')).toBe('HỘI KHUYẾN HỌC TỈNH HÀ TĨNH');
	});
});
