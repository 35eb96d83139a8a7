/**
 * District boundaries: a GeoJSON FeatureCollection, national or one province's, whose features
 * carry `code` (GSO district code), `name` and `province_code` (as in gis.chinhphu.vn's extract).
 * A province's districts are cut out of it; a province with no boundary (Quảng Ninh in the
 * national file) gets none, and the map says so.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { ImportError } from './errors.ts';
import { gsoCode, type NamedDistrict } from './gso.ts';

export interface Boundaries {
	file: string;
	features: Feature[];
}

export async function readBoundaries(file: string): Promise<Boundaries> {
	const name = path.basename(file);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		throw new ImportError('not_found', { file: name });
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new ImportError('not_geojson', { file: name }, { detail: (error as Error).message });
	}
	const collection = json as Partial<FeatureCollection>;
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
		throw new ImportError('not_geojson', { file: name }, { detail: 'no FeatureCollection' });
	const bad = collection.features.findIndex(
		(f) => typeof f?.properties?.code !== 'string' || typeof f.properties.name !== 'string'
	);
	if (bad >= 0)
		throw new ImportError(
			'not_geojson',
			{ file: name },
			{ detail: `features[${bad}] has no text properties code and name` }
		);
	return { file: name, features: collection.features };
}

/**
 * The province's features: those whose province_code is the province's, and in a file without
 * province codes (one province's own file) those whose code is one of its districts.
 */
export function provinceFeatures(
	boundaries: Boundaries,
	provinceCode: string,
	districtCodes: Set<string>
): Feature[] {
	return boundaries.features.filter((f) => {
		const own = f.properties!.province_code;
		return typeof own === 'string' || typeof own === 'number'
			? gsoCode(String(own), 2) === provinceCode
			: districtCodes.has(gsoCode(f.properties!.code as string, 3));
	});
}

export function namedDistricts(features: Feature[], provinceCode: string): NamedDistrict[] {
	return features.map((f) => ({
		code: gsoCode(f.properties!.code as string, 3),
		name: f.properties!.name as string,
		provinceCode
	}));
}
