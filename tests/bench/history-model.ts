/**
 * The change model of `npm run bench:history`: which month each person first appears in, and in
 * which later months their state changes. A pure function of the seed and the person's index (no
 * names, no units), so the unit test can check the fractions and every run rebuilds the same
 * history. Bump HISTORY_GENERATOR_VERSION when it or the rows written from it change: the cached
 * history databases are keyed by it.
 */
import { random } from '../../pipeline/demo/random.ts';

export const HISTORY_GENERATOR_VERSION = 1;

export interface HistoryShares {
	/** Share of the people listed in the first month; the rest join evenly over the later months. */
	initial: number;
	/** Chance that a person already listed changes state in a given month. */
	change: number;
}

export const DEFAULT_SHARES: HistoryShares = { initial: 0.5, change: 0.05 };

/** Stored as bytes: a version per person per month. */
const MAX_MONTHS = 250;

export class HistoryModel {
	readonly people: number;
	readonly months: number;
	readonly #join: Uint8Array;
	readonly #versions: Uint8Array;

	constructor(people: number, months: number, seed: number, shares = DEFAULT_SHARES) {
		if (!(months >= 1 && months <= MAX_MONTHS))
			throw new RangeError(`months must be 1–${MAX_MONTHS}`);
		this.people = people;
		this.months = months;
		this.#join = new Uint8Array(people);
		this.#versions = new Uint8Array(people * months);
		const later = months - 1;
		for (let i = 0; i < people; i++) {
			const r = random(seed, 'history', i);
			const u = r.next();
			const join =
				u < shares.initial || later === 0
					? 0
					: 1 +
						Math.min(later - 1, Math.floor(((u - shares.initial) / (1 - shares.initial)) * later));
			this.#join[i] = join;
			let version = 0;
			for (let m = join + 1; m < months; m++) {
				if (r.chance(shares.change)) version++;
				this.#versions[i * months + m] = version;
			}
		}
	}

	/** The month the person is first listed in. */
	joinMonth(index: number): number {
		return this.#join[index]!;
	}

	/** How many times the person's state has changed by month m (0: as they joined). */
	version(index: number, month: number): number {
		return this.#versions[index * this.months + month]!;
	}

	/** The first month their state changed, or null. */
	firstChange(index: number): number | null {
		for (let m = this.#join[index]! + 1; m < this.months; m++)
			if (this.version(index, m) > 0) return m;
		return null;
	}

	/** People first listed in month m, and people listed before m whose state changed in m. */
	monthCounts(month: number): { listed: number; added: number; changed: number } {
		let listed = 0;
		let added = 0;
		let changed = 0;
		for (let i = 0; i < this.people; i++) {
			const join = this.#join[i]!;
			if (join > month) continue;
			listed++;
			if (join === month) added++;
			else if (this.version(i, month) > this.version(i, month - 1)) changed++;
		}
		return { listed, added, changed };
	}
}
