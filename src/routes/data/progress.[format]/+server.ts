import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { progressArrow, progressCsv } from '$lib/server/exports/progress';
import { pageContext } from '$lib/server/pages/context';
import { publishedUnits } from '$lib/server/pages/data';
import type { RequestHandler } from './$types';

/** Every unit's published figures for the view's day and preset, as CSV or Arrow. */
export const GET: RequestHandler = async ({ url, params }) => {
	if (params.format !== 'csv' && params.format !== 'arrow') error(404, 'csv or arrow');
	const { db, view, preset } = await pageContext(url);
	if (!db) error(404, t(view.lang, 'noDatabase'));
	const rows = await publishedUnits(db, preset, view);
	// The preset's id comes from a file name under targets/: kept to safe characters all the same.
	const name = `progress-${view.asOf}-${view.preset.replace(/[^\w.-]/g, '_')}.${params.format}`;
	const disposition = `attachment; filename="${name}"`;
	if (params.format === 'csv') {
		return new Response(progressCsv(rows, view), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition }
		});
	}
	return new Response(new Uint8Array(progressArrow(rows, view)), {
		headers: {
			'content-type': 'application/vnd.apache.arrow.file',
			'content-disposition': disposition
		}
	});
};
