import { sheetActions } from '$lib/server/admin/sheet-upload';
import { requireAccess } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireAccess(event, 'admin');
};

export const actions = sheetActions('units', 'admin');
