import { fail } from '@sveltejs/kit';
import { allow } from '$lib/server/admin/guard';
import {
	draftFor,
	presetRows,
	refused,
	removePresetNamed,
	savePresetForm,
	uploadPreset,
	type SaveResult
} from '$lib/server/admin/presets-admin';
import type { User } from '$lib/access';
import type { Lang } from '$lib/format';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	allow(locals, 'admin');
	return { presets: presetRows(), draft: draftFor(url.searchParams.get('edit')) };
};

type Change = (user: User, form: FormData, lang: Lang) => Promise<SaveResult>;

function change(run: Change) {
	return async ({ locals, request, url }: RequestEvent) => {
		const user = allow(locals, 'admin');
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
