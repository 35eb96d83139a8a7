import { pageContext } from '$lib/server/pages/context';
import { organisationsData } from '$lib/server/pages/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, view, preset } = await pageContext(url);
	if (!db) return { view, organisations: null };
	return { view, organisations: await organisationsData(db, preset, view, 'agency') };
};
