/**
 * Match: find the unit (or group) a name as typed means. Territory names are matched exactly first,
 * then without diacritics (names/territory.ts); workplaces as offices write them, with
 * abbreviations and the province's name (names/organisation.ts); groups by their synonyms
 * (names/groups.ts). A reviewer's decision on a name (`names accept` / `names ignore`) comes before
 * all of these.
 */
import type { NameField } from '../src/lib/names.ts';
import type { Unit } from '../src/lib/units.ts';
import { GroupIndex } from './names/groups.ts';
import type { Candidate, Match } from './names/match-result.ts';
import { OrganisationIndex } from './names/organisation.ts';
import { TerritoryIndex } from './names/territory.ts';
import type { Vocabulary } from './names/vocabulary.ts';
import { exactKey } from './text.ts';

export type { Match } from './names/match-result.ts';

/** A reviewer's answer for one name: a unit or group code, or null for "not ours, stop asking". */
export interface NameDecision {
	field: NameField;
	/** A commune's district code; '' for the other fields. */
	scope: string;
	raw: string;
	code: string | null;
}

const decisionKey = (field: NameField, scope: string, raw: string) =>
	`${field}|${scope}|${exactKey(raw)}`;

export class UnitMatcher {
	readonly #districts: TerritoryIndex;
	readonly #communes = new Map<string, TerritoryIndex>();
	readonly #organisations: OrganisationIndex;
	readonly #groups: GroupIndex;
	readonly #decisions = new Map<string, string | null>();

	constructor(units: Unit[], vocabulary: Vocabulary, decisions: NameDecision[] = []) {
		const districts = units.filter((u) => u.kind === 'district');
		this.#districts = new TerritoryIndex(districts, 'district');
		for (const district of districts) {
			const communes = units.filter((u) => u.kind === 'commune' && u.parent === district.code);
			this.#communes.set(district.code, new TerritoryIndex(communes, 'commune'));
		}
		this.#organisations = new OrganisationIndex(
			units.filter((u) => u.kind === 'agency' || u.kind === 'armed_force'),
			{
				abbreviations: vocabulary.abbreviations,
				noWorkplace: vocabulary.noWorkplace,
				province: units.find((u) => u.kind === 'province')?.name ?? ''
			}
		);
		this.#groups = new GroupIndex(vocabulary.groups);
		for (const d of decisions) this.#decisions.set(decisionKey(d.field, d.scope, d.raw), d.code);
	}

	/** The reviewer's answer, if any: a match, or "ignored" (for a workplace: no organisation). */
	#decided(field: NameField, scope: string, raw: string): Match | null {
		const key = decisionKey(field, scope, raw);
		if (!this.#decisions.has(key)) return null;
		const code = this.#decisions.get(key)!;
		if (code !== null) return { code };
		return field === 'workplace' ? { code: '' } : { problem: 'ignored', candidates: [] };
	}

	district(raw: string): Match {
		return this.#decided('district', '', raw) ?? this.#districts.match(raw);
	}

	commune(districtCode: string, raw: string): Match {
		const decided = this.#decided('commune', districtCode, raw);
		if (decided) return decided;
		return this.#communes.get(districtCode)?.match(raw) ?? { problem: 'unknown', candidates: [] };
	}

	organisation(raw: string): Match {
		return this.#decided('workplace', '', raw) ?? this.#organisations.match(raw);
	}

	group(raw: string): Match {
		return this.#decided('group', '', raw) ?? this.#groups.match(raw);
	}

	/** The closest known names to an unmatched one (a commune's among its district's communes). */
	suggest(field: NameField, scope: string, raw: string): Candidate[] {
		switch (field) {
			case 'district':
				return this.#districts.suggest(raw);
			case 'commune':
				return this.#communes.get(scope)?.suggest(raw) ?? [];
			case 'workplace':
				return this.#organisations.suggest(raw);
			case 'group':
				return this.#groups.suggest(raw);
		}
	}
}
