/**
 * What the dashboard runs on: the configuration and presets (read once), the live database
 * (reopened after the pipeline swaps it), and a small cache of computed progress per database
 * file, day and preset — a new file is a new cache.
 */
import type { IsoDate } from '../dates.ts';
import type { UnitProgress } from '../progress.ts';
import type { TargetPreset } from '../targets.ts';
import { loadConfig, loadPresets, type Config } from './config.ts';
import { liveDatabase, type Db } from './db.ts';
import { progressOn } from './progress.ts';

let config: Config | null = null;
let presets: TargetPreset[] | null = null;

export function appConfig(): Config {
	config ??= loadConfig();
	return config;
}

export function appPresets(): TargetPreset[] {
	presets ??= loadPresets(appConfig());
	return presets;
}

export function currentDatabase(): Promise<Db | null> {
	return liveDatabase(appConfig().database);
}

const MAX_CACHED = 64;
const caches = new WeakMap<Db, Map<string, Promise<UnitProgress[]>>>();

/** Every unit's progress (unredacted: callers redact before anything leaves the server). */
export function cachedProgress(db: Db, preset: TargetPreset, day: IsoDate): Promise<UnitProgress[]> {
	let cache = caches.get(db);
	if (!cache) {
		cache = new Map();
		caches.set(db, cache);
	}
	const key = `${preset.id}|${day}`;
	let entry = cache.get(key);
	if (!entry) {
		if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
		entry = progressOn(db.kysely, preset, day);
		entry.catch(() => cache.delete(key));
		cache.set(key, entry);
	}
	return entry;
}
