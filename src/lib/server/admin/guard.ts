/**
 * The server's check before any admin page, names page or action: the signed-in user may do the
 * action (src/lib/access.ts), else 403. Nothing is public here, whatever the dashboard's setting.
 */
import { error } from '@sveltejs/kit';
import { can, type Action, type User } from '../../access.ts';

/** The user of the request; none until the sign-in sets one (then every action here is 403). */
export function userOf(locals: { user?: User | null }): User | null {
	return locals.user ?? null;
}

/** The user, when allowed to do `action`; otherwise the request ends with 403. */
export function allow(locals: { user?: User | null }, action: Action): User {
	const user = userOf(locals);
	if (!can(user, action, false)) error(403, 'Forbidden');
	return user!;
}
