/**
 * The unit list and the activity sheet from the browser: the file is read by the `units` or
 * `activity` command in a dry run first (what would change), then — the same file, checked by
 * its hash, uploaded again on confirmation — for real. Between the two nothing is kept on disk.
 */
import { createHash } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import type { Action, User } from '../../access.ts';
import type { Lang } from '../../format.ts';
import { runPipeline } from '../pipeline-run.ts';
import { MAX_SHEET_BYTES } from '../../upload-limits.ts';
import { requireAccess, type GuardEvent } from '../guard.ts';
import { commandReport, type CommandReport } from './cli-result.ts';
import { deskRoot } from '../desk/root.ts';
import { UploadRefused, withUpload } from '../desk/uploads.ts';

export const SHEET_EXTENSIONS = ['.csv', '.xlsx'] as const;

export type SheetCommand = 'units' | 'activity';

export type SheetResult =
	| { step: 'preview' | 'apply'; file: string; hash: string; report: CommandReport }
	| { step: 'preview' | 'apply'; refused: UploadRefused['reason'] | 'changed' };

async function sha256(file: File): Promise<string> {
	return createHash('sha256')
		.update(new Uint8Array(await file.arrayBuffer()))
		.digest('hex');
}

/**
 * preview: `<command> <file> --dry-run`; apply: `<command> <file>`, only for the file previewed
 * (the form's `hash`), so what is confirmed is what was shown.
 */
export async function runSheet(
	user: User,
	command: SheetCommand,
	step: 'preview' | 'apply',
	form: FormData,
	lang: Lang
): Promise<SheetResult> {
	const file = form.get('file');
	try {
		const hash = file instanceof File ? await sha256(file) : '';
		if (step === 'apply' && file instanceof File && file.size > 0 && form.get('hash') !== hash)
			return { step, refused: 'changed' };
		return await withUpload(deskRoot(), file, SHEET_EXTENSIONS, MAX_SHEET_BYTES, async (upload) => {
			const args = [
				command,
				upload.file,
				'--lang',
				lang,
				...(step === 'preview' ? ['--dry-run'] : [])
			];
			const report = commandReport(await runPipeline(args, { actor: user.name }), upload);
			return { step, file: upload.name, hash, report };
		});
	} catch (error) {
		if (error instanceof UploadRefused) return { step, refused: error.reason };
		throw error;
	}
}

/** The page's two actions, each checking the user first. */
export function sheetActions(command: SheetCommand, action: Exclude<Action, 'read'>) {
	const run = (step: 'preview' | 'apply') => async (event: GuardEvent) => {
		const user = await requireAccess(event, action);
		const { request, url } = event;
		const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
		const result = await runSheet(user, command, step, await request.formData(), lang);
		return 'refused' in result || !result.report.ok ? fail(400, { result }) : { result };
	};
	return { preview: run('preview'), apply: run('apply') };
}
