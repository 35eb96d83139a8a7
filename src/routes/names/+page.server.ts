import { fail } from '@sveltejs/kit';
import {
	decideName,
	IncompleteDecision,
	namesReview,
	type DecisionKind
} from '$lib/server/admin/names-review';
import { requireAccess } from '$lib/server/guard';
import { pageContext } from '$lib/server/pages/context';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireAccess(event, 'names');
	const { db, view } = await pageContext(event.url);
	return { view, review: db ? await namesReview(db, view.lang) : null };
};

const LANG = (url: URL) => (url.searchParams.get('lang') === 'en' ? 'en' : 'vi');

function decide(kind: DecisionKind) {
	return async (event: RequestEvent) => {
		const user = await requireAccess(event, 'names');
		const { request, url } = event;
		try {
			const report = await decideName(user, kind, await request.formData(), LANG(url));
			return report.ok ? { report } : fail(400, { report });
		} catch (error) {
			if (error instanceof IncompleteDecision) return fail(400, { missing: error.message });
			throw error;
		}
	};
}

export const actions: Actions = {
	accept: decide('accept'),
	ignore: decide('ignore'),
	undo: decide('undo')
};
