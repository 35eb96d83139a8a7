/**
 * Laggard flags: each carries the numbers behind it, so the page can say why in plain words.
 * Nothing is flagged where the data cannot judge: a unit without an eligible count has no share
 * and no share-based flag; a unit the activity sheet does not list gets no training/budget flag.
 */
import { daysBetween, maxDate, type IsoDate } from './dates.ts';
import { expectedShare, projectedShare } from './pace.ts';
import type { Rules, Target } from './targets.ts';

export type Flag =
	| { kind: 'behind_target'; share: number; threshold: number; deadline: IsoDate }
	| { kind: 'behind_pace'; share: number; expected: number; day: IsoDate; threshold: number }
	| { kind: 'projected_miss'; projected: number; threshold: number; deadline: IsoDate }
	| { kind: 'no_activity'; lastRegistration: IsoDate | null; days: number }
	| { kind: 'no_data' }
	| { kind: 'no_training' }
	| { kind: 'no_budget' };

export type FlagKind = Flag['kind'];

export const FLAG_KINDS: FlagKind[] = [
	'behind_target',
	'projected_miss',
	'behind_pace',
	'no_data',
	'no_activity',
	'no_budget',
	'no_training'
];

/** How much a flag weighs when ordering laggards; the share gap breaks ties. */
const WEIGHT: Record<FlagKind, number> = {
	behind_target: 6,
	projected_miss: 5,
	behind_pace: 4,
	no_data: 3,
	no_activity: 2,
	no_budget: 1,
	no_training: 1
};

export interface FlagInput {
	asOf: IsoDate;
	target: Target | null;
	rules: Rules;
	/** Whether the unit has any registration rows at all. */
	hasRows: boolean;
	/** Share for the target's metric on asOf, or null when it cannot be computed. */
	share: number | null;
	/** The same share `rules.projectionWindowDays` earlier, or null. */
	shareWindowAgo: number | null;
	/** Last day with a new registration on or before asOf. */
	lastRegistration: IsoDate | null;
	/** What the association's activity sheet says, or null if it does not list the unit. */
	activity: { trainings: number; budget: boolean | null } | null;
	/**
	 * A share as the unit's readers see it (a confidential unit's is rounded, or withheld): flags
	 * judge that, so they say nothing finer than the published share. Unset: the share itself.
	 */
	published?: (share: number | null) => number | null;
}

const asIs = (share: number | null) => share;

export function laggardFlags(input: FlagInput): Flag[] {
	const { asOf, target, rules } = input;
	const share = (input.published ?? asIs)(input.share);
	const flags: Flag[] = [];
	if (target && asOf >= target.start) flags.push(...shareFlags(input, target));
	// Before the campaign starts, having no rows yet is no news.
	if (!input.hasRows && target && target.metric !== 'trained' && asOf >= target.start) {
		flags.push({ kind: 'no_data' });
	}
	if (input.activity) {
		if (input.activity.trainings === 0) flags.push({ kind: 'no_training' });
		if (input.activity.budget === false) flags.push({ kind: 'no_budget' });
	}
	const reached = target !== null && share !== null && share >= target.threshold;
	if (input.hasRows && !reached && target && asOf >= target.start) {
		// Quiet days are counted from the campaign's start at the earliest.
		const since =
			input.lastRegistration === null
				? target.start
				: maxDate(input.lastRegistration, target.start);
		const days = daysBetween(since, asOf);
		if (days >= rules.inactivityDays) {
			flags.push({ kind: 'no_activity', lastRegistration: input.lastRegistration, days });
		}
	}
	return flags.sort((a, b) => WEIGHT[b.kind] - WEIGHT[a.kind]);
}

function shareFlags(input: FlagInput, target: Target): Flag[] {
	const { asOf, rules } = input;
	const published = input.published ?? asIs;
	const share = published(input.share);
	if (input.share === null || share === null || !input.hasRows) return [];
	if (asOf >= target.deadline) {
		return share < target.threshold
			? [{ kind: 'behind_target', share, threshold: target.threshold, deadline: target.deadline }]
			: [];
	}
	const flags: Flag[] = [];
	const expected = expectedShare(target, asOf);
	if (below(share, expected - rules.paceMargin)) {
		flags.push({ kind: 'behind_pace', share, expected, day: asOf, threshold: target.threshold });
	}
	// Projected from the exact shares, then published like them.
	const projected = published(
		projectedShare(
			input.share,
			input.shareWindowAgo,
			rules.projectionWindowDays,
			asOf,
			target.deadline
		)
	);
	if (projected !== null && projected < target.threshold) {
		flags.push({
			kind: 'projected_miss',
			projected,
			threshold: target.threshold,
			deadline: target.deadline
		});
	}
	return flags;
}

/**
 * A number that orders flagged units, most severe first: the heaviest flag, then the gap to the
 * threshold (in tenths of a percentage point), then the number of flags.
 */
export function severity(flags: Flag[], share: number | null, target: Target | null): number {
	if (flags.length === 0) return 0;
	const heaviest = Math.max(...flags.map((f) => WEIGHT[f.kind]));
	const gap = target && share !== null ? Math.max(0, target.threshold - share) : 0;
	return heaviest * 100_000 + Math.round(gap * 1000) * 10 + Math.min(flags.length, 9);
}

/**
 * `a < b`, ignoring floating-point noise: 0.2 − 0.05 is 0.15000000000000002, and a share of
 * exactly 0.15 is not behind a line drawn at 0.15.
 */
export function below(a: number, b: number): boolean {
	return a < b - 1e-9;
}
