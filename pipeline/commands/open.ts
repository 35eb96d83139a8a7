import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, loadPresets } from '../../src/lib/server/config.ts';
import { openDatabase, type Db } from '../../src/lib/server/db.ts';
import type { TargetPreset } from '../../src/lib/targets.ts';
import { ImportError } from '../errors.ts';
import { removeLeftovers } from '../temp-files.ts';

/**
 * The live database, read-only: reading commands never take the writer's lock. What a killed
 * run left beside it goes first (as before every change, see workspace.ts).
 */
export async function openForReading(dbPath: string): Promise<Db> {
	removeLeftovers(path.dirname(path.resolve(dbPath)));
	if (!existsSync(dbPath)) throw new ImportError('no_database', { file: path.basename(dbPath) });
	return openDatabase(dbPath, { readOnly: true });
}

/**
 * The preset named by --preset, else the data directory's default (else its first preset, as the
 * dashboard shows); refused if there is none such.
 */
export function chosenPreset(id: string | undefined, dataDir: string): TargetPreset {
	const config = loadConfig(dataDir);
	const presets = loadPresets(config);
	if (presets.length === 0) throw new ImportError('no_presets', {}, { dir: config.targetsDir });
	const wanted = id ?? (config.defaultPreset || presets[0]!.id);
	const preset = presets.find((p) => p.id === wanted);
	if (!preset)
		throw new ImportError(
			'no_preset',
			{},
			{ id: wanted, ids: presets.map((p) => p.id).join(', ') }
		);
	return preset;
}
