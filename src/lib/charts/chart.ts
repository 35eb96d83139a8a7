/**
 * The one owner of ECharts instances: an attachment that creates the chart on mount, updates it
 * when its option changes, follows the container's size and disposes it on unmount. Only the
 * chart types used here are registered, to keep the pages light.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	TooltipComponent
} from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Attachment } from 'svelte/attachments';

use([
	BarChart,
	LineChart,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	TooltipComponent,
	SVGRenderer
]);

export function chart(option: EChartsCoreOption): Attachment<HTMLElement> {
	return (node) => {
		// SVG prints sharply and scales on a projector; text stays text.
		const instance = init(node, null, { renderer: 'svg' });
		// ECharts measures labels itself: it needs a real font name, not "inherit".
		instance.setOption({ textStyle: { fontFamily: getComputedStyle(node).fontFamily }, ...option });
		const observer = new ResizeObserver(() => instance.resize());
		observer.observe(node);
		return () => {
			observer.disconnect();
			instance.dispose();
		};
	};
}
