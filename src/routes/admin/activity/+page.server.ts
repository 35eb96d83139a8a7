import { allow } from '$lib/server/admin/guard';
import { sheetActions } from '$lib/server/admin/sheet-upload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	allow(locals, 'activity');
};

export const actions = sheetActions('activity', 'activity');
