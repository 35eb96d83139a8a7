/** One entry point for every format of the monthly report. */
import type { Lang } from '../../format.ts';
import type { ReportFormat } from './formats.ts';
import { reportDocx } from './docx.ts';
import { reportHtml } from './html.ts';
import type { ReportModel } from './model.ts';
import { htmlToPdf } from './pdf.ts';
import { reportText } from './text.ts';
import { reportXlsx } from './xlsx.ts';

export async function renderReport(
	model: ReportModel,
	format: ReportFormat,
	lang: Lang
): Promise<Buffer> {
	switch (format) {
		case 'docx':
			return reportDocx(model, lang);
		case 'xlsx':
			return reportXlsx(model, lang);
		case 'html':
			return Buffer.from(reportHtml(model, lang), 'utf8');
		case 'pdf': {
			const w = reportText(lang);
			const footer = `${w.asOfLine(model.asOf, model.snapshot)}${model.simulated ? ` · ${w.simulatedShort}` : ''}`;
			return htmlToPdf(reportHtml(model, lang), footer);
		}
	}
}
