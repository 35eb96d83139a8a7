import { backPath } from '$lib/meeting/keys';
import { appConfig } from '$lib/server/live';
import { pageContext } from '$lib/server/pages/context';
import { deckData } from '$lib/server/report/deck';
import { href } from '$lib/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, view, preset } = await pageContext(url);
	// Esc returns to the page the deck was opened from, with the same view.
	const back = href(backPath(url.searchParams.get('from')), view);
	if (!db) return { view, back, deck: null };
	return {
		view,
		back,
		deck: await deckData(db, preset, view),
		preset: { name: preset.name, source: preset.source },
		simulated: appConfig().simulated
	};
};
