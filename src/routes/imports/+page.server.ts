import { can } from '$lib/access';
import { listImports, rejectCountsByImport } from '$lib/server/imports';
import { memo } from '$lib/server/live';
import { listOpenNames } from '$lib/server/names';
import { pageContext } from '$lib/server/pages/context';
import type { Db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The imports, newest first, with their rejects by reason, and the open names. */
async function importsPage(db: Db) {
	const [imports, reasons, openNames] = await Promise.all([
		listImports(db.kysely),
		rejectCountsByImport(db.kysely),
		listOpenNames(db.kysely)
	]);
	return {
		imports: imports.map((i) => ({ ...i, reasons: reasons.get(i.id) ?? [] })).reverse(),
		openNames
	};
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, view } = await pageContext(url);
	// Only what to offer: the desk's pages check again, and an officer's scope there.
	const user = locals.user ?? null;
	const may = { import: can(user, 'import', false), remove: can(user, 'remove', false) };
	if (!db) return { view, imports: null, openNames: [], may };
	// Whatever the day: the file's imports and names, which change only with the file.
	return { view, ...(await memo(db, 'imports-page', () => importsPage(db))), may };
};
