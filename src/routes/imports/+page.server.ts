import { can } from '$lib/access';
import { listImports, rejectCounts } from '$lib/server/imports';
import { listOpenNames } from '$lib/server/names';
import { pageContext } from '$lib/server/pages/context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, view } = await pageContext(url);
	// Only what to offer: the desk's pages check again, and an officer's scope there.
	const user = locals.user ?? null;
	const may = { import: can(user, 'import', false), remove: can(user, 'remove', false) };
	if (!db) return { view, imports: null, openNames: [], may };
	const [imports, openNames] = await Promise.all([
		listImports(db.kysely),
		listOpenNames(db.kysely)
	]);
	const reasons = await Promise.all(imports.map((i) => rejectCounts(db.kysely, i.id)));
	return {
		view,
		imports: imports.map((i, n) => ({ ...i, reasons: reasons[n]! })).reverse(),
		openNames,
		may
	};
};
