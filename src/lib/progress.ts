/**
 * Progress of every unit on a day, against the preset's targets: counts, shares, the expected and
 * projected shares, the map class and the laggard flags. Pure: the server gathers the numbers,
 * this decides what they mean.
 */
import type { IsoDate } from './dates.ts';
import { laggardFlags, severity, type Flag } from './flags.ts';
import { expectedShare, paceClass, projectedShare, type PaceClass } from './pace.ts';
import { mainTarget, type Metric, type Rules, type Target, type TargetPreset } from './targets.ts';
import type { Unit } from './units.ts';

/** What the aggregates say about one unit on a day. */
export interface UnitCounts {
	registered: number;
	recognised: number;
	digital: number;
	/** The same counts `projectionWindowDays` earlier. */
	registeredWindowAgo: number;
	recognisedWindowAgo: number;
	digitalWindowAgo: number;
	lastRegistration: IsoDate | null;
}

/** What the association's activity sheet says about a unit on a day (null: not in the sheet). */
export interface UnitActivity {
	trainings: number;
	trainedPeople: number;
	/** True: a budget was allocated; false: the sheet records none; null: not recorded. */
	budget: boolean | null;
	budgetAmount: number | null;
	lastReport: IsoDate | null;
}

export interface UnitProgress {
	code: string;
	name: string;
	kind: Unit['kind'];
	parent: string | null;
	confidential: boolean;
	/** Counts; null for confidential units once redacted, and eligible null when unknown. */
	eligible: number | null;
	registered: number | null;
	recognised: number | null;
	digital: number | null;
	/** Whether any registration row names the unit (as known on the day). */
	hasRows: boolean;
	registeredShare: number | null;
	recognisedShare: number | null;
	/** Recognised people with digital skills ÷ recognised people. */
	digitalShare: number | null;
	target: Target | null;
	/**
	 * The target is the parent's, shown for comparison (a commune against its district's 40%):
	 * the unit is classed against it but not flagged, as the preset sets it no target itself.
	 */
	targetInherited: boolean;
	/** The share the target measures (its metric), on the day. */
	share: number | null;
	expected: number | null;
	projected: number | null;
	paceClass: PaceClass;
	flags: Flag[];
	severity: number;
	lastRegistration: IsoDate | null;
	activity: UnitActivity | null;
}

const ratio = (a: number, b: number | null) => (b === null || b <= 0 ? null : a / b);

function metricShare(
	metric: Metric,
	c: { registered: number; recognised: number; digital: number },
	eligible: number | null
): number | null {
	switch (metric) {
		case 'recognised':
			return ratio(c.recognised, eligible);
		case 'registered':
			return ratio(c.registered, eligible);
		case 'digital_skills':
			return ratio(c.digital, c.recognised);
		case 'trained':
			return null;
	}
}

/** The class of a share as published; `withheld` where a share exists but may not be shown. */
function publishedClass(
	share: number | null,
	published: number | null,
	target: Target,
	asOf: IsoDate,
	rules: Rules
): PaceClass {
	if (share !== null && published === null) return 'withheld';
	return paceClass(published, target, asOf, rules);
}

const NO_COUNTS: UnitCounts = {
	registered: 0,
	recognised: 0,
	digital: 0,
	registeredWindowAgo: 0,
	recognisedWindowAgo: 0,
	digitalWindowAgo: 0,
	lastRegistration: null
};

export function unitProgress(
	unit: Unit,
	counts: UnitCounts | undefined,
	activity: UnitActivity | null,
	preset: TargetPreset,
	asOf: IsoDate,
	inherited: Target | null = null
): UnitProgress {
	const c = counts ?? NO_COUNTS;
	const hasRows = counts !== undefined;
	const own = mainTarget(unit, preset);
	const target = own ?? inherited;
	const rules = preset.rules;
	const share = hasRows && target ? metricShare(target.metric, c, unit.eligible) : null;
	const ago = {
		registered: c.registeredWindowAgo,
		recognised: c.recognisedWindowAgo,
		digital: c.digitalWindowAgo
	};
	const shareWindowAgo = hasRows && target ? metricShare(target.metric, ago, unit.eligible) : null;
	// A confidential unit is judged on its share as published, so its class and flags tell a
	// reader nothing finer than the rounded share they see (0.797 shown as 80% is not "behind").
	const of = target?.metric === 'digital_skills' ? c.recognised : unit.eligible;
	const published = unit.confidential
		? (s: number | null) => coarseShare(s, of)
		: (s: number | null) => s;
	const flags = laggardFlags({
		asOf,
		target: own,
		rules,
		hasRows,
		share,
		shareWindowAgo,
		lastRegistration: c.lastRegistration,
		activity: activity && { trainings: activity.trainings, budget: activity.budget },
		published
	});
	const beforeDeadline = target !== null && asOf < target.deadline;
	return {
		code: unit.code,
		name: unit.name,
		kind: unit.kind,
		parent: unit.parent,
		confidential: unit.confidential,
		eligible: unit.eligible,
		registered: c.registered,
		recognised: c.recognised,
		digital: c.digital,
		hasRows,
		registeredShare: hasRows ? ratio(c.registered, unit.eligible) : null,
		recognisedShare: hasRows ? ratio(c.recognised, unit.eligible) : null,
		digitalShare: hasRows ? ratio(c.digital, c.recognised) : null,
		target,
		targetInherited: own === null && target !== null,
		share,
		expected: target ? expectedShare(target, asOf) : null,
		projected:
			target && share !== null && beforeDeadline
				? projectedShare(share, shareWindowAgo, rules.projectionWindowDays, asOf, target.deadline)
				: null,
		paceClass: target ? publishedClass(share, published(share), target, asOf, rules) : 'no_data',
		flags,
		severity: severity(flags, share, target),
		lastRegistration: c.lastRegistration,
		activity
	};
}

/**
 * The steps a confidential unit's shares may be published at. Shares at full precision give the
 * counts back by continued fractions (0.8016850291639663 = 1237/1543), and a daily series at
 * 0.1% steps pins a small denominator from the size of its jumps. So a share is rounded to the
 * finest step at which it stands for at least `2 × MARGIN` people of its denominator: a reader
 * who knew the denominator exactly would still not know the count to within ±5
 * (1% from 1,000 people, 5% from 200, 50% from 20; below 20 no share is published).
 * The attacker test in tests/integration/server/confidential.test.ts checks this.
 */
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5];

/** How many people a confidential count must stay uncertain by, either way. */
export const MARGIN = 5;

/** The step a share of `denominator` people is published at; null: not published. */
export function confidentialStep(denominator: number): number | null {
	return STEPS.find((step) => step * denominator >= 2 * MARGIN) ?? null;
}

/** A confidential unit's share of `denominator` people, as published. */
export function coarseShare(share: number | null, denominator: number | null): number | null {
	const step = confidentialStep(denominator ?? 0);
	if (share === null || step === null) return null;
	// Whole hundredths, so 0.15 is 0.15 and not 0.15000000000000002.
	return Math.round(Math.round(share / step) * step * 100) / 100;
}

/** A flag with its share as published; none when the share cannot be published at all. */
function coarseFlag(flag: Flag, denominator: number | null): Flag[] {
	switch (flag.kind) {
		case 'behind_target':
		case 'behind_pace': {
			const share = coarseShare(flag.share, denominator);
			return share === null ? [] : [{ ...flag, share }];
		}
		case 'projected_miss': {
			const projected = coarseShare(flag.projected, denominator);
			return projected === null ? [] : [{ ...flag, projected }];
		}
		default:
			return [flag];
	}
}

/**
 * Counts of confidential units never leave the server: only shares do, rounded (above), and the activity sheet's training headcounts stay out. Every page, API response and
 * export passes its units through here.
 */
export function redact(progress: UnitProgress): UnitProgress {
	if (!progress.confidential) return progress;
	const { eligible, recognised } = progress;
	// The target's share is of the headcount, or of the recognised people for digital skills.
	const of = progress.target?.metric === 'digital_skills' ? recognised : eligible;
	const share = coarseShare(progress.share, of);
	const flags = progress.flags.flatMap((f) => coarseFlag(f, of));
	return {
		...progress,
		eligible: null,
		registered: null,
		recognised: null,
		digital: null,
		registeredShare: coarseShare(progress.registeredShare, eligible),
		recognisedShare: coarseShare(progress.recognisedShare, eligible),
		digitalShare: coarseShare(progress.digitalShare, recognised),
		share,
		projected: coarseShare(progress.projected, of),
		flags,
		// The gap to the target is part of the sort key: taken from the published share.
		severity: severity(flags, share, progress.target),
		activity: null
	};
}
