import { error } from '@sveltejs/kit';
import { csvLines } from '$lib/csv';
import { t } from '$lib/i18n';
import { REJECT_LABELS, REJECT_REASONS, type RejectReason } from '$lib/rejects';
import { getUpload } from '$lib/server/desk/desk';
import { requireAccess } from '$lib/server/guard';
import type { RequestHandler } from './$types';

/**
 * The rejected rows of one previewed file (?file=<n>), as the `rejects` command writes them:
 * Excel's row number, the column, the reason and the value, masked as stored.
 */
export const GET: RequestHandler = async (event) => {
	const user = await requireAccess(event, 'import');
	const { params, url } = event;
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
	const file = getUpload(user, params.id)?.preview?.files[Number(url.searchParams.get('file'))];
	if (!file || file.status !== 'loaded') error(404, 'Not found');
	const reason = (r: string) =>
		REJECT_REASONS.includes(r as RejectReason) ? REJECT_LABELS[r as RejectReason][lang] : r;
	const header = (['deskRow', 'deskColumn', 'deskReason', 'deskValue'] as const).map((k) =>
		t(lang, k)
	);
	const rows = file.rejects.map((r) => [r.row, r.column, reason(r.reason), r.value]);
	const name = `${file.file.replace(/\.[^.]*$/, '')}-rejects.csv`;
	return new Response('\ufeff' + csvLines([header, ...rows]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="rejects.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'no-store'
		}
	});
};
