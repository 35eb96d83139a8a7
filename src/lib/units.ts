/**
 * Units and their two hierarchies.
 *
 * Territory: province → district → commune, by where a person lives.
 * Organisation: province → agency / armed-force unit → optional sub-units, by where a person works.
 * One person counts for both their district and their agency; the province counts them once.
 */

export const UNIT_KINDS = ['province', 'district', 'commune', 'agency', 'armed_force'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export type Hierarchy = 'territory' | 'organisation';

export interface Unit {
	code: string;
	name: string;
	kind: UnitKind;
	/** Code of the parent unit; null for the province. */
	parent: string | null;
	/** The denominator: citizens of the target groups living there, or the unit's staff headcount. */
	eligible: number | null;
	/** Counts are sensitive (the armed forces): only percentages may leave the server. */
	confidential: boolean;
	/** Other spellings the exports use for this unit, matched like the name. */
	aliases: string[];
}

export function isUnitKind(value: string): value is UnitKind {
	return (UNIT_KINDS as readonly string[]).includes(value);
}

export function hierarchyOf(kind: UnitKind): Hierarchy | 'both' {
	switch (kind) {
		case 'province':
			return 'both';
		case 'district':
		case 'commune':
			return 'territory';
		case 'agency':
		case 'armed_force':
			return 'organisation';
	}
}

/** The kinds a unit of `kind` may have as parent. */
export function allowedParentKinds(kind: UnitKind): UnitKind[] {
	switch (kind) {
		case 'province':
			return [];
		case 'district':
			return ['province'];
		case 'commune':
			return ['district'];
		case 'agency':
			return ['province', 'agency'];
		case 'armed_force':
			return ['province', 'armed_force'];
	}
}

/** Ancestors of a unit from its parent up to the root, using a code → unit lookup. */
export function ancestors(code: string, byCode: ReadonlyMap<string, Unit>): Unit[] {
	const chain: Unit[] = [];
	const seen = new Set<string>([code]);
	let parent = byCode.get(code)?.parent ?? null;
	while (parent !== null) {
		if (seen.has(parent)) throw new Error(`unit ${code}: its parents form a cycle at ${parent}`);
		seen.add(parent);
		const unit = byCode.get(parent);
		if (!unit) break;
		chain.push(unit);
		parent = unit.parent;
	}
	return chain;
}
