/**
 * The effect of a change on the published figures: per unit, the share the dashboard shows now
 * and the one it would show after ("Can Lộc 45,2% → 47,0%"), and the units that would reach or
 * fall below their target. Compared at the precision the pages show (0.1%), so a change nobody
 * could see is not listed. Confidential units are left out: their coarse share moving or not in a
 * dry run that can be repeated with one row more, then another, would give away their counts.
 */
import type { IsoDate } from '../../dates.ts';
import type { UnitKind } from '../../units.ts';
import type { Figures, PublishedShare } from './figures.ts';

export interface ShareChange {
	code: string;
	name: string;
	kind: UnitKind;
	before: number | null;
	after: number | null;
	/** The unit's own target; null: none. */
	threshold: number | null;
	/** reached: below its target before, at or above it after; lost: the other way. */
	crossing: 'reached' | 'lost' | null;
}

export interface Effect {
	asOfBefore: IsoDate | null;
	asOfAfter: IsoDate | null;
	/** Units whose shown share changes, in unit-list order (communes left to their unit's page). */
	changes: ShareChange[];
	/** Units that would cross their target, of every kind. */
	crossings: ShareChange[];
}

const LISTED: readonly UnitKind[] = ['province', 'district', 'agency', 'armed_force'];

/** The share as the pages print it, in tenths of a percent. */
const shown = (share: number | null) => (share === null ? null : Math.round(share * 1000));

function crossing(
	before: number | null,
	after: number | null,
	threshold: number | null
): ShareChange['crossing'] {
	if (threshold === null) return null;
	const was = before !== null && before >= threshold;
	const is = after !== null && after >= threshold;
	return was === is ? null : is ? 'reached' : 'lost';
}

export function figureEffect(before: Figures, after: Figures): Effect {
	const earlier = new Map<string, PublishedShare>(before.units.map((u) => [u.code, u]));
	const all = after.units
		.filter((u) => !u.confidential && !earlier.get(u.code)?.confidential)
		.map((u): ShareChange => {
			const was = earlier.get(u.code)?.share ?? null;
			return {
				code: u.code,
				name: u.name,
				kind: u.kind,
				before: was,
				after: u.share,
				threshold: u.threshold,
				crossing: crossing(was, u.share, u.threshold)
			};
		});
	return {
		asOfBefore: before.asOf,
		asOfAfter: after.asOf,
		changes: all.filter((c) => LISTED.includes(c.kind) && shown(c.before) !== shown(c.after)),
		crossings: all.filter((c) => c.crossing !== null)
	};
}
