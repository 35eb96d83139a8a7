import { json } from '@sveltejs/kit';
import { getUpload } from '$lib/server/desk/desk';
import { deskUser } from '$lib/server/desk/guard';
import type { RequestHandler } from './$types';

/** The import's state and progress, polled by the page while it runs. */
export const GET: RequestHandler = ({ locals, params }) => {
	const user = deskUser(locals, 'import');
	const upload = getUpload(user, params.id);
	if (!upload) return json({ state: 'gone' }, { status: 404 });
	const { state, progress, error, imported } = upload;
	return json({ state, progress, error, imported }, { headers: { 'cache-control': 'no-store' } });
};
