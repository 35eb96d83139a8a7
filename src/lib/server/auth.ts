/**
 * The server's side of accounts: the store beside the live analytics file (opened once), who a
 * request is from (its session cookie) and the cookie's settings.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { User } from '../access.ts';
import { deleteStaleSessions, SESSION_COOKIE, sessionUser } from './accounts/sessions.ts';
import { accountsPath, openAccounts, type AccountsStore } from './accounts/store.ts';
import { appConfig } from './live.ts';

const stores = new Map<string, Promise<AccountsStore>>();

/** The accounts store of the configured database (opened, and migrated, on first use). */
export function accounts(): Promise<AccountsStore> {
	const file = accountsPath(appConfig().database);
	let store = stores.get(file);
	if (!store) {
		store = openAccounts(file).then(async (opened) => {
			await deleteStaleSessions(opened.kysely);
			return opened;
		});
		store.catch(() => stores.delete(file));
		stores.set(file, store);
	}
	return store;
}

/** The signed-in user of the request, or null (no cookie, or a session that has ended). */
export async function requestUser(cookies: Cookies): Promise<User | null> {
	const token = cookies.get(SESSION_COOKIE);
	if (!token) return null;
	return sessionUser((await accounts()).kysely, token);
}

/** httpOnly, SameSite=Lax, Secure over HTTPS (or as config.json's secureCookie says). */
export function cookieOptions(url: URL, expiresAt?: number) {
	const secure = appConfig().secureCookie ?? url.protocol === 'https:';
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure,
		...(expiresAt !== undefined && { expires: new Date(expiresAt) })
	};
}

/** The client's address (adapter-node: the socket, or ADDRESS_HEADER behind a proxy). */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
