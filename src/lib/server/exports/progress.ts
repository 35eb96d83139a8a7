/**
 * The published per-unit figures for analysts, as CSV and as an Apache Arrow IPC file: one row
 * per unit, exactly the rows the pages get (a confidential unit's counts null, its shares
 * rounded). Columns have machine names and kinds, classes and flags their codes, so a script
 * does not depend on the interface language; the README lists them.
 */
import {
	Bool,
	DateDay,
	Float64,
	Int32,
	Table,
	Utf8,
	tableToIPC,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';
import { csvLines } from '../../csv.ts';
import type { UnitRow } from '../../rows.ts';
import type { View } from '../../view.ts';

/** text: Utf8; count: Int32; number: Float64 (shares 0–1, amounts); flag: Bool; date: a day. */
type Kind = 'text' | 'count' | 'number' | 'flag' | 'date';
type Value = string | number | boolean | null;

interface Column {
	name: string;
	kind: Kind;
	value: (row: UnitRow, view: View) => Value;
}

export const PROGRESS_COLUMNS: Column[] = [
	{ name: 'as_of', kind: 'date', value: (_, v) => v.asOf },
	{ name: 'preset', kind: 'text', value: (_, v) => v.preset },
	{ name: 'code', kind: 'text', value: (r) => r.code },
	{ name: 'name', kind: 'text', value: (r) => r.name },
	{ name: 'kind', kind: 'text', value: (r) => r.kind },
	{ name: 'parent', kind: 'text', value: (r) => r.parent },
	{ name: 'confidential', kind: 'flag', value: (r) => r.confidential },
	{ name: 'eligible', kind: 'count', value: (r) => r.eligible },
	{ name: 'registered', kind: 'count', value: (r) => r.registered },
	{ name: 'recognised', kind: 'count', value: (r) => r.recognised },
	{ name: 'has_rows', kind: 'flag', value: (r) => r.hasRows },
	{ name: 'share', kind: 'number', value: (r) => r.share },
	{ name: 'registered_share', kind: 'number', value: (r) => r.registeredShare },
	{ name: 'recognised_share', kind: 'number', value: (r) => r.recognisedShare },
	{ name: 'digital_share', kind: 'number', value: (r) => r.digitalShare },
	{ name: 'target', kind: 'number', value: (r) => r.threshold },
	{ name: 'deadline', kind: 'date', value: (r) => r.deadline },
	{ name: 'expected', kind: 'number', value: (r) => r.expected },
	{ name: 'projected', kind: 'number', value: (r) => r.projected },
	{ name: 'pace_class', kind: 'text', value: (r) => r.paceClass },
	{ name: 'flags', kind: 'text', value: (r) => r.flags.map((f) => f.kind).join(';') },
	{ name: 'severity', kind: 'count', value: (r) => r.severity },
	{ name: 'last_registration', kind: 'date', value: (r) => r.lastRegistration },
	{ name: 'trainings', kind: 'count', value: (r) => r.activity?.trainings ?? null },
	{ name: 'trained_people', kind: 'count', value: (r) => r.activity?.trainedPeople ?? null },
	{ name: 'budget', kind: 'flag', value: (r) => r.activity?.budget ?? null },
	{ name: 'budget_amount', kind: 'number', value: (r) => r.activity?.budgetAmount ?? null }
];

/** UTF-8 with a BOM, like the laggards CSV, so Excel shows the diacritics too. */
export function progressCsv(rows: UnitRow[], view: View): string {
	const cell = (v: Value) => (typeof v === 'boolean' ? String(v) : v);
	return (
		'\ufeff' +
		csvLines([
			PROGRESS_COLUMNS.map((c) => c.name),
			...rows.map((r) => PROGRESS_COLUMNS.map((c) => cell(c.value(r, view))))
		])
	);
}

const ARROW_TYPES: Record<Kind, () => DataType> = {
	text: () => new Utf8(),
	count: () => new Int32(),
	number: () => new Float64(),
	flag: () => new Bool(),
	date: () => new DateDay()
};

/** A day as Arrow's DateDay builder takes it: midnight UTC. */
const asDate = (v: Value) => (typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : null);

/** The same table as an Arrow IPC file (Feather v2), typed column by column. */
export function progressArrow(rows: UnitRow[], view: View): Uint8Array {
	const columns: Record<string, Vector> = {};
	for (const c of PROGRESS_COLUMNS) {
		const values = rows.map((r) => c.value(r, view));
		columns[c.name] = vectorFromArray(
			c.kind === 'date' ? values.map(asDate) : values,
			ARROW_TYPES[c.kind]()
		);
	}
	return tableToIPC(new Table(columns), 'file');
}
