/**
 * The target presets page: the presets as the dashboard reads them, the form's draft of one, and
 * the changes — saved from the form or uploaded as JSON — each run as the `presets` command, so
 * they are checked by the same parsePreset, written atomically and recorded like every change.
 */
import type { User } from '../../access.ts';
import { ConfigError } from '../../config-errors.ts';
import type { Lang } from '../../format.ts';
import {
	draftFromForm,
	draftFromPreset,
	emptyDraft,
	fieldProblem,
	presetJson,
	type PresetDraft
} from '../../preset-draft.ts';
import { parsePreset } from '../../targets.ts';
import { loadPresets } from '../config.ts';
import { appConfig, appPresets } from '../live.ts';
import { runPipeline } from '../pipeline-run.ts';
import { commandReport, type CommandReport } from './cli-result.ts';
import { deskRoot } from '../desk/root.ts';
import { UploadRefused, withUpload } from '../desk/uploads.ts';

/** A preset file is a few kilobytes. */
const MAX_PRESET_BYTES = 1024 * 1024;

export interface PresetRow {
	id: string;
	name: { vi: string; en: string };
	source: string;
	targets: number;
	isDefault: boolean;
}

/**
 * The presets as the files are now: the page is opened right after the presets command wrote
 * one, sooner than the dashboard's half-second look at the files. A file broken by hand keeps
 * the dashboard's last good presets, as everywhere.
 */
function presetsNow() {
	try {
		return loadPresets(appConfig());
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		return appPresets();
	}
}

export function presetRows(): PresetRow[] {
	const config = appConfig();
	const presets = presetsNow();
	const defaultId = presets.some((p) => p.id === config.defaultPreset)
		? config.defaultPreset
		: presets[0]?.id;
	return presets.map((p) => ({
		id: p.id,
		name: p.name,
		source: p.source,
		targets: p.targets.length,
		isDefault: p.id === defaultId
	}));
}

/** The draft the form opens with: "new", a preset's id, or nothing (no form). */
export function draftFor(edit: string | null): PresetDraft | null {
	if (edit === null) return null;
	if (edit === 'new') return emptyDraft();
	const preset = presetsNow().find((p) => p.id === edit);
	return preset ? draftFromPreset(preset) : null;
}

export type SaveResult =
	| { draft: PresetDraft; problem: { field: string; text: string } }
	| { draft: PresetDraft; report: CommandReport }
	| { refused: UploadRefused['reason'] }
	| { report: CommandReport };

async function addFile(user: User, file: unknown, lang: Lang): Promise<CommandReport> {
	return withUpload(deskRoot(), file, ['.json'], MAX_PRESET_BYTES, async (upload) =>
		commandReport(
			await runPipeline(['presets', 'add', upload.file, '--lang', lang], { actor: user.name }),
			upload
		)
	);
}

/** The form's preset: refused next to its field if invalid, else `presets add`. */
export async function savePresetForm(user: User, form: FormData, lang: Lang): Promise<SaveResult> {
	const draft = draftFromForm(form);
	const json = presetJson(draft);
	try {
		parsePreset(json, 'form');
	} catch (error) {
		if (error instanceof ConfigError) return { draft, problem: fieldProblem(error, lang) };
		throw error;
	}
	const file = new File([JSON.stringify(json, null, '\t')], `${draft.id.trim()}.json`);
	return { draft, report: await addFile(user, file, lang) };
}

/** An uploaded preset file: `presets add`, whose one-line error names the uploaded file. */
export async function uploadPreset(user: User, form: FormData, lang: Lang): Promise<SaveResult> {
	try {
		return { report: await addFile(user, form.get('file'), lang) };
	} catch (error) {
		if (error instanceof UploadRefused) return { refused: error.reason };
		throw error;
	}
}

export async function removePresetNamed(
	user: User,
	form: FormData,
	lang: Lang
): Promise<SaveResult> {
	const id = String(form.get('id') ?? '');
	const args = ['presets', 'remove', '--lang', lang, '--', id];
	return { report: commandReport(await runPipeline(args, { actor: user.name })) };
}

/** Whether the change was refused (the page answers 400 with it). */
export function refused(result: SaveResult): boolean {
	return 'problem' in result || 'refused' in result || !result.report.ok;
}
