/**
 * The monthly report as one self-contained HTML page, laid out like the Word document (A4,
 * Times New Roman, the decree's header and signature blocks). Chromium prints it to PDF; the
 * dashboard shows it as the preview. Charts are inline SVG, so it needs nothing from a network.
 */
import type { Lang } from '../../format.ts';
import { curveSvg, rankedBarsSvg, REPORT_CHART_WIDTH, scalableSvg, type Svg } from './charts.ts';
import { topLevelOf, type ReportModel } from './model.ts';
import {
	changeLines,
	flagSummary,
	laggardsTable,
	proposals,
	provinceSentences,
	targetsTable,
	unitsTable,
	type ReportTable
} from './present.ts';
import { placeDateLine, reportText } from './text.ts';
import { escapeHtml } from '../../html.ts';

const p = (text: string, cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;
const h = (text: string) => `<h2>${escapeHtml(text)}</h2>`;

function table(t: ReportTable): string {
	const total = t.widths.reduce((a, b) => a + b, 0);
	const cols = t.widths
		.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`)
		.join('');
	const head = t.headers.map((x) => `<th scope="col">${escapeHtml(x)}</th>`).join('');
	const rows = t.rows
		.map(
			(row) =>
				`<tr>${row
					.map((c, i) => {
						const style = c.fill ? ` style="background:${c.fill};color:${c.colour ?? '#000'}"` : '';
						const text = c.bold ? `<strong>${escapeHtml(c.text)}</strong>` : escapeHtml(c.text);
						return `<td class="${t.align[i]}"${style}>${text}</td>`;
					})
					.join('')}</tr>`
		)
		.join('\n');
	return `<table class="data"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function figure(svg: Svg, caption: string): string {
	return `<figure>${scalableSvg(svg)}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function header(model: ReportModel, lang: Lang): string {
	const w = reportText(lang);
	return `<table class="layout head">
<tr><td class="left">${w
		.issuerLines(model.provinceName)
		.map((l) => `<p class="issuer">${escapeHtml(l)}</p>`)
		.join('')}<hr class="rule short"></td>
<td class="right"><p class="nation">${escapeHtml(w.nation)}</p><p class="motto">${escapeHtml(w.motto)}</p></td></tr>
<tr><td class="left"><p class="number">${escapeHtml(w.number)}</p></td>
<td class="right"><p class="place"><em>${escapeHtml(placeDateLine(model.provinceName, model.issued, lang))}</em></p></td></tr>
</table>`;
}

function signature(model: ReportModel, lang: Lang): string {
	const w = reportText(lang);
	const recipients = w
		.recipients(model.provinceName)
		.map((r) => `<li>${escapeHtml(r)}</li>`)
		.join('');
	return `<table class="layout sign">
<tr><td class="left"><p class="to"><strong><em>${escapeHtml(w.recipientsHeading)}</em></strong></p><ul class="recipients">${recipients}</ul></td>
<td class="right"><p class="role">${escapeHtml(w.signOnBehalf)}<br>${escapeHtml(w.signTitle)}</p><p class="space"></p><p class="role">${escapeHtml(w.signNamePlaceholder)}</p></td></tr>
</table>`;
}

function bodySections(model: ReportModel, lang: Lang): string {
	const w = reportText(lang);
	const districts = topLevelOf(model.units.district);
	const agencies = topLevelOf(model.units.agency);
	const armed = topLevelOf(model.units.armed_force);
	const threshold = districts.find((d) => d.threshold !== null)?.threshold ?? null;
	return [
		p(w.intro(model.preset.source, model.provinceName, model.month)),
		p(w.dataNote(model.asOf, model.snapshot, model.previousAsOf), 'note'),
		model.partial ? p(w.partialNote(model.asOf), 'note') : '',
		h(w.sectionOverall),
		...provinceSentences(model, lang).map((s) => p(s)),
		h(w.targetsHeading),
		table(targetsTable(model, lang)),
		h(w.chartsHeading),
		figure(
			rankedBarsSvg(model.units.district, threshold, lang, REPORT_CHART_WIDTH),
			w.figureDistricts(model.asOf)
		),
		figure(curveSvg(model.curve, lang, REPORT_CHART_WIDTH, 360), w.figureCurve(model.asOf)),
		h(w.sectionUnits),
		h(w.districtsHeading(districts.length)),
		table(unitsTable(districts, lang, false, model.previousAsOf)),
		h(w.agenciesHeading(agencies.length)),
		table(unitsTable(agencies, lang, false, model.previousAsOf)),
		h(w.armedHeading(armed.length)),
		p(w.confidentialNote, 'note'),
		table(unitsTable(armed, lang, true, model.previousAsOf)),
		h(w.sectionLaggards),
		...(model.laggards.length === 0
			? [p(w.noLaggards)]
			: [
					p(w.laggardsSummary(model.laggards.length)),
					p(w.byReason + flagSummary(model, lang)),
					table(laggardsTable(model, lang))
				]),
		h(w.sectionChanges),
		...changeLines(model, lang).map(
			(l) => `<p><strong>- ${escapeHtml(l.label)}:</strong> ${escapeHtml(l.text)}</p>`
		),
		h(w.sectionProposals),
		...proposals(model, lang).map((x) => p(`- ${x}`)),
		p(w.closing(model.provinceName, model.month))
	].join('\n');
}

const STYLE = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
html { background: #fff; color: #000; }
body { font-family: 'Times New Roman', 'Liberation Serif', 'Tinos', 'DejaVu Serif', serif; font-size: 14pt; line-height: 1.3; margin: 0 auto; max-width: 165mm; }
@media screen { body { padding: 12mm 0; } }
p { margin: 6pt 0 0; text-align: justify; text-indent: 1cm; }
h2 { font-size: 14pt; margin: 10pt 0 3pt; text-indent: 1cm; break-after: avoid; }
.note { font-style: italic; }
.layout { border-collapse: collapse; width: 100%; }
.layout td { vertical-align: top; padding: 0; }
.layout p { text-align: center; text-indent: 0; margin: 0; }
.head .left { width: 40%; } .head .right { width: 60%; }
.issuer { font-size: 13pt; font-weight: bold; } .nation { font-size: 12pt; font-weight: bold; }
.motto { font-weight: bold; text-decoration: underline; }
.number { white-space: pre; }
.rule.short { border: 0; border-top: 1px solid #000; margin: 2pt auto 6pt; width: 25mm; }
.head tr + tr td { padding-top: 6pt; }
.simulated { border: 2px solid #d55e00; background: #fff3cd; font-weight: bold; font-size: 12pt; margin: 8pt 0; padding: 4pt 6pt; text-align: center; text-indent: 0; }
.title { margin-top: 18pt; text-align: center; text-indent: 0; font-weight: bold; }
.title + .title { margin-top: 0; }
.rule.title-rule { border: 0; border-top: 1px solid #000; margin: 6pt auto 10pt; width: 40mm; }
table.data { border-collapse: collapse; font-size: 11pt; line-height: 1.2; margin: 4pt 0 8pt; table-layout: fixed; width: 100%; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
table.data th { background: #e8e8e8; text-align: center; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; }
td.right { text-align: right; font-variant-numeric: tabular-nums; } td.center { text-align: center; } td.left { text-align: left; }
figure { margin: 8pt 0; break-inside: avoid; text-align: center; }
figure svg { display: block; height: auto; width: 100%; }
figcaption { font-size: 12pt; font-style: italic; margin-top: 3pt; }
.sign { margin-top: 12pt; break-inside: avoid; }
.sign .left { width: 40%; } .sign .right { width: 60%; }
.sign .to { text-align: left; font-size: 12pt; }
.recipients { font-size: 11pt; list-style: none; margin: 0; padding: 0; }
.role { font-weight: bold; }
.space { height: 28mm; }
`;

export function reportHtml(model: ReportModel, lang: Lang): string {
	const w = reportText(lang);
	return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(w.fullTitle(model.month))}</title>
<style>${STYLE}</style>
</head>
<body>
${header(model, lang)}
${model.simulated ? `<p class="simulated" data-simulated>${escapeHtml(w.simulated)}</p>` : ''}
<p class="title">${escapeHtml(w.docType)}</p>
<p class="title">${escapeHtml(w.subject(model.month))}</p>
<hr class="rule title-rule">
${bodySections(model, lang)}
${signature(model, lang)}
</body>
</html>
`;
}
