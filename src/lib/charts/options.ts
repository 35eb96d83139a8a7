/**
 * ECharts options built from shaped data. Pure functions: the chart components only render what
 * these return, and the tests check the numbers and labels here.
 */
import type { IsoDate } from '../dates.ts';
import { formatDate, formatNumber, formatShare, type Lang } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { PaceClass } from '../pace.ts';
import { CLASS_STYLE, SERIES_COLOURS } from '../palette.ts';

export interface RankedItem {
	name: string;
	share: number | null;
	paceClass: PaceClass;
}

/** Horizontal bars, best on top, each in its class colour with the share written at its end. */
export function rankedBarsOption(items: RankedItem[], threshold: number | null, lang: Lang) {
	const shown = items.filter((i) => i.share !== null);
	// ECharts draws the first category at the bottom: reverse so the best is on top.
	const ordered = [...shown].reverse();
	const max = Math.max(threshold ?? 0, ...shown.map((i) => i.share ?? 0), 0.1);
	return {
		animation: false,
		grid: {
			left: 8,
			right: 80,
			top: 28,
			bottom: 24,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		xAxis: {
			type: 'value',
			max: Math.min(1, Math.ceil(max * 10) / 10),
			axisLabel: { formatter: (v: number) => formatShare(v, lang, 0) }
		},
		yAxis: { type: 'category', data: ordered.map((i) => i.name), axisLabel: { fontSize: 14 } },
		series: [
			{
				type: 'bar',
				data: ordered.map((i) => ({
					value: i.share,
					itemStyle: {
						color: CLASS_STYLE[i.paceClass].colour,
						borderColor: '#333',
						borderWidth: 0.5
					}
				})),
				label: {
					show: true,
					position: 'right',
					fontSize: 14,
					formatter: (p: { value: number; dataIndex: number }) =>
						`${formatShare(p.value, lang)} ${CLASS_STYLE[ordered[p.dataIndex]!.paceClass].symbol}`
				},
				markLine:
					threshold === null
						? undefined
						: {
								symbol: 'none',
								silent: true,
								lineStyle: { color: '#000', type: 'dashed', width: 2 },
								label: {
									formatter: `${t(lang, 'target')} ${formatShare(threshold, lang, 0)}`,
									position: 'end',
									fontSize: 13
								},
								data: [{ xAxis: threshold }]
							}
			}
		]
	};
}

export interface CurveInput {
	day: IsoDate;
	registered: number | null;
	recognised: number | null;
	target: number | null;
}

/** Cumulative registered and recognised against the target path; `asShares` for percentages. */
export function curveOption(points: CurveInput[], asShares: boolean, lang: Lang) {
	const value = (v: number) => (asShares ? formatShare(v, lang) : formatNumber(v, lang));
	const series = (key: 'registered' | 'recognised' | 'target') =>
		points.filter((p) => p[key] !== null).map((p) => [p.day, p[key]] as [string, number]);
	return {
		animation: false,
		grid: {
			left: 16,
			right: 24,
			top: 48,
			bottom: 24,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		legend: { top: 0, textStyle: { fontSize: 14 } },
		xAxis: {
			type: 'time',
			axisLabel: {
				formatter: (v: number) => formatDate(new Date(v).toISOString().slice(0, 10)).slice(0, 5)
			}
		},
		yAxis: { type: 'value', axisLabel: { formatter: value } },
		series: [
			{
				name: t(lang, 'registered'),
				type: 'line',
				step: 'end',
				showSymbol: false,
				data: series('registered'),
				lineStyle: { color: SERIES_COLOURS.registered, width: 2 },
				itemStyle: { color: SERIES_COLOURS.registered }
			},
			{
				name: t(lang, 'recognised'),
				type: 'line',
				step: 'end',
				showSymbol: false,
				data: series('recognised'),
				lineStyle: { color: SERIES_COLOURS.recognised, width: 3 },
				itemStyle: { color: SERIES_COLOURS.recognised }
			},
			{
				name: t(lang, 'targetPath'),
				type: 'line',
				showSymbol: false,
				data: series('target'),
				lineStyle: { color: SERIES_COLOURS.target, type: 'dashed', width: 2 },
				itemStyle: { color: SERIES_COLOURS.target }
			}
		]
	};
}

/** Counts per category as plain horizontal bars (flag reasons, groups). */
export function countBarsOption(
	items: { label: string; value: number }[],
	lang: Lang,
	asShares = false
) {
	const ordered = [...items].reverse();
	return {
		animation: false,
		grid: {
			left: 8,
			right: 56,
			top: 8,
			bottom: 8,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		xAxis: { type: 'value', show: false },
		yAxis: { type: 'category', data: ordered.map((i) => i.label), axisLabel: { fontSize: 14 } },
		series: [
			{
				type: 'bar',
				data: ordered.map((i) => i.value),
				itemStyle: { color: SERIES_COLOURS.recognised },
				label: {
					show: true,
					position: 'right',
					fontSize: 14,
					formatter: (p: { value: number }) =>
						asShares ? formatShare(p.value, lang) : formatNumber(p.value, lang)
				}
			}
		]
	};
}
