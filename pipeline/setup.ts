/**
 * The `setup` command: a data directory for a province, from the national reference files, so a
 * province starts without code — config.json, the unit list (territory from the GSO catalogue
 * and the boundary file), the districts' boundaries, a target preset with the programme's
 * defaults, and a README saying what to fill in. Nothing is written until everything is read.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Unit } from '../src/lib/units.ts';
import { namedDistricts, provinceFeatures, readBoundaries } from './boundaries.ts';
import { unitsCsv } from './demo/units.ts';
import { ImportError } from './errors.ts';
import { chooseProvince, GSO_COLUMNS, GSO_REQUIRED, territoryUnits, type Province } from './gso.ts';
import { readTable } from './read/table.ts';
import { setupReadme } from './setup-readme.ts';
import { defaultPreset } from './setup-preset.ts';
import { fold } from './text.ts';

export interface SetupOptions {
	province: string;
	catalogue: string;
	boundaries: string;
	out: string;
	year: number;
	/** Write over an existing config.json (earlier versions of every file kept as .bak). */
	force: boolean;
}

export interface SetupOutcome {
	dir: string;
	province: Province;
	units: Unit[];
	/** Districts only the boundary file names (no commune in the catalogue). */
	boundaryOnly: Unit[];
	/** Districts with a boundary; 0 for a province the boundary file lacks. */
	shapes: number;
	files: string[];
	backups: string[];
}

/** "Tỉnh Quảng Ngãi" → "quang-ngai", "Thành phố Hồ Chí Minh" → "ho-chi-minh". */
export function provinceSlug(name: string): string {
	return fold(name.replace(/^\s*(tỉnh|thành phố)\s+/iu, '')).replace(/ /g, '-');
}

export async function setupProvince(options: SetupOptions): Promise<SetupOutcome> {
	const dir = path.resolve(options.out);
	if (existsSync(path.join(dir, 'config.json')) && !options.force)
		throw new ImportError('setup_exists', {}, { dir: options.out });
	const catalogue = await readTable(options.catalogue, GSO_COLUMNS, GSO_REQUIRED);
	const province = chooseProvince(catalogue.rows, options.province, catalogue.file);
	const fromCatalogue = territoryUnits(catalogue.rows, province, []);
	const districtCodes = new Set(
		fromCatalogue.filter((u) => u.kind === 'district').map((u) => u.code)
	);
	const features = provinceFeatures(
		await readBoundaries(options.boundaries),
		province.code,
		districtCodes
	);
	const units = territoryUnits(catalogue.rows, province, namedDistricts(features, province.code));
	const slug = provinceSlug(province.name);
	const preset = defaultPreset(province, slug, options.year);
	const boundaryFile = `reference/${slug}-districts.geojson`;
	const contents: Record<string, string> = {
		'config.json': configJson(province, preset.id, features.length > 0 ? boundaryFile : null),
		'units.csv': unitsCsv(units),
		[`targets/${preset.id}.json`]: JSON.stringify(preset, null, '\t') + '\n',
		'README.md': setupReadme({ dir: options.out, province, presetId: preset.id, units })
	};
	if (features.length > 0)
		contents[boundaryFile] = JSON.stringify({ type: 'FeatureCollection', features }) + '\n';
	const backups = writeAll(dir, contents);
	return {
		dir,
		province,
		units,
		boundaryOnly: units.filter((u) => u.kind === 'district' && !districtCodes.has(u.code)),
		shapes: features.length,
		files: Object.keys(contents),
		backups
	};
}

function configJson(province: Province, presetId: string, boundaries: string | null): string {
	const config = {
		$comment:
			'Where the dashboard and the pipeline find their data. Paths are relative to this file. Written by `npm run pipeline -- setup`.',
		province: { code: province.code, name: province.name },
		database: 'cdht.duckdb',
		targets: 'targets',
		defaultPreset: presetId,
		boundaries,
		boundarySource: boundaries ? 'Ranh giới: gis.chinhphu.vn, qua daohoangson/dvhcvn' : null,
		tileUrl: null,
		tileAttribution: null,
		simulated: false
	};
	return JSON.stringify(config, null, '\t') + '\n';
}

/** Writes each file; one that exists with other content is kept as `<file>.bak` first. */
function writeAll(dir: string, contents: Record<string, string>): string[] {
	const backups: string[] = [];
	for (const [name, text] of Object.entries(contents)) {
		const file = path.join(dir, name);
		mkdirSync(path.dirname(file), { recursive: true });
		if (existsSync(file) && readFileSync(file, 'utf8') !== text) {
			renameSync(file, `${file}.bak`);
			backups.push(`${name}.bak`);
		}
		writeFileSync(file, text);
	}
	return backups;
}
