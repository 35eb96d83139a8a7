/**
 * Names as exports write them (of districts, communes, workplaces and groups), kept with every
 * import so that a fix — an alias, a reviewer's decision — re-matches everything loaded.
 */

export const NAME_FIELDS = ['district', 'commune', 'workplace', 'group'] as const;
export type NameField = (typeof NAME_FIELDS)[number];

export function isNameField(value: string): value is NameField {
	return (NAME_FIELDS as readonly string[]).includes(value);
}

/** A unit (or group) a name could mean, as a reviewer sees it. */
export interface Candidate {
	code: string;
	name: string;
}

/** A name no unit (or group) answers to, across every import, with the rows that carry it. */
export interface OpenName {
	field: NameField;
	/** For a commune, the district it was written under (its code and name); else ''. */
	scope: string;
	scopeName: string;
	raw: string;
	rows: number;
	imports: number;
	problem: 'unknown' | 'ambiguous';
	/** The units an ambiguous name could mean. */
	candidates: Candidate[];
	/** The closest names, for an unknown one. */
	suggestions: Candidate[];
}
