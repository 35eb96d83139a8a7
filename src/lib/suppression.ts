/**
 * Complementary suppression of the armed-forces group in a unit's group breakdown. Hiding the
 * group's row is not enough: the unit's total minus the visible groups gives it back
 * (14,639 − 12,941 = 1,698). So its counts are added into one other group, and that row is shown
 * as including the armed forces. Total minus the published parts then gives that merged row,
 * which differs from the armed-forces count by the other group's own count: the group chosen is
 * the one whose smallest count is largest, and when even that is at most `MARGIN`, no breakdown
 * is published at all.
 */
import { MARGIN } from './progress.ts';

export interface GroupCounts {
	group: string;
	registered: number;
	recognised: number;
	digital: number;
}

export const ARMED_FORCES = 'armed_forces';

export type MergedGroup = GroupCounts & { withArmedForces: boolean };

const smallest = (g: GroupCounts) => Math.min(g.registered, g.recognised, g.digital);

/** The breakdown as published: the armed-forces group merged into another, or none at all. */
export function suppressArmedForces(groups: GroupCounts[]): MergedGroup[] {
	const armed = groups.find((g) => g.group === ARMED_FORCES);
	const others = groups.filter((g) => g.group !== ARMED_FORCES);
	const plain = others.map((g) => ({ ...g, withArmedForces: false }));
	if (!armed || armed.registered === 0) return plain;
	const host = others.reduce<GroupCounts | null>(
		(best, g) => (best === null || smallest(g) > smallest(best) ? g : best),
		null
	);
	if (host === null || smallest(host) <= MARGIN) return [];
	return plain.map((g) =>
		g.group === host.group
			? {
					group: g.group,
					registered: g.registered + armed.registered,
					recognised: g.recognised + armed.recognised,
					digital: g.digital + armed.digital,
					withArmedForces: true
				}
			: g
	);
}
