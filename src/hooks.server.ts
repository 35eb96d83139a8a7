import type { Handle } from '@sveltejs/kit';
import { requestUser } from '$lib/server/auth';
import { refuseAnonymous } from '$lib/server/guard';
import { appConfig } from '$lib/server/live';

/** Reachable without signing in when the dashboard is not public: the login page and health. */
const OPEN_PATHS = new Set(['/login', '/health']);

/**
 * The page's language in <html lang>, from the URL like everything else about the view; the
 * signed-in user from the session cookie; and, when config.json says `"public": false`, no page
 * or endpoint but the login page for anyone not signed in.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const lang = event.url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
	event.locals.user = await requestUser(event.cookies);
	if (!appConfig().public && event.locals.user === null && !OPEN_PATHS.has(event.url.pathname))
		refuseAnonymous(event);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
