/**
 * How close two names are as words, for suggestions only (never to accept a match): a missing
 * word or an abbreviation written out is close, where a character edit distance would put it
 * fifteen edits away. Words that many units share ("sở", "ủy ban") weigh less than rare ones.
 */
export type Weight = (token: string) => number;

/** Inverse document frequency over the known names' words: rare words weigh more. */
export function rarityWeights(documents: string[][]): Weight {
	const frequency = new Map<string, number>();
	for (const tokens of documents)
		for (const t of new Set(tokens)) frequency.set(t, (frequency.get(t) ?? 0) + 1);
	const n = Math.max(1, documents.length);
	const unseen = 1 + Math.log(n);
	const weights = new Map<string, number>();
	for (const [token, f] of frequency) weights.set(token, 1 + Math.log(n / f));
	return (token) => weights.get(token) ?? unseen;
}

/** Words that are the same, or one typed letter apart when long enough to tell. */
export function sameWord(a: string, b: string): boolean {
	if (a === b) return true;
	return a.length >= 4 && b.length >= 4 && oneEditApart(a, b);
}

/** One letter changed, added or dropped: a linear check, where a full edit distance is quadratic. */
function oneEditApart(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	let i = 0;
	while (i < short.length && short[i] === long[i]) i++;
	// Past the first difference the rest must agree: after a change, or after the extra letter.
	const rest = short.length === long.length ? i + 1 : i;
	return short.slice(rest) === long.slice(i + 1);
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
