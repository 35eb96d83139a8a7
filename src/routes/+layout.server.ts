import { can } from '$lib/access';
import { deskRoot } from '$lib/server/desk/root';
import { appConfig, appPresets } from '$lib/server/live';
import { pageContext } from '$lib/server/pages/context';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ url, locals }) => {
	const { view, snapshots, db, problem } = await pageContext(url);
	// The first page served after a start deletes the uploads an earlier run left.
	deskRoot();
	const config = appConfig();
	// Someone who may not read yet (the login page of a closed dashboard) learns nothing of the data.
	const reader = can(locals.user, 'read', config.public);
	return {
		view,
		hasData: db !== null,
		problem,
		snapshots: reader ? snapshots : [],
		presets: reader ? appPresets().map((p) => ({ id: p.id, name: p.name, source: p.source })) : [],
		simulated: config.simulated,
		user: locals.user
	};
};
