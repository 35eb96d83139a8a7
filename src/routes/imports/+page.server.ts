import { listImports, rejectCounts } from '$lib/server/imports';
import { listOpenNames } from '$lib/server/names';
import { pageContext } from '$lib/server/pages/context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, view } = await pageContext(url);
	if (!db) return { view, imports: null, openNames: [] };
	const [imports, openNames] = await Promise.all([
		listImports(db.kysely),
		listOpenNames(db.kysely)
	]);
	const reasons = await Promise.all(imports.map((i) => rejectCounts(db.kysely, i.id)));
	return {
		view,
		imports: imports.map((i, n) => ({ ...i, reasons: reasons[n]! })).reverse(),
		openNames
	};
};
