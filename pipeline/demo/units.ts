/**
 * The demo province's unit list: the GSO districts and communes of Hà Tĩnh (facts), eligible
 * counts from the 2019 census × the assumed share in demo.json, and the synthetic agencies.
 */
import { csvLines } from '../../src/lib/csv.ts';
import type { Unit } from '../../src/lib/units.ts';
import { readAgencies, readGsoUnits, readPopulation, type DemoConfig } from './config.ts';
import { random } from './random.ts';

/** Communes get a share of their district's eligible count: towns and wards are denser. */
const COMMUNE_WEIGHT: Record<string, number> = { Phường: 1.3, 'Thị trấn': 1.4, Xã: 1 };

/**
 * `scale` multiplies every eligible count, so a smaller or larger generated data set keeps the
 * demo's shares (benchmarks with 10M rows scale the province up rather than exceed 100%).
 */
export function buildDemoUnits(config: DemoConfig, scale = 1): Unit[] {
	const gso = readGsoUnits();
	const population = readPopulation();
	const units: Unit[] = [
		{
			code: config.province.code,
			name: config.province.name,
			kind: 'province',
			parent: null,
			eligible: null,
			confidential: false,
			aliases: []
		}
	];
	const districtCodes = [...new Set(gso.map((c) => c.districtCode))];
	let provinceEligible = 0;
	for (const code of districtCodes) {
		const communes = gso.filter((c) => c.districtCode === code);
		const people = population.get(code);
		if (people === undefined) throw new Error(`no census population for district ${code}`);
		const eligible = Math.round(people * config.eligibleShare * scale);
		provinceEligible += eligible;
		units.push({
			code,
			name: communes[0]!.districtName,
			kind: 'district',
			parent: config.province.code,
			eligible,
			confidential: false,
			aliases: []
		});
		const shares = splitByWeight(
			eligible,
			communes.map(
				(c) =>
					(COMMUNE_WEIGHT[c.type] ?? 1) *
					(0.6 + 0.8 * random(config.seed, 'commune', c.code).next())
			)
		);
		communes.forEach((c, i) => {
			units.push({
				code: c.code,
				name: c.name,
				kind: 'commune',
				parent: code,
				eligible: shares[i]!,
				confidential: false,
				aliases: []
			});
		});
	}
	units[0]!.eligible = provinceEligible;
	for (const a of readAgencies()) {
		units.push({
			code: a.code,
			name: a.name,
			kind: a.kind,
			parent: a.parent,
			eligible: Math.max(1, Math.round(a.eligible * scale)),
			confidential: a.confidential,
			aliases: a.aliases
		});
	}
	return units;
}

/** Splits `total` in proportion to `weights`, whole numbers summing exactly to `total`. */
export function splitByWeight(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map(Math.floor);
	let rest = total - parts.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
	for (const [, i] of order) {
		if (rest-- <= 0) break;
		parts[i]!++;
	}
	return parts;
}

/** The unit list as the `units` command reads it. */
export function unitsCsv(units: Unit[]): string {
	return csvLines([
		['code', 'name', 'kind', 'parent', 'eligible', 'confidential', 'aliases'],
		...units.map((u) => [
			u.code,
			u.name,
			u.kind,
			u.parent,
			u.eligible,
			String(u.confidential),
			u.aliases.join('|')
		])
	]);
}
