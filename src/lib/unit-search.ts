/**
 * The searchable list of units a reviewer picks from: typed without diacritics ("can loc"), in
 * any case, by name or code, it finds "Can Lộc". Runs in the browser as the reviewer types.
 */

export interface Choice {
	code: string;
	name: string;
	/** What tells two same-named units apart: the district of a commune, a kind. */
	hint: string;
}

/** Lower case, without tone and vowel marks, đ as d, spaces collapsed: how people type quickly. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/gi, 'd')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

interface Indexed {
	choice: Choice;
	name: string;
	words: string[];
	code: string;
}

/** Folds every choice once, so each keystroke only compares. */
export function indexChoices(choices: Choice[]): Indexed[] {
	return choices.map((choice) => {
		const name = fold(choice.name);
		return { choice, name, words: name.split(' '), code: choice.code.toLowerCase() };
	});
}

/**
 * The choices every word of the query is found in (in the name, the hint or the code), best
 * first: the code itself, then names starting with the query, then names with a word starting
 * with it, then the rest; ties in name order. At most `limit`.
 */
export function filterChoices(index: Indexed[], query: string, limit = 30): Choice[] {
	const q = fold(query);
	if (q === '') return index.slice(0, limit).map((i) => i.choice);
	const terms = q.split(' ');
	const ranked: { rank: number; item: Indexed }[] = [];
	for (const item of index) {
		const haystack = `${item.name} ${fold(item.choice.hint)} ${item.code}`;
		if (!terms.every((t) => haystack.includes(t))) continue;
		const rank =
			item.code === q
				? 0
				: item.name.startsWith(q)
					? 1
					: item.words.some((w) => w.startsWith(terms[0]!))
						? 2
						: 3;
		ranked.push({ rank, item });
	}
	ranked.sort((a, b) => a.rank - b.rank || a.item.name.localeCompare(b.item.name));
	return ranked.slice(0, limit).map((r) => r.item.choice);
}
