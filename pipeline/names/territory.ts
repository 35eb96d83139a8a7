/**
 * District and commune names. A name is looked up twice: first as written (case, spacing and
 * punctuation folded, diacritics kept), then without diacritics. The first look-up that finds
 * anything decides, so "Xã Bình Thạnh" is Bình Thạnh even though "Xã Bình Thanh" exists, while
 * "Xa Binh Thanh" could be either and is ambiguous, never unknown and never guessed.
 *
 * Prefixes ("Huyện", "H.", "TX.", "TP.", "Xã", "P.", "TT.") are optional but decide between units
 * that share a bare name ("Kỳ Anh" is a district and a town).
 */
import type { Unit } from '../../src/lib/units.ts';
import { editDistance, exactKey, fold } from '../text.ts';
import { distinctByCode, push } from './collections.ts';
import type { Candidate, Match } from './match-result.ts';

export type TerritoryLevel = 'district' | 'commune';

/** Folded prefix → the type it names. */
const PREFIXES: Record<TerritoryLevel, [string, string][]> = {
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

interface Keys {
	/** The prefix's type, if the name starts with one. */
	type: string | null;
	/** Whole name and name without its prefix, with diacritics and without. */
	exact: string;
	exactBare: string;
	folded: string;
	foldedBare: string;
}

/** "Huyện Can Lộc" → type huyen, bare "can lộc" / "can loc". The two keys have the same words. */
function keysOf(name: string, level: TerritoryLevel): Keys {
	const exact = exactKey(name);
	const folded = fold(name);
	for (const [prefix, type] of PREFIXES[level]) {
		if (!folded.startsWith(prefix + ' ')) continue;
		const words = prefix.split(' ').length;
		return {
			type,
			exact,
			exactBare: exact.split(' ').slice(words).join(' '),
			folded,
			foldedBare: folded.slice(prefix.length + 1)
		};
	}
	return { type: null, exact, exactBare: exact, folded, foldedBare: folded };
}

interface Entry {
	unit: Unit;
	type: string | null;
}

/** One look-up level: whole names and bare names to the units that carry them. */
class Level {
	readonly #full = new Map<string, Unit[]>();
	readonly #bare = new Map<string, Entry[]>();

	add(full: string, bare: string, entry: Entry): void {
		push(this.#full, full, entry.unit);
		push(this.#bare, bare, entry);
	}

	/** A unique unit, the units the name could mean, or nothing. */
	find(full: string, bare: string, type: string | null): Unit | Unit[] {
		const whole = distinctByCode(this.#full.get(full) ?? []);
		if (whole.length === 1) return whole[0]!;
		const named = [...new Map((this.#bare.get(bare) ?? []).map((e) => [e.unit.code, e])).values()];
		const typed = type ? named.filter((e) => e.type === type) : named;
		// A wrong prefix on a unique name is a slip ("Huyện Hồng Lĩnh"); on a shared name it decides nothing.
		if (typed.length === 1) return typed[0]!.unit;
		if (named.length === 1) return named[0]!.unit;
		return named.map((e) => e.unit);
	}
}

export class TerritoryIndex {
	readonly #exact = new Level();
	readonly #folded = new Level();
	readonly #units: Unit[];
	readonly #level: TerritoryLevel;

	constructor(units: Unit[], level: TerritoryLevel) {
		this.#units = units;
		this.#level = level;
		for (const unit of units) {
			for (const name of [unit.name, ...unit.aliases]) {
				const k = keysOf(name, level);
				const entry = { unit, type: k.type };
				this.#exact.add(k.exact, k.exactBare, entry);
				this.#folded.add(k.folded, k.foldedBare, entry);
			}
		}
	}

	match(raw: string): Match {
		const k = keysOf(raw, this.#level);
		const exact = this.#exact.find(k.exact, k.exactBare, k.type);
		if (!Array.isArray(exact)) return { code: exact.code };
		if (exact.length > 0) return { problem: 'ambiguous', candidates: exact.map(candidate) };
		const folded = this.#folded.find(k.folded, k.foldedBare, k.type);
		if (!Array.isArray(folded)) return { code: folded.code };
		if (folded.length > 0) return { problem: 'ambiguous', candidates: folded.map(candidate) };
		return { problem: 'unknown', candidates: [] };
	}

	/** Up to three units whose bare name is a few typed letters off. */
	suggest(raw: string): Candidate[] {
		const bare = keysOf(raw, this.#level).foldedBare;
		const limit = Math.max(2, Math.floor(bare.length / 3));
		return this.#units
			.map((unit) => ({
				unit,
				d: Math.min(
					...[unit.name, ...unit.aliases].map((n) =>
						editDistance(bare, keysOf(n, this.#level).foldedBare)
					)
				)
			}))
			.filter((x) => x.d <= limit)
			.sort((a, b) => a.d - b.d)
			.slice(0, 3)
			.map((x) => candidate(x.unit));
	}
}

function candidate(unit: Unit): Candidate {
	return { code: unit.code, name: unit.name };
}
