import { auditChoices, countAudit, listAudit } from '$lib/server/accounts/audit';
import { accounts } from '$lib/server/auth';
import { requireAccess } from '$lib/server/guard';
import { auditFilter } from '$lib/server/pages/audit';
import type { PageServerLoad } from './$types';

/** The page shows the newest entries; the CSV has every one the filter matches. */
const SHOWN = 500;

export const load: PageServerLoad = async (event) => {
	await requireAccess(event, 'admin');
	const store = await accounts();
	const filter = auditFilter(event.url);
	return {
		filter,
		entries: await listAudit(store.kysely, { ...filter, limit: SHOWN }),
		total: await countAudit(store.kysely, filter),
		choices: await auditChoices(store.kysely)
	};
};
