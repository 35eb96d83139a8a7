/**
 * Charts are drawn on the server: ECharts renders each option to an SVG string that the page
 * embeds. The browser gets finished, printable, projector-sharp graphics and no charting code
 * (ECharts alone would be 160 KB of compressed JavaScript per page). Every value a chart shows
 * is written on it, so nothing depends on hovering.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent
} from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Everything the pages, the meeting deck and the report draw; importing this module registers it.
use([
	BarChart,
	LineChart,
	MapChart,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	SVGRenderer
]);

/** Fonts with Vietnamese glyphs, in the order a reader's machine is likely to have them. */
export const CHART_FONTS = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

export interface ChartSize {
	width: number;
	height: number;
}

/** The chart as an SVG document scaled by its viewBox (so CSS can size it). */
export function renderChart(option: EChartsCoreOption, size: ChartSize, fontSize?: number): string {
	const chart = init(null, null, {
		renderer: 'svg',
		ssr: true,
		width: size.width,
		height: size.height
	});
	try {
		// Tooltips exist only on hover: drop any, the labels carry the values.
		const { tooltip: _hoverOnly, ...shown } = option;
		chart.setOption({
			animation: false,
			textStyle: { fontFamily: CHART_FONTS, fontSize },
			...shown
		});
		// ECharts writes a viewBox; dropping the fixed size lets the page scale the drawing.
		return chart.renderToSVGString().replace(/^<svg width="\d+" height="\d+"/, '<svg');
	} finally {
		chart.dispose();
	}
}
