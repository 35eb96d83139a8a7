/**
 * The server's check before every page, data endpoint, export and action that needs more than a
 * public read: built on the one table of roles (access.ts). Anonymous visitors are sent to the
 * login page (a page) or told 401 (anything else); signed-in users without the right get 403.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, inScope, type Action, type User } from '../access.ts';
import { t } from '../i18n/index.ts';
import { appConfig, cachedUnits, currentDatabase } from './live.ts';

export type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request'>;

/** Whether a request is a browser asking for a page (then a login page beats a 401). */
export function wantsPage(request: Request): boolean {
	return (
		(request.method === 'GET' || request.method === 'HEAD') &&
		(request.headers.get('accept') ?? '').includes('text/html')
	);
}

const langOf = (url: URL) => (url.searchParams.get('lang') === 'en' ? 'en' : 'vi');

export function loginUrl(url: URL): string {
	const next = url.pathname + url.search;
	const lang = langOf(url) === 'en' ? '&lang=en' : '';
	return `/login?next=${encodeURIComponent(next)}${lang}`;
}

/** Throws unless nobody needs to sign in here: redirect (page) or 401 (anything else). */
export function refuseAnonymous(event: GuardEvent): never {
	if (wantsPage(event.request)) redirect(303, loginUrl(event.url));
	error(401, t(langOf(event.url), 'signInRequired'));
}

/**
 * Lets the request through when its user may do the action — and, given a unit, when the unit
 * is within the user's scope (an officer: their unit's subtree) — or throws. Returns the user
 * (null: an anonymous reader of a public dashboard; never for any other action).
 */
export async function requireAccess(
	event: GuardEvent,
	action: Exclude<Action, 'read'>,
	unitCode?: string
): Promise<User>;
export async function requireAccess(
	event: GuardEvent,
	action: Action,
	unitCode?: string
): Promise<User | null>;
export async function requireAccess(
	event: GuardEvent,
	action: Action,
	unitCode?: string
): Promise<User | null> {
	const user = event.locals.user;
	if (!can(user, action, appConfig().public)) {
		if (user === null) refuseAnonymous(event);
		error(403, t(langOf(event.url), 'forbidden'));
	}
	if (user !== null && unitCode !== undefined && !inScope(user, unitCode, await parents()))
		error(403, t(langOf(event.url), 'outOfScope'));
	return user;
}

/** The parent of each unit of the live database's unit list. */
async function parents(): Promise<(code: string) => string | null> {
	const db = await currentDatabase();
	const units = db ? await cachedUnits(db) : [];
	const parent = new Map(units.map((u) => [u.code, u.parent]));
	return (code) => parent.get(code) ?? null;
}
