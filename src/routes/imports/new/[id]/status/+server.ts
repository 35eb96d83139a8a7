import { json } from '@sveltejs/kit';
import { getUpload } from '$lib/server/desk/desk';
import { requireAccess } from '$lib/server/guard';
import type { RequestHandler } from './$types';

/** The import's state and progress, polled by the page while it runs. */
export const GET: RequestHandler = async (event) => {
	const user = await requireAccess(event, 'import');
	const upload = getUpload(user, event.params.id);
	if (!upload) return json({ state: 'gone' }, { status: 404 });
	const { state, progress, error, imported } = upload;
	return json({ state, progress, error, imported }, { headers: { 'cache-control': 'no-store' } });
};
