/**
 * The desk's permission check, on the server for every load, action and endpoint: the role may
 * do the action (scope is checked where the rows are known). Anonymous users may do neither,
 * whatever the public setting (it opens reading only).
 */
import { error } from '@sveltejs/kit';
import { can, type User } from '../../access.ts';

export function deskUser(locals: App.Locals, action: 'import' | 'remove'): User {
	// Until an authentication hook sets it, locals.user is undefined: nobody.
	const user = locals.user ?? null;
	if (user === null || !can(user, action, false)) error(403, 'Forbidden');
	return user;
}
