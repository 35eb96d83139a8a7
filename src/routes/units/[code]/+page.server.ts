import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { pageContext } from '$lib/server/pages/context';
import { unitData } from '$lib/server/pages/unit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
	const { db, view, preset } = await pageContext(url);
	if (!db) return { view, unit: null };
	const unit = await unitData(db, preset, view, params.code);
	if (!unit) error(404, t(view.lang, 'notFound'));
	return { view, unit };
};
