/**
 * Workplace names as offices write them. Before comparing, a name is reduced to its words:
 * - case, diacritics and punctuation folded, "và" dropped: "&", "và", ",", "-" are all one;
 * - abbreviations written out from a table (data, extendable per province): "Sở GD&ĐT" is
 *   "Sở Giáo dục và Đào tạo", "Bộ CHQS" is "Bộ Chỉ huy Quân sự"; one with several meanings
 *   ("BCH": Bộ / Ban Chỉ huy, Ban Chấp hành) gives one reading per meaning;
 * - the province's own name dropped at either end: "Cục Thuế tỉnh Quảng Ngãi", "Cục Thuế
 *   Quảng Ngãi" and "Cục Thuế tỉnh" are one name in Quảng Ngãi.
 * A name is accepted when it is the unit's name as written, or when its words are exactly those of
 * one unit's name or alias; anything else goes to review with the closest names as suggestions.
 */
import type { Unit } from '../../src/lib/units.ts';
import { exactKey, fold } from '../text.ts';
import { distinctByCode, push } from './collections.ts';
import type { Candidate, Match } from './match-result.ts';
import { rarityWeights, sameWord, wordSimilarity, type Weight } from './similarity.ts';
import type { Abbreviation } from './vocabulary.ts';

/** Readings of one name, each a list of words; capped so a name of many "BCH"s stays cheap. */
const MAX_READINGS = 16;
/** Suggestions need at least this word similarity (0–1). */
const SUGGEST_FROM = 0.55;

const words = (text: string) => fold(text).split(' ').filter(Boolean);
const CONNECTORS = new Set(['va']);
const withoutConnectors = (tokens: string[]) => tokens.filter((t) => !CONNECTORS.has(t));

/** Abbreviations by their first word; each also by its letters run together ("GDĐT"). */
class Abbreviations {
	readonly #byFirst = new Map<string, { tokens: string[]; meanings: string[][] }[]>();

	constructor(table: Abbreviation[]) {
		const add = (tokens: string[], meaning: string[]) => {
			const list = this.#byFirst.get(tokens[0]!) ?? [];
			const same = list.find((e) => e.tokens.join(' ') === tokens.join(' '));
			if (same) same.meanings.push(meaning);
			else list.push({ tokens, meanings: [meaning] });
			this.#byFirst.set(tokens[0]!, list);
		};
		for (const { abbreviation, meaning } of table) {
			const tokens = words(abbreviation);
			const expanded = withoutConnectors(words(meaning));
			if (tokens.length === 0 || expanded.length === 0) continue;
			add(tokens, expanded);
			if (tokens.length > 1) add([tokens.join('')], expanded);
		}
		for (const list of this.#byFirst.values())
			list.sort((a, b) => b.tokens.length - a.tokens.length);
	}

	/** Every reading of the words, the longest abbreviation first at each position. */
	expand(tokens: string[]): string[][] {
		let readings: string[][] = [[]];
		let i = 0;
		while (i < tokens.length) {
			const hit = this.#byFirst
				.get(tokens[i]!)
				?.find((e) => e.tokens.every((t, k) => tokens[i + k] === t));
			const options = hit ? hit.meanings : [[tokens[i]!]];
			readings = readings.flatMap((r) => options.map((o) => [...r, ...o])).slice(0, MAX_READINGS);
			i += hit ? hit.tokens.length : 1;
		}
		return readings;
	}
}

/** The province's name as words that may open or close a workplace name. */
export function provinceAffixes(province: string): { ends: string[][]; starts: string[][] } {
	const all = words(province);
	const kind =
		all[0] === 'tinh' ? ['tinh'] : all[0] === 'thanh' && all[1] === 'pho' ? ['thanh', 'pho'] : [];
	const bare = all.slice(kind.length);
	const whole = [...kind, ...bare];
	const city = kind.length === 2 ? [['tp', ...bare]] : [];
	// "… tỉnh Quảng Ngãi", "… Quảng Ngãi", "… tỉnh"; at the start only the name itself, since
	// "Tỉnh ủy" and "Tỉnh đoàn" begin with the word "tỉnh".
	const ends = [whole, ...city, bare, ...(kind.length > 0 ? [kind] : [])].filter(
		(e) => e.length > 0
	);
	const starts = [whole, ...city, bare].filter((e) => e.length > 0);
	return { ends, starts };
}

function strip(tokens: string[], affixes: { ends: string[][]; starts: string[][] }): string[] {
	let out = tokens;
	const end = affixes.ends.find(
		(a) => a.length < out.length && a.every((t, k) => out[out.length - a.length + k] === t)
	);
	if (end) out = out.slice(0, out.length - end.length);
	const start = affixes.starts.find(
		(a) => a.length < out.length && a.every((t, k) => out[k] === t)
	);
	if (start) out = out.slice(start.length);
	return out;
}

export class OrganisationIndex {
	readonly #exact = new Map<string, Unit[]>();
	readonly #byWords = new Map<string, Unit[]>();
	/** Each unit's readings (and its initials), for suggestions. */
	readonly #readings: { unit: Unit; words: string[][] }[] = [];
	readonly #none: Set<string>;
	readonly #abbreviations: Abbreviations;
	readonly #affixes: { ends: string[][]; starts: string[][] };
	readonly #weight: Weight;

	constructor(
		units: Unit[],
		options: { abbreviations: Abbreviation[]; noWorkplace: string[]; province: string }
	) {
		this.#abbreviations = new Abbreviations(options.abbreviations);
		this.#affixes = provinceAffixes(options.province);
		this.#none = new Set(options.noWorkplace.map(fold));
		for (const unit of units) {
			const all: string[][] = [];
			for (const name of [unit.name, ...unit.aliases]) {
				push(this.#exact, exactKey(name), unit);
				for (const reading of this.readings(name)) {
					for (const key of keysOf(reading)) push(this.#byWords, key, unit);
					all.push(reading);
				}
				const initials = withoutConnectors(words(name))
					.map((t) => t[0])
					.join('');
				if (initials.length >= 3) all.push([initials]);
			}
			this.#readings.push({ unit, words: all });
		}
		this.#weight = rarityWeights(this.#readings.flatMap((r) => r.words));
	}

	/** The name's words after abbreviations and the province's name, one list per reading. */
	readings(name: string): string[][] {
		return this.#abbreviations
			.expand(withoutConnectors(words(name)))
			.map((r) => strip(withoutConnectors(r), this.#affixes))
			.filter((r) => r.length > 0);
	}

	match(raw: string): Match {
		if (this.#none.has(fold(raw))) return { code: '' };
		const exact = distinctByCode(this.#exact.get(exactKey(raw)) ?? []);
		if (exact.length === 1) return { code: exact[0]!.code };
		const found =
			exact.length > 1
				? exact
				: distinctByCode(
						this.readings(raw).flatMap((r) => keysOf(r).flatMap((k) => this.#byWords.get(k) ?? []))
					);
		if (found.length === 1) return { code: found[0]!.code };
		if (found.length > 1) return { problem: 'ambiguous', candidates: found.map(candidate) };
		return { problem: 'unknown', candidates: [] };
	}

	/**
	 * The units sharing a word (or a word a letter apart) with one of the readings: the only ones
	 * a word similarity can find close, so the rest are not scored.
	 */
	#sharingAWord(readings: string[][]): { unit: Unit; words: string[][] }[] {
		const found = new Set<number>();
		for (const word of new Set(readings.flat())) for (const o of this.#owners(word)) found.add(o);
		return [...found].sort((a, b) => a - b).map((i) => this.#readings[i]!);
	}

	#byWord: Map<string, number[]> | null = null;
	/** Owners per word typed, remembered: exports repeat their words ("trường", "công ty"). */
	readonly #ownersOf = new Map<string, number[]>();

	#owners(word: string): number[] {
		let owners = this.#ownersOf.get(word);
		if (owners) return owners;
		this.#byWord ??= this.#indexWords();
		owners = [];
		for (const [known, of] of this.#byWord) if (sameWord(word, known)) owners.push(...of);
		this.#ownersOf.set(word, owners);
		return owners;
	}

	#indexWords(): Map<string, number[]> {
		const index = new Map<string, number[]>();
		this.#readings.forEach(({ words: readings }, i) => {
			for (const word of new Set(readings.flat())) push(index, word, i);
		});
		return index;
	}

	/** Up to three units whose words are closest, best first. */
	suggest(raw: string): Candidate[] {
		const mine = this.readings(raw);
		if (mine.length === 0) return [];
		return this.#sharingAWord(mine)
			.map(({ unit, words: theirs }) => ({
				unit,
				score: Math.max(
					...mine.flatMap((a) => theirs.map((b) => wordSimilarity(a, b, this.#weight)))
				)
			}))
			.filter((x) => x.score >= SUGGEST_FROM)
			.sort((a, b) => b.score - a.score)
			.slice(0, 3)
			.map((x) => candidate(x.unit));
	}
}

/** A reading's keys: its words, and its words run together ("Hà Tĩnh" / "HàTĩnh"). */
function keysOf(reading: string[]): string[] {
	return [reading.join(' '), reading.join('')];
}

function candidate(unit: Unit): Candidate {
	return { code: unit.code, name: unit.name };
}
