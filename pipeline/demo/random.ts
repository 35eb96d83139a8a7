/**
 * Deterministic randomness: every value the generator draws is a pure function of the seed and
 * the keys that name it (a person, a field), so each snapshot can regenerate the same people
 * without holding them in memory, and the same seed always writes the same files.
 */

/** 32-bit FNV-1a over the keys, mixed with the seed. */
function hashKeys(seed: number, keys: (string | number)[]): number {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (const key of keys) {
		const text = String(key);
		for (let i = 0; i < text.length; i++) {
			h ^= text.charCodeAt(i);
			h = Math.imul(h, 0x01000193) >>> 0;
		}
		h ^= 0x2f;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max]. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** Picks by weight; weights need not sum to 1. */
	weighted<T>(items: readonly (readonly [T, number])[]): T;
	chance(p: number): boolean;
}

/** A mulberry32 stream seeded by the seed and the keys. */
export function random(seed: number, ...keys: (string | number)[]): Random {
	let state = hashKeys(seed, keys);
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)]!,
		weighted(items) {
			const total = items.reduce((sum, [, w]) => sum + w, 0);
			let r = next() * total;
			for (const [item, w] of items) {
				r -= w;
				if (r < 0) return item;
			}
			return items[items.length - 1]![0];
		},
		chance: (p) => next() < p
	};
}

/**
 * A bijection of [0, 10^digits): unique ID numbers for up to 10^digits people without a set of
 * the numbers already used. The multiplier is coprime with 10, so the map is one-to-one.
 */
export function scramble(index: number, digits: number): string {
	const modulus = 10 ** digits;
	const multiplier = 7_654_321; // odd, not a multiple of 5
	const value = Number((BigInt(index) * BigInt(multiplier) + 1_234_567n) % BigInt(modulus));
	return String(value).padStart(digits, '0');
}
