/**
 * How close two names are as words, for suggestions only (never to accept a match): a missing
 * word or an abbreviation written out is close, where a character edit distance would put it
 * fifteen edits away. Words that many units share ("sở", "ủy ban") weigh less than rare ones.
 */
import { editDistance } from '../text.ts';

export type Weight = (token: string) => number;

/** Inverse document frequency over the known names' words: rare words weigh more. */
export function rarityWeights(documents: string[][]): Weight {
	const frequency = new Map<string, number>();
	for (const tokens of documents)
		for (const t of new Set(tokens)) frequency.set(t, (frequency.get(t) ?? 0) + 1);
	const n = Math.max(1, documents.length);
	const unseen = 1 + Math.log(n);
	return (token) => {
		const f = frequency.get(token);
		return f === undefined ? unseen : 1 + Math.log(n / f);
	};
}

/** Words that are the same, or one typed letter apart when long enough to tell. */
function sameWord(a: string, b: string): boolean {
	if (a === b) return true;
	return a.length >= 4 && b.length >= 4 && editDistance(a, b) <= 1;
}

/**
 * Weighted Dice coefficient over words, 0–1: twice the weight of the words the two names share
 * over the weight of all their words. Each word of `b` pairs with at most one word of `a`.
 */
export function wordSimilarity(a: string[], b: string[], weight: Weight): number {
	const total = [...a, ...b].reduce((s, t) => s + weight(t), 0);
	if (total === 0) return 0;
	const used = new Array<boolean>(b.length).fill(false);
	let shared = 0;
	for (const word of [...a].sort((x, y) => weight(y) - weight(x))) {
		let found = b.findIndex((other, i) => !used[i] && other === word);
		if (found < 0) found = b.findIndex((other, i) => !used[i] && sameWord(word, other));
		if (found < 0) continue;
		used[found] = true;
		shared += (weight(word) + weight(b[found]!)) / 2;
	}
	return (2 * shared) / total;
}
