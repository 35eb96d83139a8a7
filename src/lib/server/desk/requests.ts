/**
 * The upload form as the desk reads it: the files, the typed as-of date and the language,
 * refused with a reason (a message key and its values) before anything is saved when the upload
 * is too large or not an export. The body is read only when its declared length is within the
 * limit; a body the web server itself refuses (adapter-node's BODY_SIZE_LIMIT) gets the same
 * answer.
 */
import { isIsoDate, type IsoDate } from '../../dates.ts';
import type { Lang } from '../../format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { megabytes, uploadProblem } from './limits.ts';
import type { UploadedFile } from './desk.ts';

export type UploadForm =
	| { ok: true; files: UploadedFile[]; asOf: IsoDate | undefined; lang: Lang }
	| { ok: false; status: number; lang: Lang; key: MessageKey; values: Record<string, string> };

/** Room for the form's other fields and the multipart boundaries. */
const FORM_OVERHEAD = 64 * 1024;

export async function readUploadForm(request: Request, limit: number): Promise<UploadForm> {
	const lang: Lang = new URL(request.url).searchParams.get('lang') === 'en' ? 'en' : 'vi';
	const tooLarge = (size: number) =>
		({
			ok: false,
			status: 413,
			lang,
			key: 'deskTooLarge',
			values: { size: megabytes(size, lang), limit: megabytes(limit, lang) }
		}) as const;
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit + FORM_OVERHEAD) return tooLarge(declared);
	let form: FormData;
	try {
		form = await request.formData();
	} catch (error) {
		// The web server's own limit is lower than the desk's: the administrator's to raise.
		if ((error as { status?: number }).status === 413)
			return { ok: false, status: 413, lang, key: 'deskServerLimit', values: {} };
		throw error;
	}
	const formLang: Lang = form.get('lang') === 'en' ? 'en' : lang;
	const files = form.getAll('files').filter((f): f is File => f instanceof File);
	const problem = uploadProblem(files, limit);
	if (problem) {
		switch (problem.kind) {
			case 'no_file':
				return { ok: false, status: 400, lang: formLang, key: 'deskNoFile', values: {} };
			case 'not_export':
				return {
					ok: false,
					status: 400,
					lang: formLang,
					key: 'deskNotExport',
					values: { file: problem.file }
				};
			case 'too_many':
				return {
					ok: false,
					status: 400,
					lang: formLang,
					key: 'deskTooMany',
					values: { count: String(problem.count), max: String(problem.max) }
				};
			case 'too_large':
				return { ...tooLarge(problem.size), lang: formLang };
		}
	}
	const typed = String(form.get('asOf') ?? '').trim();
	if (typed !== '' && !isIsoDate(typed))
		return { ok: false, status: 400, lang: formLang, key: 'deskBadAsOf', values: { value: typed } };
	const chosen = files.filter((f) => f.name !== '' || f.size > 0);
	return {
		ok: true,
		lang: formLang,
		asOf: typed === '' ? undefined : typed,
		files: await Promise.all(
			chosen.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))
		)
	};
}
