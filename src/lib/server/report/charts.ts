/**
 * Charts drawn on the server: ECharts renders SVG without a browser, resvg turns it into PNG for
 * Word. The same pure option builders as the dashboard's charts, so the figures agree; no
 * tooltips, every value is written on the chart.
 */
import { Resvg } from '@resvg/resvg-js';
import { init, registerMap, type EChartsCoreOption } from 'echarts/core';
import type { FeatureCollection } from 'geojson';
import { curveOption, rankedBarsOption } from '../../charts/options.ts';
import { formatShare, type Lang } from '../../format.ts';
import { t } from '../../i18n/index.ts';
import { shortName } from '../../maps/choropleth.ts';
import { CLASS_STYLE } from '../../palette.ts';
import type { UnitRow } from '../../rows.ts';
import { CHART_FONTS, renderChart } from '../charts.ts';
import type { CurvePoint } from '../pages/shared.ts';

/** Charts for the A4 report are drawn this wide, so their 14 px text prints at about 10 pt. */
export const REPORT_CHART_WIDTH = 720;

export interface Svg {
	svg: string;
	width: number;
	height: number;
}

/** Renders an ECharts option to an SVG string of the given size. */
export function renderSvg(
	option: EChartsCoreOption,
	width: number,
	height: number,
	fontSize = 14
): Svg {
	return { svg: renderChart(option, { width, height }, fontSize), width, height };
}

/** The SVG with its fixed size removed, so it scales to its container (slides, print). */
export function scalableSvg(svg: Svg): string {
	return svg.svg.replace(
		/^<svg width="[\d.]+" height="[\d.]+"/,
		'<svg width="100%" preserveAspectRatio="xMidYMid meet"'
	);
}

/** A PNG of the SVG on white, `scale` times its size (2: sharp on paper at the printed width). */
export function svgToPng(svg: Svg, scale = 2): Buffer {
	const resvg = new Resvg(svg.svg, {
		background: '#ffffff',
		fitTo: { mode: 'zoom', value: scale },
		font: {
			loadSystemFonts: true,
			defaultFontFamily: 'DejaVu Sans',
			sansSerifFamily: 'DejaVu Sans'
		}
	});
	return Buffer.from(resvg.render().asPng());
}

/** Horizontal bars of units by share, best on top, with the target line. */
export function rankedBarsSvg(
	units: UnitRow[],
	threshold: number | null,
	lang: Lang,
	width = 900,
	rowHeight = 30
): Svg {
	const shown = units.filter((u) => u.share !== null);
	const height = Math.max(200, shown.length * rowHeight + 70);
	return renderSvg(rankedBarsOption(shown, threshold, lang), width, height);
}

/** The province's cumulative registered and recognised people against the target path. */
export function curveSvg(curve: CurvePoint[], lang: Lang, width = 900, height = 420): Svg {
	return renderSvg(curveOption(curve, false, lang), width, height);
}

let registered: FeatureCollection | null = null;

interface Placed {
	code: string;
	text: string;
	/** The district's middle in pixels. */
	x: number;
	y: number;
	roomy: boolean;
}

/** A feature's bounding box in degrees: [west, south, east, north]. */
function bounds(feature: FeatureCollection['features'][number]): [number, number, number, number] {
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			const [x, y] = c as [number, number];
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		} else if (Array.isArray(c)) c.forEach(visit);
	};
	if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
	return box;
}

/**
 * The district map: each district in its class colour with its short name, share and class
 * symbol written on it, and the legend in words — readable without hovering anything. Districts
 * too small for their label get it in a column beside the map, with a line to the district.
 */
export function districtMapSvg(
	geojson: FeatureCollection,
	districts: UnitRow[],
	lang: Lang,
	width = 900,
	height = 700,
	labelSize = 14
): Svg {
	if (registered !== geojson) {
		registerMap('cdht-districts', geojson as Parameters<typeof registerMap>[1]);
		registered = geojson;
	}
	const byCode = new Map(districts.map((d) => [d.code, d]));
	// "Huyện Kỳ Anh" and "Thị xã Kỳ Anh" both shorten to "Kỳ Anh": such names keep their type, abbreviated.
	const short = districts.map((d) => shortName(d.name));
	const nameOf = (name: string) =>
		short.filter((s) => s === shortName(name)).length > 1 ? abbreviated(name) : shortName(name);
	const labelOf = (code: string, fallback: string) => {
		const unit = byCode.get(code);
		const share = !unit || unit.share === null ? t(lang, 'noData') : formatShare(unit.share, lang);
		return {
			name: nameOf(unit?.name ?? fallback),
			share: `${share} ${CLASS_STYLE[unit?.paceClass ?? 'no_data'].symbol}`
		};
	};
	const series = {
		type: 'map',
		map: 'cdht-districts',
		nameProperty: 'name',
		roam: false,
		// Room on the right (the sea side) for the labels of the small districts.
		left: 8,
		top: 8,
		bottom: 8,
		right: labelSize * 13,
		aspectScale: Math.cos((18.3 * Math.PI) / 180),
		selectedMode: false,
		emphasis: { disabled: true },
		data: geojson.features.map((f) => ({
			name: String(f.properties?.name ?? f.properties?.code),
			itemStyle: {
				areaColor:
					CLASS_STYLE[byCode.get(String(f.properties?.code))?.paceClass ?? 'no_data'].colour,
				borderColor: '#222',
				borderWidth: 1
			}
		}))
	};
	const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({
			animation: false,
			textStyle: { fontFamily: CHART_FONTS },
			series: [{ ...series, label: { show: false } }]
		});
		const placed: Placed[] = geojson.features.map((f) => {
			const [w, s, e, n] = bounds(f);
			const a = chart.convertToPixel({ seriesIndex: 0 }, [w, n]) as number[];
			const b = chart.convertToPixel({ seriesIndex: 0 }, [e, s]) as number[];
			const code = String(f.properties?.code);
			const label = labelOf(code, String(f.properties?.name ?? code));
			return {
				code,
				text: `${label.name}\n${label.share}`,
				x: (a[0]! + b[0]!) / 2,
				y: (a[1]! + b[1]!) / 2,
				roomy: b[0]! - a[0]! > width * 0.12 && b[1]! - a[1]! > height * 0.1
			};
		});
		chart.setOption({ graphic: mapLabels(placed, width, height, labelSize) });
		return { svg: chart.renderToSVGString(), width, height };
	} finally {
		chart.dispose();
	}
}

const ABBREVIATIONS: [RegExp, string][] = [
	[/^Huyện\s+/u, 'H. '],
	[/^Thị xã\s+/u, 'TX. '],
	[/^Thành phố\s+/u, 'TP. '],
	[/^Quận\s+/u, 'Q. ']
];

/** "Thị xã Kỳ Anh" → "TX. Kỳ Anh", as Vietnamese maps and tables write it. */
export function abbreviated(name: string): string {
	for (const [pattern, short] of ABBREVIATIONS)
		if (pattern.test(name)) return name.replace(pattern, short);
	return name;
}

const labelStyle = (size: number) => ({
	fontSize: size,
	lineHeight: Math.round(size * 1.2),
	fill: '#000',
	backgroundColor: 'rgba(255,255,255,0.9)',
	borderColor: '#444',
	borderWidth: 1,
	padding: [2, 5]
});

/** Labels on the roomy districts; a column of callouts at the right for the others. */
function mapLabels(placed: Placed[], width: number, height: number, size: number) {
	const LABEL_STYLE = labelStyle(size);
	const elements: object[] = [];
	for (const p of placed.filter((p) => p.roomy)) {
		elements.push({
			type: 'text',
			x: p.x,
			y: p.y,
			style: {
				...LABEL_STYLE,
				text: p.text,
				align: 'center',
				verticalAlign: 'middle',
				fontWeight: 'bold'
			},
			z: 10
		});
	}
	const small = placed.filter((p) => !p.roomy).sort((a, b) => a.y - b.y);
	const column = width - size * 12;
	const step = size * 3.4;
	// Spread the callouts around their districts' heights, at least a label apart, inside the frame.
	let floor = 30;
	small.forEach((p, i) => {
		const ceiling = height - 30 - (small.length - 1 - i) * step;
		const y = Math.min(Math.max(p.y, floor), ceiling);
		floor = y + step;
		elements.push({
			type: 'line',
			shape: { x1: p.x, y1: p.y, x2: column, y2: y },
			style: { stroke: '#000', lineWidth: 1.5 },
			z: 9
		});
		elements.push({
			type: 'circle',
			shape: { cx: p.x, cy: p.y, r: 3.5 },
			style: { fill: '#000' },
			z: 9
		});
		elements.push({
			type: 'text',
			x: column,
			y,
			style: {
				...LABEL_STYLE,
				text: p.text,
				align: 'left',
				verticalAlign: 'middle',
				fontWeight: 'bold'
			},
			z: 10
		});
	});
	return elements;
}
