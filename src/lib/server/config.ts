/**
 * The installation's configuration (data/config.json) and its target presets (data/targets/).
 * CDHT_DATA points at another data directory (tests, a second province).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePreset, type TargetPreset } from '../targets.ts';

export interface Config {
	dataDir: string;
	database: string;
	targetsDir: string;
	defaultPreset: string;
	/** GeoJSON of the district boundaries, or null when there are none. */
	boundaries: string | null;
	boundarySource: string | null;
	/** An optional tile layer under the map; the map works without. */
	tileUrl: string | null;
	tileAttribution: string | null;
	/** The data is simulated: every page says so. */
	simulated: boolean;
}

export function dataDir(): string {
	return path.resolve(process.env.CDHT_DATA ?? 'data');
}

export function loadConfig(dir = dataDir()): Config {
	const file = path.join(dir, 'config.json');
	const raw = existsSync(file)
		? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
		: {};
	const text = (key: string, fallback: string | null): string | null =>
		typeof raw[key] === 'string' ? (raw[key] as string) : fallback;
	const resolve = (p: string | null) => (p === null ? null : path.resolve(dir, p));
	return {
		dataDir: dir,
		database: resolve(process.env.CDHT_DB ?? text('database', 'cdht.duckdb'))!,
		targetsDir: resolve(text('targets', 'targets'))!,
		defaultPreset: text('defaultPreset', '')!,
		boundaries: resolve(text('boundaries', null)),
		boundarySource: text('boundarySource', null),
		tileUrl: text('tileUrl', null),
		tileAttribution: text('tileAttribution', null),
		simulated: raw.simulated === true
	};
}

/** Every preset under the targets directory, validated; the default first. */
export function loadPresets(config: Config): TargetPreset[] {
	const files = existsSync(config.targetsDir)
		? readdirSync(config.targetsDir)
				.filter((f) => f.endsWith('.json'))
				.sort()
		: [];
	const presets = files.map((f) => {
		const file = path.join(config.targetsDir, f);
		return parsePreset(JSON.parse(readFileSync(file, 'utf8')), file);
	});
	return presets.sort(
		(a, b) => Number(b.id === config.defaultPreset) - Number(a.id === config.defaultPreset)
	);
}
