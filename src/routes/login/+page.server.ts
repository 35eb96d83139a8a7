import { fail, redirect } from '@sveltejs/kit';
import { attemptLogin } from '$lib/server/accounts/login';
import { deleteSession, SESSION_COOKIE } from '$lib/server/accounts/sessions';
import { accounts, clientAddress, cookieOptions } from '$lib/server/auth';
import { safeNext } from '$lib/server/next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? ''));
		const store = await accounts();
		const result = await attemptLogin(store.kysely, {
			name,
			password,
			address: clientAddress(event)
		});
		if (result.ok) {
			// Whatever session this browser held (another user's on a shared computer) ends here.
			const held = event.cookies.get(SESSION_COOKIE);
			if (held) await deleteSession(store.kysely, held);
			event.cookies.set(SESSION_COOKIE, result.token, cookieOptions(event.url, result.expiresAt));
			redirect(303, next);
		}
		if (result.reason === 'invalid') return fail(400, { name, problem: 'loginInvalid' as const });
		const seconds = Math.ceil(result.retryAfterMs / 1000);
		return fail(429, {
			name,
			problem: result.reason === 'locked' ? ('loginLocked' as const) : ('loginWait' as const),
			seconds,
			minutes: Math.ceil(seconds / 60)
		});
	}
};
