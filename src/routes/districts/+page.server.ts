import { pageContext } from '$lib/server/pages/context';
import { districtsData } from '$lib/server/pages/districts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, view, preset } = await pageContext(url);
	if (!db) return { view, districts: null };
	return { view, districts: await districtsData(db, preset, view) };
};
