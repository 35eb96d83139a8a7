import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/format';
import { t } from '$lib/i18n';
import { laggardsCsv, laggardsXlsx } from '$lib/server/exports/laggards';
import { pageContext } from '$lib/server/pages/context';
import { laggardsData } from '$lib/server/pages/laggards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, params }) => {
	if (params.format !== 'csv' && params.format !== 'xlsx') error(404, 'csv or xlsx');
	const { db, view, preset } = await pageContext(url);
	if (!db) error(404, t(view.lang, 'noDatabase'));
	const rows = await laggardsData(db, preset, view);
	const name = `laggards-${view.asOf}.${params.format}`;
	const disposition = `attachment; filename="${name}"`;
	if (params.format === 'csv') {
		return new Response(laggardsCsv(rows, view), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition }
		});
	}
	const title = `${t(view.lang, 'navLaggards')} — ${formatDate(view.asOf)}`;
	return new Response(new Uint8Array(await laggardsXlsx(rows, view, title)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': disposition
		}
	});
};
