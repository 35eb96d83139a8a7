/**
 * Pace: where a unit should be on a given day, and where its recent rate takes it by the deadline.
 */
import { daysBetween, type IsoDate } from './dates.ts';
import { below } from './flags.ts';
import type { Rules, Target } from './targets.ts';

/**
 * Expected share on `day`: 0 at the start, the threshold at the deadline, linear in between
 * through the target's milestones.
 */
export function expectedShare(target: Target, day: IsoDate): number {
	const points = [
		{ date: target.start, share: 0 },
		...target.milestones,
		{ date: target.deadline, share: target.threshold }
	];
	if (day <= target.start) return 0;
	if (day >= target.deadline) return target.threshold;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		if (day <= b.date) {
			const span = daysBetween(a.date, b.date);
			return a.share + ((b.share - a.share) * daysBetween(a.date, day)) / span;
		}
	}
	return target.threshold;
}

/**
 * The share at the deadline if the rate of the last `windowDays` days continues, capped at 100%.
 * Null when the window reaches back before the data can say anything.
 */
export function projectedShare(
	share: number,
	shareWindowAgo: number | null,
	windowDays: number,
	asOf: IsoDate,
	deadline: IsoDate
): number | null {
	if (shareWindowAgo === null) return null;
	const rate = Math.max(0, share - shareWindowAgo) / windowDays;
	const remaining = Math.max(0, daysBetween(asOf, deadline));
	return Math.min(1, share + rate * remaining);
}

/** The classes the map and its legend show. */
export const PACE_CLASSES = ['reached', 'on_pace', 'behind_pace', 'far_behind', 'no_data'] as const;
/**
 * `withheld`: a confidential unit with data whose share is too few people to publish — not "no
 * data", and not a class worked out from a share nobody may see. Never on the map (districts
 * are not confidential).
 */
export type PaceClass = (typeof PACE_CLASSES)[number] | 'withheld';

/**
 * The class a unit is drawn in on the map, relative to its target. A confidential unit's is
 * worked out from its share as published (see unitProgress), never from the exact one.
 */
export function paceClass(
	share: number | null,
	target: Target,
	day: IsoDate,
	rules: Rules
): PaceClass {
	if (share === null) return 'no_data';
	if (share >= target.threshold) return 'reached';
	const expected = expectedShare(target, day);
	// The margin is for the way there: once the deadline has come, short of it is behind.
	const due = day >= target.deadline;
	if (!due && !below(share, expected - rules.paceMargin)) return 'on_pace';
	if (share >= expected * rules.farBehindRatio) return 'behind_pace';
	return 'far_behind';
}
