import { fail } from '@sveltejs/kit';
import {
	draftFor,
	presetRows,
	refused,
	removePresetNamed,
	savePresetForm,
	uploadPreset,
	type SaveResult
} from '$lib/server/admin/presets-admin';
import { requireAccess } from '$lib/server/guard';
import type { User } from '$lib/access';
import type { Lang } from '$lib/format';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireAccess(event, 'admin');
	return { presets: presetRows(), draft: draftFor(event.url.searchParams.get('edit')) };
};

type Change = (user: User, form: FormData, lang: Lang) => Promise<SaveResult>;

function change(run: Change) {
	return async (event: RequestEvent) => {
		const user = await requireAccess(event, 'admin');
		const { request, url } = event;
		const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
		const result = await run(user, await request.formData(), lang);
		return refused(result) ? fail(400, { result }) : { result };
	};
}

export const actions: Actions = {
	save: change(savePresetForm),
	upload: change(uploadPreset),
	remove: change(removePresetNamed)
};
