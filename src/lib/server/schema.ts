/**
 * The database as Kysely sees it. Columns are snake_case in DuckDB and camelCase here
 * (CamelCasePlugin), so `as_of` is `asOf` everywhere in TypeScript.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { UnitKind } from '../units.ts';

/** A calendar day: written as "YYYY-MM-DD", read back the same way. */
type Day = string;

export type RegistrationStatus = 'registered' | 'recognised' | 'not_recognised';
export type ImportStatus = 'loaded' | 'loaded_with_rejects';
export type ActivityType = 'training' | 'budget' | 'report';

export interface UnitTable {
	code: string;
	name: string;
	kind: UnitKind;
	parentCode: string | null;
	eligible: number | null;
	confidential: boolean;
	/** Position in the unit list, so lists keep the official order. */
	position: number;
}

export interface UnitAliasTable {
	unitCode: string;
	alias: string;
}

export interface ImportTable {
	id: Generated<number>;
	/** File name as given (without directories: they can hold personal names). */
	file: string;
	sheet: string | null;
	contentHash: string;
	asOf: Day;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	rowsDuplicate: number;
	status: ImportStatus;
	startedAt: ColumnType<string, string, never>;
	finishedAt: ColumnType<string, string, never>;
	readMs: number;
	totalMs: number;
}

export interface RejectTable {
	importId: number;
	row: number;
	column: string | null;
	reason: string;
	/** The offending value, except in personal columns (ID number, name, phone, birth date). */
	value: string | null;
}

export interface RegistrationTable {
	importId: number;
	row: number;
	/** HMAC-SHA256 of the ID number with the installation's secret, first 128 bits. */
	personKey: string;
	/** The commune when known, else the district. */
	territoryCode: string;
	organisationCode: string | null;
	group: string;
	birthYear: number | null;
	registeredOn: Day;
	status: RegistrationStatus;
	recognisedOn: Day | null;
	digitalSkills: boolean | null;
}

export interface ActivityTable {
	unitCode: string;
	type: ActivityType;
	date: Day;
	people: number | null;
	/** VND; 0 records an explicit "no budget". */
	amount: number | null;
}

/**
 * New registrations and recognitions per unit, group and day, as known at snapshot `asOf`.
 * Cumulative counts on day D are the sums over day ≤ D for the snapshot in force on D.
 */
export interface ProgressDailyTable {
	asOf: Day;
	unitCode: string;
	group: string;
	day: Day;
	registered: number;
	recognised: number;
	digital: number;
}

/** progress_daily summed over groups: what the pages read. */
export interface ProgressUnitDailyTable {
	asOf: Day;
	unitCode: string;
	day: Day;
	registered: number;
	recognised: number;
	digital: number;
}

/** Which imports a unit's figures came from, with their row counts. */
export interface UnitImportTable {
	unitCode: string;
	importId: number;
	rows: number;
}

export interface Database {
	unit: UnitTable;
	unitAlias: UnitAliasTable;
	import: ImportTable;
	reject: RejectTable;
	registration: RegistrationTable;
	activity: ActivityTable;
	progressDaily: ProgressDailyTable;
	progressUnitDaily: ProgressUnitDailyTable;
	unitImport: UnitImportTable;
}

export type UnitRow = Selectable<UnitTable>;
export type ImportRow = Selectable<ImportTable>;
export type RejectRow = Selectable<RejectTable>;
