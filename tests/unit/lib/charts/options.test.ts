import { describe, expect, it } from 'vitest';
import {
	countBarsOption,
	curveOption,
	rankedBarsOption,
	type CurveInput,
	type RankedItem
} from '../../../../src/lib/charts/options.ts';
import { CLASS_STYLE, SERIES_COLOURS } from '../../../../src/lib/palette.ts';

// Sorted best first, as the pages pass them (rows sorted by byShare).
const districts: RankedItem[] = [
	{ name: 'Can Lộc', share: 0.523, paceClass: 'reached' },
	{ name: 'Lộc Hà', share: 0.31, paceClass: 'on_pace' },
	{ name: 'Hương Khê', share: 0.124, paceClass: 'far_behind' },
	{ name: 'Kỳ Anh', share: null, paceClass: 'no_data' },
	{ name: 'Nghi Xuân', share: 0.2, paceClass: 'behind_pace' }
];

describe('rankedBarsOption', () => {
	const option = rankedBarsOption(districts, 0.4, 'vi');
	const series = option.series[0]!;

	it('puts the best bar on top: ECharts draws the first category at the bottom', () => {
		expect(option.yAxis.data).toEqual(['Nghi Xuân', 'Hương Khê', 'Lộc Hà', 'Can Lộc']);
		expect(series.data.map((d) => d.value)).toEqual([0.2, 0.124, 0.31, 0.523]);
		expect(option.yAxis.data.at(-1)).toBe('Can Lộc');
	});

	it('drops units without a share', () => {
		expect(option.yAxis.data).not.toContain('Kỳ Anh');
		expect(series.data).toHaveLength(4);
	});

	it('colours each bar by its class', () => {
		expect(series.data.map((d) => d.itemStyle.color)).toEqual([
			CLASS_STYLE.behind_pace.colour,
			CLASS_STYLE.far_behind.colour,
			CLASS_STYLE.on_pace.colour,
			CLASS_STYLE.reached.colour
		]);
		expect(series.data[3]!.itemStyle.color).toBe('#0072B2');
	});

	it('writes the share and the class symbol at the end of each bar', () => {
		const label = series.label.formatter;
		expect(label({ value: 0.523, dataIndex: 3 })).toBe('52,3% ✓');
		expect(label({ value: 0.124, dataIndex: 1 })).toBe('12,4% ‼');
		expect(label({ value: 0.2, dataIndex: 0 })).toBe('20,0% !');
		const en = rankedBarsOption(districts, 0.4, 'en').series[0]!.label.formatter;
		expect(en({ value: 0.31, dataIndex: 2 })).toBe('31.0% ↗');
	});

	it('draws the target line at the threshold, labelled', () => {
		expect(series.markLine?.data).toEqual([{ xAxis: 0.4 }]);
		expect(series.markLine?.label.formatter).toBe('Chỉ tiêu 40%');
		expect(series.markLine?.lineStyle.type).toBe('dashed');
		const en = rankedBarsOption(districts, 0.4, 'en').series[0]!.markLine;
		expect(en?.label.formatter).toBe('Target 40%');
	});

	it('draws no target line without a threshold', () => {
		expect(rankedBarsOption(districts, null, 'vi').series[0]!.markLine).toBeUndefined();
	});

	it('scales the axis to the next tenth above the best share or the threshold, at most 100%', () => {
		expect(option.xAxis.max).toBe(0.6);
		expect(rankedBarsOption(districts, 0.8, 'vi').xAxis.max).toBe(0.8);
		const full = [{ name: 'Bộ CHQS tỉnh', share: 0.97, paceClass: 'on_pace' as const }];
		expect(rankedBarsOption(full, 1, 'vi').xAxis.max).toBe(1);
		const low = [{ name: 'Vũ Quang', share: 0.02, paceClass: 'far_behind' as const }];
		expect(rankedBarsOption(low, null, 'vi').xAxis.max).toBe(0.1);
		expect(option.xAxis.axisLabel.formatter(0.5)).toBe('50%');
	});

	it('draws an empty chart when no unit has a share', () => {
		const empty = rankedBarsOption(
			[{ name: 'Kỳ Anh', share: null, paceClass: 'no_data' }],
			0.4,
			'vi'
		);
		expect(empty.yAxis.data).toEqual([]);
		expect(empty.series[0]!.data).toEqual([]);
	});
});

describe('curveOption', () => {
	const points: CurveInput[] = [
		{ day: '2023-07-01', registered: null, recognised: null, target: 0 },
		{ day: '2023-07-10', registered: 12_000, recognised: 5_000, target: 7_000 },
		{ day: '2023-07-31', registered: 70_000, recognised: 30_000, target: 28_000 },
		{ day: '2023-08-31', registered: 90_000, recognised: null, target: 60_000 }
	];

	it('draws registered, recognised and the target path, skipping missing points', () => {
		const option = curveOption(points, false, 'vi');
		expect(option.series.map((s) => s.name)).toEqual([
			'Đã đăng ký',
			'Đạt danh hiệu',
			'Lộ trình chỉ tiêu'
		]);
		expect(option.series[0]!.data).toEqual([
			['2023-07-10', 12_000],
			['2023-07-31', 70_000],
			['2023-08-31', 90_000]
		]);
		expect(option.series[1]!.data).toEqual([
			['2023-07-10', 5_000],
			['2023-07-31', 30_000]
		]);
		expect(option.series[2]!.data).toEqual([
			['2023-07-01', 0],
			['2023-07-10', 7_000],
			['2023-07-31', 28_000],
			['2023-08-31', 60_000]
		]);
		expect(option.series.map((s) => s.lineStyle.color)).toEqual([
			SERIES_COLOURS.registered,
			SERIES_COLOURS.recognised,
			SERIES_COLOURS.target
		]);
		expect(option.series[2]!.lineStyle).toMatchObject({ type: 'dashed' });
	});

	it('names the series in English', () => {
		expect(curveOption(points, false, 'en').series.map((s) => s.name)).toEqual([
			'Registered',
			'Recognised',
			'Target path'
		]);
	});

	it('formats values as counts, or as shares when asked', () => {
		expect(curveOption(points, false, 'vi').yAxis.axisLabel.formatter(70_000)).toBe('70.000');
		expect(curveOption(points, false, 'en').yAxis.axisLabel.formatter(70_000)).toBe('70,000');
		expect(curveOption(points, true, 'vi').yAxis.axisLabel.formatter(0.124)).toBe('12,4%');
		expect(curveOption(points, true, 'en').yAxis.axisLabel.formatter(0.124)).toBe('12.4%');
	});

	it('labels the time axis day/month', () => {
		const formatter = curveOption(points, false, 'vi').xAxis.axisLabel.formatter;
		expect(formatter(Date.UTC(2023, 6, 10))).toBe('10/07');
		expect(formatter(Date.UTC(2023, 9, 31))).toBe('31/10');
	});
});

describe('countBarsOption', () => {
	const reasons = [
		{ label: 'chậm tiến độ', value: 7 },
		{ label: 'dự báo không đạt', value: 5 },
		{ label: 'chưa có dữ liệu', value: 1_200 }
	];

	it('puts the first item on top and writes counts or shares', () => {
		const option = countBarsOption(reasons, 'vi');
		expect(option.yAxis.data).toEqual(['chưa có dữ liệu', 'dự báo không đạt', 'chậm tiến độ']);
		expect(option.series[0]!.data).toEqual([1_200, 5, 7]);
		expect(option.series[0]!.label.formatter({ value: 1_200 })).toBe('1.200');
		expect(countBarsOption(reasons, 'en', true).series[0]!.label.formatter({ value: 0.25 })).toBe(
			'25.0%'
		);
	});
});
