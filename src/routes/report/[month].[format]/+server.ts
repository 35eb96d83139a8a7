import { error } from '@sveltejs/kit';
import { formatMonth } from '$lib/format';
import { t } from '$lib/i18n';
import { CONTENT_TYPES, isReportFormat, reportFileName } from '$lib/server/report/formats';
import { isMonth } from '$lib/server/report/month';
import { NoBrowserError } from '$lib/server/report/pdf';
import { renderReport } from '$lib/server/report/render';
import { dashboardReport, oneAtATime } from '$lib/server/report/serve';
import { pageContext } from '$lib/server/pages/context';
import type { RequestHandler } from './$types';

/** /report/2023-10.docx?preset=…&lang=… — the month's report as a file (html: inline preview). */
export const GET: RequestHandler = async ({ url, params }) => {
	const { format, month } = params;
	if (!isReportFormat(format) || !isMonth(month)) error(404, 'report/YYYY-MM.(docx|xlsx|pdf|html)');
	const { db, view, preset } = await pageContext(url);
	if (!db) error(404, t(view.lang, 'noDatabase'));
	const model = await dashboardReport(db, preset, month);
	if (!model) error(404, t(view.lang, 'reportNoData', { month: formatMonth(month, view.lang) }));
	let bytes: Buffer;
	try {
		bytes =
			format === 'pdf'
				? await oneAtATime(() => renderReport(model, format, view.lang))
				: await renderReport(model, format, view.lang);
	} catch (failure) {
		if (format !== 'pdf') throw failure;
		// A browser that is missing or fails to start must not look like a crash of the dashboard.
		if (!(failure instanceof NoBrowserError))
			console.error(`report ${month}.pdf: ${(failure as Error).stack ?? failure}`);
		error(503, t(view.lang, 'reportPdfUnavailable'));
	}
	const name = reportFileName(month, format, view.lang);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
