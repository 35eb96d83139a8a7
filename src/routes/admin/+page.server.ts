import { can } from '$lib/access';
import { allow } from '$lib/server/admin/guard';
import type { PageServerLoad } from './$types';

/** The association sees the activity sheet; admins everything. */
export const load: PageServerLoad = ({ locals }) => {
	const user = allow(locals, 'activity');
	return { isAdmin: can(user, 'admin', false) };
};
