import { pageContext } from '$lib/server/pages/context';
import { laggardsData } from '$lib/server/pages/laggards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, view, preset } = await pageContext(url);
	if (!db) return { view, laggards: null };
	return { view, laggards: await laggardsData(db, preset, view) };
};
