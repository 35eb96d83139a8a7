import { csvLines } from '$lib/csv';
import { listAudit } from '$lib/server/accounts/audit';
import { accounts } from '$lib/server/auth';
import { requireAccess } from '$lib/server/guard';
import { auditFilter } from '$lib/server/pages/audit';
import type { RequestHandler } from './$types';

const HEADER = ['id', 'at', 'actor', 'source', 'action', 'target', 'detail', 'address'];

export const GET: RequestHandler = async (event) => {
	await requireAccess(event, 'admin');
	const entries = await listAudit((await accounts()).kysely, auditFilter(event.url));
	const rows = entries.map((e) => [
		e.id,
		e.at,
		e.actor,
		e.source,
		e.action,
		e.target,
		e.detail,
		e.address
	]);
	// A BOM so that Excel reads the Vietnamese as UTF-8.
	return new Response(`\uFEFF${csvLines([HEADER, ...rows])}`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="nhat-ky-cdht.csv"'
		}
	});
};
