/**
 * Target presets as files: one JSON file per preset under the data directory's targets folder,
 * named after its id. A preset is validated (the same parsePreset the dashboard uses) before it
 * is written, and written atomically — a temporary file in the same folder renamed over the old
 * one — so the dashboard, which re-reads the folder when a file changes, never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readJson, shownPath, type Config } from '../src/lib/server/config.ts';
import { parsePreset, type TargetPreset } from '../src/lib/targets.ts';
import { ImportError } from './errors.ts';

export interface PresetFile {
	file: string;
	preset: TargetPreset;
}

/** The presets of the targets folder, each with its file; a broken file is refused by name. */
export function presetFiles(config: Config): PresetFile[] {
	if (!existsSync(config.targetsDir)) return [];
	return readdirSync(config.targetsDir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const file = path.join(config.targetsDir, f);
			return { file, preset: parsePreset(readJson(file), shownPath(file)) };
		});
}

/** Reads and validates a preset file: a ConfigError names the file, the field and the value. */
export function readPreset(file: string, shown = shownPath(file)): TargetPreset {
	if (!existsSync(file)) throw new ImportError('not_found', { file: shown });
	return parsePreset(readJson(file), shown);
}

export interface Added {
	file: string;
	/** The preset it replaces (same id), or null for a new one. */
	replaced: PresetFile | null;
}

/** Writes the preset as <id>.json, replacing the file that held the same id. */
export async function addPreset(
	config: Config,
	preset: TargetPreset,
	dryRun: boolean
): Promise<Added> {
	const target = path.join(config.targetsDir, `${preset.id}.json`);
	const replaced = presetFiles(config).find((p) => p.preset.id === preset.id) ?? null;
	if (dryRun) return { file: target, replaced };
	await mkdir(config.targetsDir, { recursive: true });
	// Not ".json": the dashboard only reads *.json, so it never reads the temporary file.
	const temporary = path.join(
		config.targetsDir,
		`.${preset.id}.${randomBytes(6).toString('hex')}.tmp`
	);
	try {
		await writeFile(temporary, `${JSON.stringify(preset, null, '\t')}\n`, { flag: 'wx' });
		await rename(temporary, target);
	} catch (error) {
		await rm(temporary, { force: true });
		throw new ImportError('cannot_write', { file: shownPath(target) }, { detail: String(error) });
	}
	if (replaced && replaced.file !== target) await rm(replaced.file, { force: true });
	return { file: target, replaced };
}

/** Removes a preset; never the default one nor the last one (the dashboard needs one). */
export async function removePreset(
	config: Config,
	id: string,
	dryRun: boolean
): Promise<PresetFile> {
	const all = presetFiles(config);
	const found = all.find((p) => p.preset.id === id);
	if (!found)
		throw new ImportError(
			'no_such_preset',
			{},
			{ id, ids: all.map((p) => p.preset.id).join(', ') }
		);
	if (id === config.defaultPreset) throw new ImportError('default_preset', {}, { id });
	if (all.length === 1) throw new ImportError('last_preset', {}, { id });
	if (!dryRun) await rm(found.file);
	return found;
}
