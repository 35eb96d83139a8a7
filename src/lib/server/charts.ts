/**
 * Charts are drawn on the server: ECharts renders each option to an SVG string that the page
 * embeds. The browser gets finished, printable, projector-sharp graphics and no charting code
 * (ECharts alone would be 160 KB of compressed JavaScript per page). Every value a chart shows
 * is written on it, so nothing depends on hovering.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

const FONT = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

export interface ChartSize {
	width: number;
	height: number;
}

/** The chart as an SVG document scaled by its viewBox (so CSS can size it). */
export function renderChart(option: EChartsCoreOption, size: ChartSize): string {
	const chart = init(null, null, {
		renderer: 'svg',
		ssr: true,
		width: size.width,
		height: size.height
	});
	try {
		chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
		// ECharts writes a viewBox; dropping the fixed size lets the page scale the drawing.
		return chart.renderToSVGString().replace(/^<svg width="\d+" height="\d+"/, '<svg');
	} finally {
		chart.dispose();
	}
}
