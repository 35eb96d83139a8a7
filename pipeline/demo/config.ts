/**
 * The demo's inputs: public reference data (GSO unit list, census population) vendored under
 * data/reference, synthetic agencies, and the calibration in data/demo/demo.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../../src/lib/dates.ts';
import { parseCsv } from '../read/text-file.ts';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');

export interface DemoConfig {
	seed: number;
	province: { code: string; name: string };
	eligibleShare: number;
	registrationStart: IsoDate;
	snapshots: IsoDate[];
	/** Month end → share of final registrations made by then. */
	registrationCurve: Record<IsoDate, number>;
	recognition: {
		recognisedShare: number;
		notRecognisedShare: number;
		delayDaysMin: number;
		delayDaysMax: number;
		digitalSkillsShare: number;
	};
	districts: Record<string, { registered: number; stopsAfter?: IsoDate }>;
	agencies: Record<string, { registered: number; early?: boolean }>;
	activity: { noBudget: string[]; noTraining: string[] };
	messiness: Record<MessKind, number>;
}

export type MessKind =
	| 'spellingVariant'
	| 'blankCommune'
	| 'missingId'
	| 'malformedId'
	| 'unknownDistrict'
	| 'ambiguousDistrict'
	| 'unknownStatus'
	| 'badDate'
	| 'duplicate';

export function loadDemoConfig(file = path.join(DATA_DIR, 'demo/demo.json')): DemoConfig {
	const raw = JSON.parse(readFileSync(file, 'utf8')) as DemoConfig & Record<string, unknown>;
	// "$comment" keys document the file; drop them from the maps the generator iterates.
	const { $comment: _c1, ...districts } = raw.districts as Record<string, unknown>;
	const { $comment: _c2, ...curve } = raw.registrationCurve as Record<string, unknown>;
	const { $comment: _c3, ...messiness } = raw.messiness as Record<string, unknown>;
	return {
		...raw,
		districts: districts as DemoConfig['districts'],
		registrationCurve: curve as DemoConfig['registrationCurve'],
		messiness: messiness as DemoConfig['messiness']
	};
}

export interface GsoCommune {
	districtCode: string;
	districtName: string;
	districtType: string;
	code: string;
	name: string;
	type: string;
}

/** Rows of the vendored GSO list (simple CSV: no quoted fields). */
export function readGsoUnits(
	file = path.join(DATA_DIR, 'reference/ha-tinh-units-2023-04-10.csv')
): GsoCommune[] {
	const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
	return lines.map((line) => {
		const f = line.split(',');
		return {
			districtCode: f[2]!,
			districtName: f[3]!,
			districtType: f[4]!,
			code: f[5]!,
			name: f[6]!,
			type: f[7]!
		};
	});
}

export function readPopulation(
	file = path.join(DATA_DIR, 'reference/ha-tinh-population-2019.csv')
): Map<string, number> {
	const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
	return new Map(
		lines.map((line) => {
			const f = line.split(',');
			return [f[0]!, Number(f[2])] as const;
		})
	);
}

export interface DemoAgency {
	code: string;
	name: string;
	kind: 'agency' | 'armed_force';
	parent: string;
	eligible: number;
	confidential: boolean;
	aliases: string[];
}

/** data/demo/agencies.csv (names with commas are quoted). */
export function readAgencies(file = path.join(DATA_DIR, 'demo/agencies.csv')): DemoAgency[] {
	const [, ...rows] = parseCsv(readFileSync(file, 'utf8').trim(), ',');
	return rows.map(({ cells: f }) => {
		return {
			code: f[0]!,
			name: f[1]!,
			kind: f[2] as DemoAgency['kind'],
			parent: f[3]!,
			eligible: Number(f[4]),
			confidential: f[5] === 'true',
			aliases: f[6] ? f[6].split('|') : []
		};
	});
}
