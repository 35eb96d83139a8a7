/**
 * Progress queries: every figure comes from the daily aggregates (progress_daily), never from the
 * registrations, so a page costs the same with 10 thousand or 10 million people.
 */
import type { Kysely, Selectable } from 'kysely';
import { addDays, type IsoDate } from '../dates.ts';
import {
	unitProgress,
	type UnitActivity,
	type UnitCounts,
	type UnitProgress
} from '../progress.ts';
import { mainTarget, type Target, type TargetPreset } from '../targets.ts';
import { ancestors, type Unit } from '../units.ts';
import type { Database } from './schema.ts';
import { listUnits } from './units.ts';

export type ActivityRow = Selectable<Database['activity']>;

/**
 * The snapshot in force on `day`: the latest as-of date on or before it, or the first snapshot
 * for days before any (its dates are the best knowledge of that past). Null without data.
 */
export async function snapshotInForce(db: Kysely<Database>, day: IsoDate): Promise<IsoDate | null> {
	const row = await db
		.selectFrom('import')
		.select((eb) => [
			eb.fn.max('asOf').filterWhere('asOf', '<=', day).as('before'),
			eb.fn.min('asOf').as('first')
		])
		.executeTakeFirst();
	return row?.before ?? row?.first ?? null;
}

/**
 * `snapshotInForce` over the snapshot dates already read (ascending, as `snapshotDates` gives
 * them): the dashboard keeps them per database file, so a page spends no query on this.
 */
export function inForce(snapshots: readonly string[], day: IsoDate): IsoDate | null {
	let before: string | undefined;
	for (const s of snapshots) if (s <= day) before = s;
	return before ?? snapshots[0] ?? null;
}

/** The snapshot in force on `day`, from the dates when the caller has them, else from the file. */
function snapshotOf(db: Kysely<Database>, day: IsoDate, snapshots?: readonly string[]) {
	return snapshots ? Promise.resolve(inForce(snapshots, day)) : snapshotInForce(db, day);
}

/** Counts per unit on `day` and `windowDays` earlier, as known on `day`. */
export async function countsOn(
	db: Kysely<Database>,
	day: IsoDate,
	windowDays: number,
	snapshots?: readonly string[]
): Promise<Map<string, UnitCounts>> {
	const asOf = await snapshotOf(db, day, snapshots);
	if (!asOf) return new Map();
	const ago = addDays(day, -windowDays);
	const rows = await db
		.selectFrom('progressUnitDaily')
		.select((eb) => [
			'unitCode',
			eb.fn
				.coalesce(eb.fn.sum<number>('registered').filterWhere('day', '<=', day), eb.lit(0))
				.as('registered'),
			eb.fn
				.coalesce(eb.fn.sum<number>('recognised').filterWhere('day', '<=', day), eb.lit(0))
				.as('recognised'),
			eb.fn
				.coalesce(eb.fn.sum<number>('digital').filterWhere('day', '<=', day), eb.lit(0))
				.as('digital'),
			eb.fn
				.coalesce(eb.fn.sum<number>('registered').filterWhere('day', '<=', ago), eb.lit(0))
				.as('registeredWindowAgo'),
			eb.fn
				.coalesce(eb.fn.sum<number>('recognised').filterWhere('day', '<=', ago), eb.lit(0))
				.as('recognisedWindowAgo'),
			eb.fn
				.coalesce(eb.fn.sum<number>('digital').filterWhere('day', '<=', ago), eb.lit(0))
				.as('digitalWindowAgo'),
			eb.fn
				.max('day')
				.filterWhere((w) => w.and([w('day', '<=', day), w('registered', '>', 0)]))
				.as('lastRegistration')
		])
		.where('asOf', '=', asOf)
		.groupBy('unitCode')
		.execute();
	return new Map(rows.map(({ unitCode, ...counts }) => [unitCode, counts]));
}

export interface DailyPoint {
	day: IsoDate;
	registered: number;
	recognised: number;
	digital: number;
}

/** Cumulative counts of one unit for every day with a change, up to `day`, as known on `day`. */
export async function cumulativeSeries(
	db: Kysely<Database>,
	unitCode: string,
	day: IsoDate,
	snapshots?: readonly string[]
): Promise<DailyPoint[]> {
	const asOf = await snapshotOf(db, day, snapshots);
	if (!asOf) return [];
	const rows = await db
		.selectFrom('progressUnitDaily')
		.select(['day', 'registered', 'recognised', 'digital'])
		.where('asOf', '=', asOf)
		.where('unitCode', '=', unitCode)
		.where('day', '<=', day)
		.orderBy('day')
		.execute();
	let registered = 0;
	let recognised = 0;
	let digital = 0;
	return rows.map((r) => ({
		day: r.day,
		registered: (registered += r.registered),
		recognised: (recognised += r.recognised),
		digital: (digital += r.digital)
	}));
}

export interface GroupCounts {
	group: string;
	registered: number;
	recognised: number;
	digital: number;
}

/** Counts of one unit by group on `day`. */
export async function countsByGroup(
	db: Kysely<Database>,
	unitCode: string,
	day: IsoDate,
	snapshots?: readonly string[]
): Promise<GroupCounts[]> {
	const asOf = await snapshotOf(db, day, snapshots);
	if (!asOf) return [];
	return db
		.selectFrom('progressDaily')
		.select((eb) => [
			'group',
			eb.fn.sum<number>('registered').as('registered'),
			eb.fn.sum<number>('recognised').as('recognised'),
			eb.fn.sum<number>('digital').as('digital')
		])
		.where('asOf', '=', asOf)
		.where('unitCode', '=', unitCode)
		.where('day', '<=', day)
		.groupBy('group')
		.orderBy('registered', 'desc')
		.execute();
}

/** The activity sheet's record of every unit it lists, up to `day`. */
export async function activityOn(
	db: Kysely<Database>,
	day: IsoDate
): Promise<Map<string, UnitActivity>> {
	return activityFrom(await listActivity(db), day);
}

/** Every activity row, oldest first: what `activityFrom` reads. */
export function listActivity(db: Kysely<Database>): Promise<ActivityRow[]> {
	return db.selectFrom('activity').selectAll().orderBy('date').execute();
}

/** `activityOn` from the rows already read (the dashboard keeps them per file). */
export function activityFrom(rows: ActivityRow[], day: IsoDate): Map<string, UnitActivity> {
	const result = new Map<string, UnitActivity>();
	for (const row of rows) {
		let a = result.get(row.unitCode);
		if (!a) {
			a = { trainings: 0, trainedPeople: 0, budget: null, budgetAmount: null, lastReport: null };
			result.set(row.unitCode, a);
		}
		if (row.date > day) continue;
		if (row.type === 'training' && (row.people ?? 0) > 0) {
			a.trainings++;
			a.trainedPeople += row.people ?? 0;
		} else if (row.type === 'budget') {
			// The latest decision stands; an amount of 0 records an explicit "no budget".
			a.budget = (row.amount ?? 0) > 0;
			a.budgetAmount = row.amount;
		} else if (row.type === 'report') {
			a.lastReport = row.date;
		}
	}
	return result;
}

/** Which imports a unit's figures came from. */
export async function importsOfUnit(db: Kysely<Database>, unitCode: string) {
	return db
		.selectFrom('unitImport')
		.innerJoin('import', 'import.id', 'unitImport.importId')
		.select(['import.id', 'import.file', 'import.asOf', 'import.finishedAt', 'unitImport.rows'])
		.where('unitImport.unitCode', '=', unitCode)
		.orderBy('import.asOf')
		.execute();
}

/** What the dashboard keeps per database file, to save `progressOn` their queries. */
export interface KeptPerFile {
	units: Unit[];
	snapshots: readonly string[];
	activity: ActivityRow[];
}

/** Every unit's progress on `day` against the preset, in unit-list order. */
export async function progressOn(
	db: Kysely<Database>,
	preset: TargetPreset,
	day: IsoDate,
	kept?: KeptPerFile
): Promise<UnitProgress[]> {
	const [units, counts, activity] = await Promise.all([
		kept?.units ?? listUnits(db),
		countsOn(db, day, preset.rules.projectionWindowDays, kept?.snapshots),
		kept ? activityFrom(kept.activity, day) : activityOn(db, day)
	]);
	const byCode = new Map(units.map((u) => [u.code, u]));
	return units.map((unit) =>
		unitProgress(
			unit,
			counts.get(unit.code),
			activity.get(unit.code) ?? null,
			preset,
			day,
			inheritedTarget(unit, byCode, preset)
		)
	);
}

/** The nearest ancestor's main target, for units the preset gives none (communes, sub-units). */
function inheritedTarget(
	unit: Unit,
	byCode: Map<string, Unit>,
	preset: TargetPreset
): Target | null {
	if (mainTarget(unit, preset)) return null;
	for (const ancestor of ancestors(unit.code, byCode)) {
		const target = mainTarget(ancestor, preset);
		if (target) return target;
	}
	return null;
}
