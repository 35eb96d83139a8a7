/**
 * Group labels (đối tượng) as exports write them: "CBCCVC", "Cán bộ, công chức", "Học sinh"…
 * matched against the groups' names, codes and synonyms (vocabulary.ts) after folding.
 */
import { fold } from '../text.ts';
import type { Candidate, Match } from './match-result.ts';
import { rarityWeights, wordSimilarity, type Weight } from './similarity.ts';
import type { GroupDefinition } from './vocabulary.ts';

const SUGGEST_FROM = 0.5;

export class GroupIndex {
	readonly #byKey = new Map<string, string>();
	readonly #groups: { group: GroupDefinition; words: string[][] }[];
	readonly #weight: Weight;

	constructor(groups: GroupDefinition[]) {
		for (const g of groups) {
			for (const label of [g.code, g.name.vi, g.name.en, ...g.synonyms]) {
				const key = fold(label);
				// The first group to claim a label keeps it: the shipped table comes first.
				if (key && !this.#byKey.has(key)) this.#byKey.set(key, g.code);
			}
		}
		this.#groups = groups.map((group) => ({
			group,
			words: [group.name.vi, ...group.synonyms].map((l) => fold(l).split(' '))
		}));
		this.#weight = rarityWeights(this.#groups.flatMap((g) => g.words));
	}

	match(raw: string): Match {
		const code = this.#byKey.get(fold(raw));
		return code ? { code } : { problem: 'unknown', candidates: [] };
	}

	suggest(raw: string): Candidate[] {
		const mine = fold(raw).split(' ');
		return this.#groups
			.map(({ group, words }) => ({
				group,
				score: Math.max(...words.map((w) => wordSimilarity(mine, w, this.#weight)))
			}))
			.filter((x) => x.score >= SUGGEST_FROM)
			.sort((a, b) => b.score - a.score)
			.slice(0, 3)
			.map((x) => ({ code: x.group.code, name: x.group.name.vi }));
	}
}
