import { fail, redirect } from '@sveltejs/kit';
import {
	cancelUpload,
	confirmUpload,
	createUpload,
	getUpload,
	uploadForPage
} from '$lib/server/desk/desk';
import { megabytes, uploadLimit } from '$lib/server/desk/limits';
import { readUploadForm } from '$lib/server/desk/requests';
import { deskRoot } from '$lib/server/desk/root';
import { requireAccess } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const langOf = (url: URL) => (url.searchParams.get('lang') === 'en' ? 'en' : 'vi');

export const load: PageServerLoad = async (event) => {
	const user = await requireAccess(event, 'import');
	const { url } = event;
	deskRoot();
	const id = url.searchParams.get('upload');
	const upload = id ? getUpload(user, id) : undefined;
	return {
		limit: megabytes(uploadLimit(), langOf(url)),
		requested: id,
		upload: upload ? uploadForPage(upload) : null
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const user = await requireAccess(event, 'import');
		const { request } = event;
		const form = await readUploadForm(request, uploadLimit());
		if (!form.ok) return fail(form.status, { key: form.key, values: form.values });
		const upload = await createUpload(deskRoot(), user, form.files, form);
		redirect(303, `/imports/new?upload=${upload.id}&lang=${form.lang}`);
	},
	confirm: async (event) => {
		const user = await requireAccess(event, 'import');
		const { request, url } = event;
		const id = String((await request.formData()).get('upload') ?? '');
		const running = confirmUpload(user, id);
		if (running === false) return fail(409, { key: 'deskGone' as const, values: {} });
		// Not awaited: the page shows the progress while the pipeline runs.
		void running;
		redirect(303, `/imports/new?upload=${id}&lang=${langOf(url)}`);
	},
	cancel: async (event) => {
		const user = await requireAccess(event, 'import');
		const { request, url } = event;
		const id = String((await request.formData()).get('upload') ?? '');
		cancelUpload(user, id);
		redirect(303, `/imports/new?upload=${id}&lang=${langOf(url)}`);
	}
};
