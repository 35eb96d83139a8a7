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
import { listUnits } from './units.ts';
import type { Unit } from '../units.ts';

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

const MAX_CACHED = 256;
const caches = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * Computes once per database file and key: progress per day and preset, page data per page, day,
 * preset and language. A swapped-in file is a new Db, so its cache starts empty.
 */
export function memo<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
	let cache = caches.get(db);
	if (!cache) {
		cache = new Map();
		caches.set(db, cache);
	}
	let entry = cache.get(key) as Promise<T> | undefined;
	if (!entry) {
		if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
		entry = compute();
		entry.catch(() => cache.delete(key));
		cache.set(key, entry);
	}
	return entry;
}

/** Every unit's progress (unredacted: callers redact before anything leaves the server). */
export function cachedProgress(
	db: Db,
	preset: TargetPreset,
	day: IsoDate
): Promise<UnitProgress[]> {
	return memo(db, `progress|${preset.id}|${day}`, async () =>
		progressOn(db.kysely, preset, day, await cachedUnits(db))
	);
}

/** The unit list of a database file: it only changes with the file. */
export function cachedUnits(db: Db): Promise<Unit[]> {
	return memo(db, 'units', () => listUnits(db.kysely));
}
