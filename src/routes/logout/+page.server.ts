import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/accounts/login';
import { SESSION_COOKIE } from '$lib/server/accounts/sessions';
import { accounts, clientAddress, cookieOptions } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

/** Signing out is a POST (a link or a prefetch must not sign anyone out). */
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) await logout((await accounts()).kysely, token, clientAddress(event));
		event.cookies.delete(SESSION_COOKIE, cookieOptions(event.url));
		const lang = event.url.searchParams.get('lang') === 'en' ? '?lang=en' : '';
		redirect(303, `/login${lang}`);
	}
};
