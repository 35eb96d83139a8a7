/**
 * Match: find the unit a typed name means. Prefixes ("Huyện", "H.", "TX.", "TP.", "Xã", "P.",
 * "TT.") are optional but decide between units that share a bare name ("Kỳ Anh" is a district
 * and a town); without a deciding prefix the name is ambiguous and never guessed.
 */
import type { Unit } from '../src/lib/units.ts';
import { editDistance, fold } from './text.ts';

type Level = 'district' | 'commune';

/** Folded prefix → the type it names. */
const PREFIXES: Record<Level, [string, string][]> = {
	district: [
		['thanh pho', 'thanh pho'],
		['tp', 'thanh pho'],
		['thi xa', 'thi xa'],
		['tx', 'thi xa'],
		['huyen', 'huyen'],
		['h', 'huyen'],
		['quan', 'quan'],
		['q', 'quan']
	],
	commune: [
		['thi tran', 'thi tran'],
		['tt', 'thi tran'],
		['phuong', 'phuong'],
		['p', 'phuong'],
		['xa', 'xa'],
		['x', 'xa']
	]
};

/** "huyen can loc" → { type: 'huyen', bare: 'can loc' }. */
function splitFolded(folded: string, level: Level): { type: string | null; bare: string } {
	for (const [prefix, type] of PREFIXES[level]) {
		if (folded.startsWith(prefix + ' ')) return { type, bare: folded.slice(prefix.length + 1) };
	}
	return { type: null, bare: folded };
}

export type Match = { code: string } | { problem: 'unknown' | 'ambiguous'; candidates: string[] };

interface Entry {
	unit: Unit;
	type: string | null;
}

class NameIndex {
	readonly #byBare = new Map<string, Entry[]>();
	readonly #byFull = new Map<string, Unit[]>();
	readonly #entries: Entry[] = [];
	readonly #level: Level;

	constructor(units: Unit[], level: Level) {
		this.#level = level;
		for (const unit of units) {
			for (const name of [unit.name, ...unit.aliases]) {
				const folded = fold(name);
				const { type, bare } = splitFolded(folded, level);
				const entry = { unit, type };
				push(this.#byBare, bare, entry);
				push(this.#byFull, folded, unit);
				this.#entries.push(entry);
			}
		}
	}

	match(raw: string): Match {
		const folded = fold(raw);
		const full = distinct(this.#byFull.get(folded) ?? []);
		if (full.length === 1) return { code: full[0]!.code };
		const { type, bare } = splitFolded(folded, this.#level);
		const named = distinctEntries(this.#byBare.get(bare) ?? []);
		if (named.length === 0) return { problem: 'unknown', candidates: [] };
		const typed = type ? named.filter((e) => e.type === type) : named;
		// A wrong prefix on a unique name is a slip ("Huyện Hồng Lĩnh"); on a shared name it decides nothing.
		const chosen = typed.length === 1 ? typed : named.length === 1 ? named : [];
		if (chosen.length === 1) return { code: chosen[0]!.unit.code };
		return { problem: 'ambiguous', candidates: named.map((e) => e.unit.name) };
	}

	/** Up to three unit names close to a name as typed. */
	suggest(raw: string): string[] {
		const bare = splitFolded(fold(raw), this.#level).bare;
		const limit = Math.max(2, Math.floor(bare.length / 3));
		return distinct(
			this.#entries
				.map((e) => ({
					unit: e.unit,
					d: editDistance(bare, splitFolded(fold(e.unit.name), this.#level).bare)
				}))
				.filter((x) => x.d <= limit)
				.sort((a, b) => a.d - b.d)
				.map((x) => x.unit)
		)
			.slice(0, 3)
			.map((u) => u.name);
	}
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function distinct(units: Unit[]): Unit[] {
	return [...new Map(units.map((u) => [u.code, u])).values()];
}

function distinctEntries(entries: Entry[]): Entry[] {
	return [...new Map(entries.map((e) => [e.unit.code, e])).values()];
}

/** What people write when they work for no organisation: counted where they live, not listed as unknown. */
const NO_WORKPLACE = new Set([
	'tu do',
	'kinh doanh tu do',
	'lao dong tu do',
	'lam ruong',
	'nong dan',
	'noi tro',
	'huu tri',
	'khong',
	'khong co',
	'chua co',
	'x'
]);

/**
 * Matches organisation names: full names and aliases, compared with and without spaces. A name
 * meaning "no workplace" matches with an empty code.
 */
class OrganisationIndex {
	readonly #byKey = new Map<string, Unit[]>();
	readonly #units: Unit[];

	constructor(units: Unit[]) {
		this.#units = units;
		for (const unit of units) {
			for (const name of [unit.name, ...unit.aliases]) {
				const folded = fold(name);
				push(this.#byKey, folded, unit);
				push(this.#byKey, folded.replace(/ /g, ''), unit);
			}
		}
	}

	match(raw: string): Match {
		const folded = fold(raw);
		if (NO_WORKPLACE.has(folded)) return { code: '' };
		const found = distinct([
			...(this.#byKey.get(folded) ?? []),
			...(this.#byKey.get(folded.replace(/ /g, '')) ?? [])
		]);
		if (found.length === 1) return { code: found[0]!.code };
		if (found.length > 1) return { problem: 'ambiguous', candidates: found.map((u) => u.name) };
		return { problem: 'unknown', candidates: [] };
	}

	suggest(raw: string): string[] {
		const folded = fold(raw);
		// A few typed letters off, not a different organisation with a similar name.
		const limit = Math.max(2, Math.floor(folded.length / 8));
		return this.#units
			.map((u) => ({
				u,
				d: Math.min(...[u.name, ...u.aliases].map((n) => editDistance(folded, fold(n))))
			}))
			.filter((x) => x.d <= limit)
			.sort((a, b) => a.d - b.d)
			.slice(0, 3)
			.map((x) => x.u.name);
	}
}

/** Finds units by the names exports give them. */
export class UnitMatcher {
	readonly #districts: NameIndex;
	readonly #communes = new Map<string, NameIndex>();
	readonly #organisations: OrganisationIndex;

	constructor(units: Unit[]) {
		this.#districts = new NameIndex(
			units.filter((u) => u.kind === 'district'),
			'district'
		);
		for (const district of units.filter((u) => u.kind === 'district')) {
			const communes = units.filter((u) => u.kind === 'commune' && u.parent === district.code);
			this.#communes.set(district.code, new NameIndex(communes, 'commune'));
		}
		this.#organisations = new OrganisationIndex(
			units.filter((u) => u.kind === 'agency' || u.kind === 'armed_force')
		);
	}

	district(raw: string): Match {
		return this.#districts.match(raw);
	}

	commune(districtCode: string, raw: string): Match {
		const index = this.#communes.get(districtCode);
		if (!index) return { problem: 'unknown', candidates: [] };
		return index.match(raw);
	}

	organisation(raw: string): Match {
		return this.#organisations.match(raw);
	}

	suggestDistrict(raw: string): string[] {
		return this.#districts.suggest(raw);
	}

	suggestCommune(districtCode: string, raw: string): string[] {
		return this.#communes.get(districtCode)?.suggest(raw) ?? [];
	}

	suggestOrganisation(raw: string): string[] {
		return this.#organisations.suggest(raw);
	}
}
