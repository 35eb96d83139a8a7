import { describe, expect, it } from 'vitest';
import { explainFlag, explainUnit, FLAG_LABELS, flagLabel } from '../../../src/lib/explain.ts';
import { FLAG_KINDS, type Flag } from '../../../src/lib/flags.ts';

const behindPace: Flag = {
	kind: 'behind_pace',
	share: 0.124,
	expected: 0.28,
	day: '2023-10-31',
	threshold: 0.4
};
const projectedMiss: Flag = {
	kind: 'projected_miss',
	projected: 0.213,
	threshold: 0.4,
	deadline: '2023-12-31'
};

describe('flagLabel', () => {
	it('labels every flag kind in both languages', () => {
		expect(Object.keys(FLAG_LABELS).sort()).toEqual([...FLAG_KINDS].sort());
		expect(flagLabel('behind_pace', 'vi')).toBe('chậm tiến độ');
		expect(flagLabel('behind_pace', 'en')).toBe('behind pace');
		expect(flagLabel('no_budget', 'vi')).toBe('chưa bố trí kinh phí');
		expect(flagLabel('no_training', 'en')).toBe('nobody trained');
	});
});

describe('explainFlag', () => {
	it.each<[Flag, string, string]>([
		[
			{ kind: 'behind_target', share: 0.35, threshold: 0.4, deadline: '2023-12-31' },
			'không đạt chỉ tiêu (hạn 31/12/2023)',
			'behind target (deadline 31/12/2023)'
		],
		[
			behindPace,
			'chậm tiến độ: theo tiến độ cần 28,0% vào 31/10',
			'behind pace: 28.0% needed by 31/10 to stay on pace'
		],
		[
			projectedMiss,
			'dự báo không đạt: dự báo 21,3% vào 31/12/2023',
			'projected to miss: 21.3% forecast by 31/12/2023'
		],
		[
			{ kind: 'no_activity', lastRegistration: '2023-09-05', days: 56 },
			'không có đăng ký mới từ 05/09/2023 (56 ngày)',
			'no new registrations since 05/09/2023 (56 days)'
		],
		[
			{ kind: 'no_activity', lastRegistration: null, days: 30 },
			'không có đăng ký mới',
			'no new registrations'
		],
		[
			{ kind: 'no_data' },
			'chưa có dữ liệu: không có dòng đăng ký nào',
			'no data: no registration rows at all'
		],
		[{ kind: 'no_training' }, 'chưa cử người dự tập huấn', 'nobody trained'],
		[{ kind: 'no_budget' }, 'chưa bố trí kinh phí', 'no budget']
	])('explains %o', (flag, vi, en) => {
		expect(explainFlag(flag, 'vi')).toBe(vi);
		expect(explainFlag(flag, 'en')).toBe(en);
	});
});

describe('explainUnit', () => {
	it('writes the share, the target and every reason in Vietnamese', () => {
		expect(explainUnit('Hương Khê', 0.124, 0.4, [behindPace, projectedMiss], 'vi')).toBe(
			'Hương Khê: 12,4% — chỉ tiêu 40%; chậm tiến độ: theo tiến độ cần 28,0% vào 31/10; ' +
				'dự báo không đạt: dự báo 21,3% vào 31/12/2023'
		);
	});

	it('writes the same line in English', () => {
		expect(explainUnit('Hương Khê', 0.124, 0.4, [behindPace, projectedMiss], 'en')).toBe(
			'Hương Khê: 12.4% — target 40%; behind pace: 28.0% needed by 31/10 to stay on pace; ' +
				'projected to miss: 21.3% forecast by 31/12/2023'
		);
	});

	it('leaves out what is missing', () => {
		expect(explainUnit('Hương Khê', 0.124, 0.4, [], 'vi')).toBe('Hương Khê: 12,4% — chỉ tiêu 40%');
		expect(explainUnit('Hương Khê', 0.124, null, [], 'vi')).toBe('Hương Khê: 12,4%');
		expect(explainUnit('Kỳ Anh', null, 0.4, [{ kind: 'no_data' }], 'vi')).toBe(
			'Kỳ Anh; chưa có dữ liệu: không có dòng đăng ký nào'
		);
		expect(explainUnit('Kỳ Anh', null, null, [], 'en')).toBe('Kỳ Anh');
	});

	it('rounds the target to a whole percentage', () => {
		expect(explainUnit('Cẩm Xuyên', 0.6, 0.625, [], 'vi')).toBe('Cẩm Xuyên: 60,0% — chỉ tiêu 63%');
		expect(explainUnit('Cẩm Xuyên', 1, 1, [], 'en')).toBe('Cẩm Xuyên: 100.0% — target 100%');
	});
});
