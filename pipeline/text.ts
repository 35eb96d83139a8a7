/**
 * Text folding for matching names typed by hand: "HUYỆN CAN LỘC", "huyen  can loc" and an NFD
 * "Huyện Can Lộc" from a Mac all fold to "huyen can loc".
 */

/** Unicode NFC with whitespace (including non-breaking spaces) collapsed and trimmed. */
export function clean(value: string): string {
	return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Removes Vietnamese diacritics, including the letter đ, which Unicode does not decompose. */
export function stripDiacritics(value: string): string {
	return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower case, no diacritics, punctuation as spaces, single spaces: the key names match on. */
export function fold(value: string): string {
	return stripDiacritics(value.normalize('NFC'))
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Case, spacing and punctuation folded, diacritics kept: "XÃ  Bình Thạnh" and "xã bình thạnh" are
 * one name, "Xã Bình Thanh" another (Vietnam has many such pairs). Words line up with fold()'s.
 */
export function exactKey(value: string): string {
	return value
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
		.trim();
}

/** Levenshtein distance, for "did you mean" suggestions (short strings only). */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}
