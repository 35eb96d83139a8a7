/**
 * The installation's configuration (data/config.json) and its target presets (data/targets/).
 * CDHT_DATA (or the pipeline's --data) points at another data directory (tests, a second
 * province). A mistake in either file is a ConfigError naming the file and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseJson } from '../config-errors.ts';
import { parsePreset, type TargetPreset } from '../targets.ts';

export interface Config {
	dataDir: string;
	/** The province the directory was set up for; null in a directory older than `setup`. */
	province: { code: string; name: string } | null;
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
	/** Anyone may read the dashboard without signing in (the demo); false: every page needs a login. */
	public: boolean;
	/** The session cookie's Secure flag: true, false, or null to follow the request (HTTPS or not). */
	secureCookie: boolean | null;
}

export function dataDir(): string {
	return path.resolve(process.env.CDHT_DATA ?? 'data');
}

/** The file as the user would type it: relative to the working directory when inside it. */
export function shownPath(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** A JSON file, its syntax errors named by line and column. */
export function readJson(file: string): unknown {
	// A folder, a pipe or /dev/zero in a file's place would fail or never end.
	if (!statSync(file).isFile())
		throw Object.assign(new Error(`${shownPath(file)}: not a regular file`), {
			code: 'ENOTREG',
			path: file
		});
	return parseJson(readFileSync(file, 'utf8'), shownPath(file));
}

export function loadConfig(dir = dataDir()): Config {
	const file = path.join(dir, 'config.json');
	const shown = shownPath(file);
	const json = existsSync(file) ? readJson(file) : {};
	if (typeof json !== 'object' || json === null || Array.isArray(json))
		throw new ConfigError({ file: shown, path: '$' }, 'object', json);
	const raw = json as Record<string, unknown>;
	const text = (key: string, fallback: string | null): string | null => {
		const value = raw[key];
		if (value === undefined || value === null) return fallback;
		if (typeof value === 'string' && value.trim() !== '') return value;
		throw new ConfigError({ file: shown, path: `$.${key}` }, 'textOrNull', value);
	};
	for (const key of ['simulated', 'public'])
		if (raw[key] !== undefined && typeof raw[key] !== 'boolean')
			throw new ConfigError({ file: shown, path: `$.${key}` }, 'boolean', raw[key]);
	const secureCookie = raw.secureCookie ?? null;
	if (secureCookie !== null && typeof secureCookie !== 'boolean')
		throw new ConfigError({ file: shown, path: '$.secureCookie' }, 'boolean', secureCookie);
	const resolve = (p: string | null) => (p === null ? null : path.resolve(dir, p));
	return {
		dataDir: dir,
		province: province(raw.province, shown),
		database: resolve(process.env.CDHT_DB ?? text('database', 'cdht.duckdb'))!,
		targetsDir: resolve(text('targets', 'targets'))!,
		defaultPreset: text('defaultPreset', '')!,
		boundaries: resolve(text('boundaries', null)),
		boundarySource: text('boundarySource', null),
		tileUrl: text('tileUrl', null),
		tileAttribution: text('tileAttribution', null),
		simulated: raw.simulated === true,
		public: raw.public !== false,
		secureCookie
	};
}

function province(value: unknown, file: string): Config['province'] {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'object' || Array.isArray(value))
		throw new ConfigError({ file, path: '$.province' }, 'object', value);
	const { code, name } = value as Record<string, unknown>;
	if (typeof code !== 'string' || code.trim() === '')
		throw new ConfigError({ file, path: '$.province.code' }, 'text', code);
	if (typeof name !== 'string' || name.trim() === '')
		throw new ConfigError({ file, path: '$.province.name' }, 'text', name);
	return { code, name };
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
		return parsePreset(readJson(file), shownPath(file));
	});
	return presets.sort(
		(a, b) => Number(b.id === config.defaultPreset) - Number(a.id === config.defaultPreset)
	);
}
