/**
 * The shape a unit has on its way to a page: plain, compact, and already redacted — the only
 * form of progress data a loader may return.
 */
import type { IsoDate } from './dates.ts';
import type { Flag } from './flags.ts';
import { formatShare, type Lang } from './format.ts';
import { t } from './i18n/index.ts';
import type { PaceClass } from './pace.ts';
import { redact, type UnitActivity, type UnitProgress } from './progress.ts';
import type { UnitKind } from './units.ts';

export interface UnitRow {
	code: string;
	name: string;
	kind: UnitKind;
	parent: string | null;
	confidential: boolean;
	eligible: number | null;
	registered: number | null;
	recognised: number | null;
	hasRows: boolean;
	share: number | null;
	registeredShare: number | null;
	recognisedShare: number | null;
	digitalShare: number | null;
	threshold: number | null;
	deadline: IsoDate | null;
	expected: number | null;
	projected: number | null;
	paceClass: PaceClass;
	flags: Flag[];
	severity: number;
	lastRegistration: IsoDate | null;
	activity: UnitActivity | null;
}

export function toRow(progress: UnitProgress): UnitRow {
	const p = redact(progress);
	return {
		code: p.code,
		name: p.name,
		kind: p.kind,
		parent: p.parent,
		confidential: p.confidential,
		eligible: p.eligible,
		registered: p.registered,
		recognised: p.recognised,
		hasRows: p.hasRows,
		share: p.share,
		registeredShare: p.registeredShare,
		recognisedShare: p.recognisedShare,
		digitalShare: p.digitalShare,
		threshold: p.target?.threshold ?? null,
		deadline: p.target?.deadline ?? null,
		expected: p.expected,
		projected: p.projected,
		paceClass: p.paceClass,
		flags: p.flags,
		severity: p.severity,
		lastRegistration: p.lastRegistration,
		activity: p.activity
	};
}

/** Best first by share; units without a share last, by name. */
export function byShare(a: UnitRow, b: UnitRow): number {
	if (a.share === null || b.share === null) {
		return a.share === null && b.share === null
			? a.name.localeCompare(b.name, 'vi')
			: a.share === null
				? 1
				: -1;
	}
	return b.share - a.share || a.name.localeCompare(b.name, 'vi');
}

/**
 * A share as a page shows it: the percentage; "withheld" where a confidential unit has data but
 * too few people for its share to be published; "no data" where there is none.
 */
export function shareLabel(
	share: number | null,
	lang: Lang,
	state: { withheld: boolean; hasData: boolean }
): string {
	if (state.withheld) return t(lang, 'withheld');
	return state.hasData ? formatShare(share, lang) : t(lang, 'noData');
}
