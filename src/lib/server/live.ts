/**
 * What the dashboard runs on: the configuration and presets (re-read when their files change), the
 * live database (reopened after the pipeline swaps it, which is also how a new unit list arrives),
 * and a small cache of computed progress per database file, day and preset — a new file is a new
 * cache.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config-errors.ts';
import type { IsoDate } from '../dates.ts';
import type { UnitProgress } from '../progress.ts';
import type { TargetPreset } from '../targets.ts';
import { dataDir, loadConfig, loadPresets, type Config } from './config.ts';
import { liveDatabase, type Db } from './db.ts';
import { snapshotDates } from './imports.ts';
import { listActivity, progressOn } from './progress.ts';
import { listUnits } from './units.ts';
import type { Unit } from '../units.ts';

export interface Settings {
	config: Config;
	presets: TargetPreset[];
}

/** How often a request may stat the configuration files for a change. */
const CHECK_INTERVAL_MS = 500;

/**
 * The settings of a data directory, read again when config.json or a preset changes (checked at
 * most twice a second, on request). An edit that breaks a file keeps the last good settings and
 * logs the one-line error, so a typo never takes the dashboard down.
 */
export function watchedSettings(
	dir: () => string,
	log: (line: string) => void = console.error
): () => Settings {
	let current: (Settings & { stamp: string; checkedAt: number }) | null = null;
	return () => {
		const now = Date.now();
		if (current && now - current.checkedAt < CHECK_INTERVAL_MS) return current;
		const stamp = filesStamp(dir(), current?.config.targetsDir);
		if (current && stamp === current.stamp) {
			current.checkedAt = now;
			return current;
		}
		try {
			const config = loadConfig(dir());
			const presets = loadPresets(config);
			current = { config, presets, stamp: filesStamp(dir(), config.targetsDir), checkedAt: now };
		} catch (error) {
			if (!(error instanceof ConfigError) || !current) throw error;
			log(`cdht: ${error.message} (the previous settings stay in use)`);
			current = { ...current, stamp, checkedAt: now };
		}
		return current;
	};
}

/** Size and modification time of config.json and every preset: changes when any file does. */
function filesStamp(dir: string, targetsDir = path.join(dir, 'targets')): string {
	const stamp = (file: string) => {
		try {
			const s = statSync(file);
			return `${file}:${s.size}:${s.mtimeMs}`;
		} catch {
			return `${file}:-`;
		}
	};
	let presets: string[] = [];
	try {
		presets = readdirSync(targetsDir).filter((f) => f.endsWith('.json'));
	} catch {
		// no targets directory: no presets
	}
	return [path.join(dir, 'config.json'), ...presets.sort().map((f) => path.join(targetsDir, f))]
		.map(stamp)
		.join('|');
}

const settings = watchedSettings(dataDir);

export function appConfig(): Config {
	return settings().config;
}

export function appPresets(): TargetPreset[] {
	return settings().presets;
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
	return memo(db, `progress|${preset.id}|${day}`, async () => {
		const [units, snapshots, activity] = await Promise.all([
			cachedUnits(db),
			cachedSnapshots(db),
			memo(db, 'activity', () => listActivity(db.kysely))
		]);
		return progressOn(db.kysely, preset, day, { units, snapshots, activity });
	});
}

/** The snapshot dates of a database file, oldest first: they only change with the file. */
export function cachedSnapshots(db: Db): Promise<string[]> {
	return memo(db, 'snapshots', () => snapshotDates(db.kysely));
}

/** The unit list of a database file: it only changes with the file. */
export function cachedUnits(db: Db): Promise<Unit[]> {
	return memo(db, 'units', () => listUnits(db.kysely));
}
