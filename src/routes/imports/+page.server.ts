import { listImports, rejectCounts } from '$lib/server/imports';
import { pageContext } from '$lib/server/pages/context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, view } = await pageContext(url);
	if (!db) return { view, imports: null };
	const imports = await listImports(db.kysely);
	const reasons = await Promise.all(imports.map((i) => rejectCounts(db.kysely, i.id)));
	return { view, imports: imports.map((i, n) => ({ ...i, reasons: reasons[n]! })).reverse() };
};
