import { pageContext } from '$lib/server/pages/context';
import { overviewData } from '$lib/server/pages/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, view, preset } = await pageContext(url);
	if (!db) return { view, overview: null };
	return { view, overview: await overviewData(db, preset, view) };
};
