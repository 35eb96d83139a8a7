/**
 * The monthly report as plain data: the province against each target, every unit with its change
 * since the previous month, the laggards and what changed. Built by pure functions from the
 * progress of two days; the docx, xlsx, html/pdf writers and the meeting deck only lay it out.
 *
 * Everything here has passed through `toRow()`: confidential units carry shares, never counts.
 */
import type { IsoDate } from '../../dates.ts';
import type { FlagKind } from '../../flags.ts';
import { expectedShare } from '../../pace.ts';
import type { UnitProgress } from '../../progress.ts';
import { byShare, toRow, type UnitRow } from '../../rows.ts';
import type { Localised, Metric, TargetPreset } from '../../targets.ts';
import type { UnitKind } from '../../units.ts';
import { flagCounts, targetTiles, type CurvePoint } from '../pages/shared.ts';

export interface ReportUnit extends UnitRow {
	/** The share the target measures at the end of the previous month. */
	previousShare: number | null;
	/** That share exists but is a confidential unit's, too few people to publish. */
	previousWithheld: boolean;
	/** Share now minus share then (0.013 = 1.3 percentage points). */
	shareChange: number | null;
	/** Counts gained since the previous month; null for confidential units. */
	registeredChange: number | null;
	recognisedChange: number | null;
	wasFlagged: boolean;
	/** The unit had reached its own target at the end of the previous month. */
	hadReached: boolean;
}

export interface ReportTarget {
	id: string;
	label: Localised;
	metric: Metric;
	threshold: number;
	deadline: IsoDate;
	daysLeft: number;
	share: number | null;
	previousShare: number | null;
	/** The shares exist but cover too few confidential people to publish. */
	withheld: boolean;
	previousWithheld: boolean;
	shareChange: number | null;
	/** Where the target's path expects the share to be on the as-of day. */
	expected: number;
	reached: number;
	previousReached: number;
	total: number;
	source: { document: string; item: string };
}

export interface MonthChanges {
	/** Units with their own target that reached it during the month. */
	newlyReached: ReportUnit[];
	newlyFlagged: ReportUnit[];
	noLongerFlagged: ReportUnit[];
	/** Top-level districts, agencies and armed-force units with the largest share gains. */
	mostImproved: ReportUnit[];
	/** Units with an own target, not reached, whose share did not move in the month. */
	stalled: ReportUnit[];
}

/** The units of a kind the report lists (with sub-units) and the top-level ones it ranks. */
export type UnitsByKind = Record<Exclude<UnitKind, 'province'>, ReportUnit[]>;

export interface MonthComparison {
	asOf: IsoDate;
	previousAsOf: IsoDate;
	province: ReportUnit;
	/** "Hà Tĩnh": the province unit's name without its type word. */
	provinceName: string;
	targets: ReportTarget[];
	units: UnitsByKind;
	laggards: ReportUnit[];
	flagCounts: Record<FlagKind, number>;
	changes: MonthChanges;
}

export interface ReportModel extends MonthComparison {
	month: string;
	partial: boolean;
	/** The snapshots (export dates) the two days' figures come from. */
	snapshot: IsoDate | null;
	previousSnapshot: IsoDate | null;
	/** The day the document is dated. */
	issued: IsoDate;
	simulated: boolean;
	preset: { id: string; name: Localised; source: string };
	/** The province's cumulative counts with the target path, for the chart. */
	curve: CurvePoint[];
}

export interface CompareInput {
	preset: TargetPreset;
	asOf: IsoDate;
	previousAsOf: IsoDate;
	current: UnitProgress[];
	previous: UnitProgress[];
}

export interface ReportInput extends CompareInput {
	month: string;
	partial: boolean;
	snapshot: IsoDate | null;
	previousSnapshot: IsoDate | null;
	issued: IsoDate;
	simulated: boolean;
	curve: CurvePoint[];
}

const KINDS = ['district', 'commune', 'agency', 'armed_force'] as const;

const difference = (now: number | null, then: number | null) =>
	now === null || then === null ? null : now - then;

const ownTargetReached = (row: UnitRow) =>
	row.threshold !== null && row.share !== null && row.share >= row.threshold;

/** One unit now and at the end of the previous month, already redacted. */
export function reportUnit(now: UnitProgress, then: UnitProgress | undefined): ReportUnit {
	const row = toRow(now);
	const before = then ? toRow(then) : null;
	return {
		...row,
		// The activity sheet's headcounts stay out of reports on confidential units.
		activity: row.confidential ? null : row.activity,
		previousShare: before?.share ?? null,
		previousWithheld: before?.paceClass === 'withheld',
		shareChange: difference(row.share, before?.share ?? null),
		registeredChange: difference(row.registered, before?.registered ?? null),
		recognisedChange: difference(row.recognised, before?.recognised ?? null),
		wasFlagged: (before?.flags.length ?? 0) > 0,
		hadReached: before !== null && !now.targetInherited && ownTargetReached(before)
	};
}

/** "Tỉnh Hà Tĩnh" → "Hà Tĩnh". */
export function provinceName(name: string): string {
	return name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

/** Units that are not sub-units of a unit of their own kind. */
export function topLevelOf(units: ReportUnit[]): ReportUnit[] {
	const codes = new Set(units.map((u) => u.code));
	return units.filter((u) => !codes.has(u.parent ?? ''));
}

/** The province and every unit now and a month earlier, the targets, laggards and changes. */
export function compareProgress(input: CompareInput): MonthComparison {
	const { preset, asOf, previousAsOf, current, previous } = input;
	const before = new Map(previous.map((u) => [u.code, u]));
	const all = current.map((u) => ({
		unit: reportUnit(u, before.get(u.code)),
		own: !u.targetInherited
	}));
	const provinceRow = all.find((u) => u.unit.kind === 'province')?.unit;
	if (!provinceRow) throw new Error('the unit list has no province');
	const units = Object.fromEntries(
		KINDS.map((kind) => [
			kind,
			all
				.filter((u) => u.unit.kind === kind)
				.map((u) => u.unit)
				.sort(byShare)
		])
	) as UnitsByKind;
	const laggards = all
		.map((u) => u.unit)
		.filter((u) => u.flags.length > 0)
		.sort((a, b) => b.severity - a.severity || a.name.localeCompare(b.name, 'vi'));
	return {
		asOf,
		previousAsOf,
		province: provinceRow,
		provinceName: provinceName(provinceRow.name),
		targets: compareTargets(preset, current, previous, asOf, previousAsOf),
		units,
		laggards,
		flagCounts: flagCounts(current),
		changes: monthChanges(all, units)
	};
}

function compareTargets(
	preset: TargetPreset,
	current: UnitProgress[],
	previous: UnitProgress[],
	asOf: IsoDate,
	previousAsOf: IsoDate
): ReportTarget[] {
	const then = new Map(targetTiles(preset, previous, previousAsOf).map((t) => [t.id, t]));
	return targetTiles(preset, current, asOf).map((tile) => {
		const target = preset.targets.find((t) => t.id === tile.id)!;
		const old = then.get(tile.id);
		return {
			id: tile.id,
			label: tile.label,
			metric: tile.metric,
			threshold: tile.threshold,
			deadline: tile.deadline,
			daysLeft: tile.daysLeft,
			share: tile.share,
			previousShare: old?.share ?? null,
			withheld: tile.withheld,
			previousWithheld: old?.withheld ?? false,
			shareChange: difference(tile.share, old?.share ?? null),
			expected: expectedShare(target, asOf),
			reached: tile.reached,
			previousReached: old?.reached ?? 0,
			total: tile.total,
			source: tile.source
		};
	});
}

function monthChanges(all: { unit: ReportUnit; own: boolean }[], units: UnitsByKind): MonthChanges {
	const withOwnTarget = all.filter((u) => u.own && u.unit.threshold !== null).map((u) => u.unit);
	const ranked = [
		...topLevelOf(units.district),
		...topLevelOf(units.agency),
		...topLevelOf(units.armed_force)
	];
	const byName = (a: ReportUnit, b: ReportUnit) => a.name.localeCompare(b.name, 'vi');
	return {
		newlyReached: withOwnTarget.filter((u) => ownTargetReached(u) && !u.hadReached).sort(byShare),
		newlyFlagged: all
			.map((u) => u.unit)
			.filter((u) => u.flags.length > 0 && !u.wasFlagged)
			.sort(byName),
		noLongerFlagged: all
			.map((u) => u.unit)
			.filter((u) => u.flags.length === 0 && u.wasFlagged)
			.sort(byName),
		mostImproved: ranked
			.filter((u) => u.shareChange !== null && u.shareChange > 0)
			.sort((a, b) => b.shareChange! - a.shareChange! || byName(a, b))
			.slice(0, 5),
		stalled: withOwnTarget
			.filter((u) => !ownTargetReached(u) && u.shareChange !== null && u.shareChange <= 0)
			.sort(byName)
	};
}

/** The month's report: the comparison with what the document says about itself. */
export function buildReport(input: ReportInput): ReportModel {
	return {
		...compareProgress(input),
		month: input.month,
		partial: input.partial,
		snapshot: input.snapshot,
		previousSnapshot: input.previousSnapshot,
		issued: input.issued,
		simulated: input.simulated,
		preset: { id: input.preset.id, name: input.preset.name, source: input.preset.source },
		curve: input.curve
	};
}
