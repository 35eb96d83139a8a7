import { can } from '$lib/access';
import { requireAccess } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

/** The association sees the activity sheet; admins everything. */
export const load: PageServerLoad = async (event) => {
	const user = await requireAccess(event, 'activity');
	return { isAdmin: can(user, 'admin', false) };
};
