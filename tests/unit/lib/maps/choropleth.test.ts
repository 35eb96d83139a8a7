import { describe, expect, it } from 'vitest';
import {
	featureDescription,
	featureLabel,
	featureStyle,
	shortName,
	type MapUnit
} from '../../../../src/lib/maps/choropleth.ts';
import { CLASS_STYLE } from '../../../../src/lib/palette.ts';

const canLoc: MapUnit = {
	code: 'D02',
	name: 'Huyện Can Lộc',
	share: 0.523,
	paceClass: 'reached',
	threshold: 0.4
};
const huongKhe: MapUnit = {
	code: 'D01',
	name: 'Huyện Hương Khê',
	share: 0.124,
	paceClass: 'far_behind',
	threshold: 0.4
};
const kyAnh: MapUnit = {
	code: 'D03',
	name: 'Thị xã Kỳ Anh',
	share: null,
	paceClass: 'no_data',
	threshold: 0.4
};

describe('featureStyle', () => {
	it.each([
		['reached', '#0072B2'],
		['on_pace', '#56B4E9'],
		['behind_pace', '#E69F00'],
		['far_behind', '#D55E00']
	] as const)('fills a %s unit in %s with a solid outline', (paceClass, colour) => {
		const style = featureStyle({ ...canLoc, paceClass });
		expect(style.fillColor).toBe(colour);
		expect(style.fillColor).toBe(CLASS_STYLE[paceClass].colour);
		expect(style.dashArray).toBeUndefined();
		expect(style.color).toBe('#222222');
	});

	it('draws a unit without data grey with a dashed outline', () => {
		for (const style of [featureStyle(kyAnh), featureStyle(undefined)]) {
			expect(style.fillColor).toBe('#BBBBBB');
			expect(style.dashArray).toBe('4 4');
		}
	});
});

describe('featureLabel', () => {
	it.each([
		[canLoc, 'vi', 'Can Lộc 52,3% ✓'],
		[canLoc, 'en', 'Can Lộc 52.3% ✓'],
		[huongKhe, 'vi', 'Hương Khê 12,4% ‼'],
		[{ ...huongKhe, paceClass: 'on_pace' as const }, 'vi', 'Hương Khê 12,4% ↗'],
		[{ ...huongKhe, paceClass: 'behind_pace' as const }, 'vi', 'Hương Khê 12,4% !'],
		[kyAnh, 'vi', 'Kỳ Anh chưa có dữ liệu ?'],
		[kyAnh, 'en', 'Kỳ Anh no data ?']
	] as const)('labels %o in %s: %s', (unit, lang, expected) => {
		expect(featureLabel(unit, 'fallback', lang)).toBe(expected);
	});
});

describe('featureDescription', () => {
	it.each([
		[canLoc, 'vi', 'Huyện Can Lộc: 52,3% (chỉ tiêu 40%) — Đạt chỉ tiêu'],
		[canLoc, 'en', 'Huyện Can Lộc: 52.3% (target 40%) — Target reached'],
		[huongKhe, 'vi', 'Huyện Hương Khê: 12,4% (chỉ tiêu 40%) — Chậm nhiều'],
		[huongKhe, 'en', 'Huyện Hương Khê: 12.4% (target 40%) — Far behind'],
		[kyAnh, 'vi', 'Thị xã Kỳ Anh: chưa có dữ liệu (chỉ tiêu 40%) — Chưa có dữ liệu'],
		[{ ...canLoc, threshold: null }, 'vi', 'Huyện Can Lộc: 52,3% — Đạt chỉ tiêu'],
		[
			{ ...huongKhe, paceClass: 'on_pace' as const },
			'en',
			'Huyện Hương Khê: 12.4% (target 40%) — On pace'
		],
		[
			{ ...huongKhe, paceClass: 'behind_pace' as const },
			'vi',
			'Huyện Hương Khê: 12,4% (chỉ tiêu 40%) — Chậm tiến độ'
		]
	] as const)('describes %o in %s', (unit, lang, expected) => {
		expect(featureDescription(unit, 'fallback', lang)).toBe(expected);
	});

	it('names a shape without a unit by its fallback name, with no data', () => {
		expect(featureDescription(undefined, 'Huyện Vũ Quang', 'vi')).toBe(
			'Huyện Vũ Quang: chưa có dữ liệu'
		);
		expect(featureDescription(undefined, 'Huyện Vũ Quang', 'en')).toBe('Huyện Vũ Quang: no data');
	});
});

describe('shortName', () => {
	it.each([
		['Huyện Can Lộc', 'Can Lộc'],
		['Thị xã Hồng Lĩnh', 'Hồng Lĩnh'],
		['Thành phố Hà Tĩnh', 'Hà Tĩnh'],
		['Quận 1', '1'],
		['Xã Thạch Hạ', 'Thạch Hạ'],
		['Phường Bắc Hà', 'Bắc Hà'],
		['Thị trấn Nghèn', 'Nghèn'],
		['Can Lộc', 'Can Lộc'],
		['Xuân Lộc', 'Xuân Lộc'],
		['Huyện', 'Huyện'],
		['Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo'],
		['Thị xã Thị trấn', 'Thị trấn']
	])('%s → %s', (name, expected) => {
		expect(shortName(name)).toBe(expected);
	});
});
