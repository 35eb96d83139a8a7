import type { Handle } from '@sveltejs/kit';

/** The page's language in <html lang>, from the URL like everything else about the view. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = event.url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
