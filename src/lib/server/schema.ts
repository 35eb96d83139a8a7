/**
 * The database as Kysely sees it. Columns are snake_case in DuckDB and camelCase here
 * (CamelCasePlugin), so `as_of` is `asOf` everywhere in TypeScript.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { NameField } from '../names.ts';
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
	/** Header labels of the ID and district columns, for the rejects a re-match writes. */
	idColumn: string | null;
	districtColumn: string | null;
}

export interface RejectTable {
	importId: number;
	row: number;
	column: string | null;
	reason: string;
	/** The offending value, except in personal columns (ID number, name, phone, birth date). */
	value: string | null;
}

/** A registration that counts: one row per person per import (a view of import_row). */
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

/**
 * Every row of an export whose values are valid: the rows that count (`rejectReason` null, the
 * `registration` view) and those held back by their name or as a person's second row in the file,
 * kept so that a re-match (a new alias, a reviewer's decision) can let them in.
 */
export interface ImportRowTable extends Omit<RegistrationTable, 'territoryCode'> {
	/** Null while the district is unknown or ambiguous. */
	territoryCode: string | null;
	/** The names as written (name_text ids), null where the cell was blank. */
	districtName: number | null;
	communeName: number | null;
	workplaceName: number | null;
	groupName: number | null;
	/** Why the row does not count: unknown_district, ambiguous_district or duplicate; null if it counts. */
	rejectReason: string | null;
	/** The as-of date of the person's next counting row; null: none (pipeline/aggregate.ts). */
	nextAsOf: string | null;
}

/** A distinct text of a district, commune, workplace or group column, as written (cleaned). */
export interface NameTextTable {
	id: Generated<number>;
	field: NameField;
	raw: string;
}

/** A reviewer's answer for a name: a unit or group code, or null to ignore it. */
export interface NameDecisionTable {
	field: NameField;
	/** A commune's district code; '' otherwise. */
	scope: string;
	raw: string;
	code: string | null;
	decidedAt: ColumnType<string, string, never>;
	/** Who decided: the operating-system user of the command. */
	decidedBy: string;
}

/** The names no unit or group answers to, as the last match left them (JSON lists of candidates). */
export interface OpenNameTable {
	field: NameField;
	scope: string;
	raw: string;
	rows: number;
	imports: number;
	problem: 'unknown' | 'ambiguous';
	candidates: string;
	suggestions: string;
}

/** The groups (đối tượng) registrations are counted in, with their labels. */
export interface PersonGroupTable {
	code: string;
	nameVi: string;
	nameEn: string;
	position: number;
}

export interface SettingTable {
	key: string;
	value: string;
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
	importRow: ImportRowTable;
	activity: ActivityTable;
	progressDaily: ProgressDailyTable;
	progressUnitDaily: ProgressUnitDailyTable;
	unitImport: UnitImportTable;
	nameText: NameTextTable;
	nameDecision: NameDecisionTable;
	openName: OpenNameTable;
	personGroup: PersonGroupTable;
	setting: SettingTable;
}

export type UnitRow = Selectable<UnitTable>;
export type ImportRow = Selectable<ImportTable>;
export type RejectRow = Selectable<RejectTable>;
