import { error, fail, redirect } from '@sveltejs/kit';
import { previewRemoval, removeAs } from '$lib/server/desk/removal';
import { requireAccess } from '$lib/server/guard';
import { currentDatabase } from '$lib/server/live';
import type { Actions, PageServerLoad } from './$types';

const langOf = (url: URL) => (url.searchParams.get('lang') === 'en' ? 'en' : 'vi');

function importId(param: string): number {
	if (!/^\d{1,9}$/.test(param)) error(404, 'Not found');
	return Number(param);
}

export const load: PageServerLoad = async (event) => {
	const user = await requireAccess(event, 'remove');
	const { params, url } = event;
	const db = await currentDatabase();
	if (!db) error(404, 'Not found');
	return { removal: await previewRemoval(user, db, importId(params.id), langOf(url)) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = await requireAccess(event, 'remove');
		const { params, url } = event;
		const db = await currentDatabase();
		if (!db) error(404, 'Not found');
		const result = await removeAs(user, db, importId(params.id), langOf(url));
		if (!result.ok) return fail(409, { messages: result.messages });
		redirect(303, `/imports?lang=${langOf(url)}`);
	}
};
