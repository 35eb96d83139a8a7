/**
 * The pages embed the server-drawn SVG as HTML (ChartSvg.svelte), so every text from data must
 * come out of ECharts escaped.
 */
import { describe, expect, it } from 'vitest';
import { rankedBarsOption } from '../../../src/lib/charts/options.ts';
import { renderChart } from '../../../src/lib/server/charts.ts';

const HOSTILE = '"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

describe('renderChart with a unit name carrying HTML', () => {
	const svg = renderChart(
		rankedBarsOption([{ name: HOSTILE, share: 0.5, paceClass: 'reached' }], 0.4, 'vi'),
		{ width: 600, height: 300 }
	);

	it('writes the name as text, never as elements', () => {
		expect(svg).not.toMatch(/<img|<script/i);
		expect(svg).toContain('&lt;img src=x onerror=');
	});
});
