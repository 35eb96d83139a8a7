/**
 * Runs the normalise and match stages over the distinct values of the staged export and writes
 * the answers as small lookup tables the validate stage joins: a 1M-row file has a few thousand
 * distinct unit names and dates, so the per-row work stays in SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IsoDate } from '../src/lib/dates.ts';
import { UnitMatcher } from './match.ts';
import {
	parseBirthYear,
	parseDate,
	parseDigitalSkills,
	parseGroup,
	parseStatus
} from './normalise.ts';
import { STAGING } from './read/staging.ts';
import { clean } from './text.ts';

export interface NameWarning {
	/** The name as typed (cleaned). */
	name: string;
	rows: number;
	suggestions: string[];
}

/** Unknown names per list that get "did you mean" suggestions (the most frequent ones). */
const SUGGESTED = 20;

export interface DictionaryReport {
	unknownDistricts: NameWarning[];
	/** `code` is the district the commune was looked for in. */
	unknownCommunes: (NameWarning & { district: string; code: string })[];
	unknownWorkplaces: NameWarning[];
	unknownGroups: NameWarning[];
}

const distinct = (column: string) =>
	`SELECT ${column} AS value, count(*)::INTEGER AS rows FROM ${STAGING} WHERE ${column} IS NOT NULL GROUP BY 1`;

async function rowsOf<T>(connection: DuckDBConnection, sql: string): Promise<T[]> {
	return (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
}

type Counted = { value: string; rows: number };
type Row = (string | number | boolean | null)[];

async function writeTable(
	connection: DuckDBConnection,
	name: string,
	columns: Record<string, string>,
	rows: Row[]
): Promise<void> {
	const ddl = Object.entries(columns)
		.map(([c, t]) => `${c} ${t}`)
		.join(', ');
	await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (${ddl})`);
	if (rows.length === 0) return;
	const appender = await connection.createAppender(name);
	const types = Object.values(columns);
	for (const row of rows) {
		row.forEach((value, i) => {
			if (value === null) appender.appendNull();
			else if (types[i] === 'INTEGER') appender.appendInteger(value as number);
			else if (types[i] === 'BOOLEAN') appender.appendBoolean(value as boolean);
			else appender.appendVarchar(String(value));
		});
		appender.endRow();
	}
	appender.closeSync();
}

export async function buildDictionaries(
	connection: DuckDBConnection,
	matcher: UnitMatcher,
	asOf: IsoDate
): Promise<DictionaryReport> {
	const report: DictionaryReport = {
		unknownDistricts: [],
		unknownCommunes: [],
		unknownWorkplaces: [],
		unknownGroups: []
	};
	const asOfYear = Number(asOf.slice(0, 4));
	// Every scan is queued at once: DuckDB runs them one after another on its own threads while
	// the matching below works through the answers already in. The tables are written last, as
	// writing waits for the connection.
	const scans = {
		districts: rowsOf<Counted>(connection, distinct('district')),
		pairs: rowsOf<{ district: string; commune: string; rows: number }>(
			connection,
			`SELECT district, commune, count(*)::INTEGER AS rows FROM ${STAGING}
			WHERE district IS NOT NULL AND commune IS NOT NULL GROUP BY 1, 2`
		),
		workplaces: rowsOf<Counted>(connection, distinct('workplace')),
		// Group, status and digital skills take one lookup per row together: few combinations occur.
		labels: rowsOf<{
			group_label: string | null;
			status: string | null;
			digital_skills: string | null;
			rows: number;
		}>(
			connection,
			`SELECT group_label, status, digital_skills, count(*)::INTEGER AS rows
			FROM ${STAGING} GROUP BY ALL`
		),
		registered: rowsOf<Counted>(connection, distinct('registered_on')),
		recognised: rowsOf<Counted>(connection, distinct('recognised_on')),
		births: rowsOf<Counted>(connection, distinct('birth_date'))
	};
	// Each is awaited below, where a failure is thrown; until then it must not count as unhandled.
	for (const scan of Object.values(scans)) scan.catch(() => {});
	const tables: [string, Record<string, string>, Row[]][] = [];

	const districtCode = new Map<string, string | null>();
	tables.push([
		'dict_district',
		{ raw: 'VARCHAR', code: 'VARCHAR', problem: 'VARCHAR' },
		(await scans.districts).map(({ value, rows }): Row => {
			// A cell of spaces is as empty as a blank one.
			if (clean(value) === '') return [value, null, 'missing'];
			const m = matcher.district(value);
			if ('code' in m) {
				districtCode.set(value, m.code);
				return [value, m.code, null];
			}
			districtCode.set(value, null);
			if (m.problem === 'unknown')
				report.unknownDistricts.push({ name: clean(value), rows, suggestions: [] });
			return [value, null, m.problem];
		})
	]);

	tables.push([
		'dict_commune',
		{ district: 'VARCHAR', raw: 'VARCHAR', code: 'VARCHAR' },
		(await scans.pairs).map(({ district, commune, rows }): Row => {
			const parent = districtCode.get(district);
			if (!parent) return [district, commune, null];
			const m = matcher.commune(parent, commune);
			if ('code' in m) return [district, commune, m.code];
			report.unknownCommunes.push({
				name: clean(commune),
				district: clean(district),
				rows,
				suggestions: [],
				code: parent
			});
			return [district, commune, null];
		})
	]);

	tables.push([
		'dict_workplace',
		{ raw: 'VARCHAR', code: 'VARCHAR' },
		(await scans.workplaces).map(({ value, rows }): Row => {
			const m = matcher.organisation(value);
			if ('code' in m) return [value, m.code || null];
			report.unknownWorkplaces.push({ name: clean(value), rows, suggestions: [] });
			return [value, null];
		})
	]);

	const unknownGroups = new Map<string, number>();
	tables.push([
		'dict_label',
		{
			group_label: 'VARCHAR',
			status_raw: 'VARCHAR',
			digital_raw: 'VARCHAR',
			grp: 'VARCHAR',
			status: 'VARCHAR',
			status_missing: 'BOOLEAN',
			digital: 'BOOLEAN'
		},
		(await scans.labels).map((l): Row => {
			const group = l.group_label === null ? 'other' : parseGroup(l.group_label);
			if (group === 'other' && l.group_label !== null)
				unknownGroups.set(l.group_label, (unknownGroups.get(l.group_label) ?? 0) + l.rows);
			return [
				l.group_label,
				l.status,
				l.digital_skills,
				group,
				l.status === null ? null : parseStatus(l.status),
				clean(l.status ?? '') === '',
				l.digital_skills === null ? null : parseDigitalSkills(l.digital_skills)
			];
		})
	]);
	for (const [value, rows] of unknownGroups)
		report.unknownGroups.push({ name: clean(value), rows, suggestions: [] });

	const dates = [...(await scans.registered), ...(await scans.recognised)];
	tables.push([
		'dict_date',
		{ raw: 'VARCHAR', day: 'VARCHAR', blank: 'BOOLEAN' },
		[...new Set(dates.map((d) => d.value))].map((value): Row => [
			value,
			parseDate(value, asOfYear),
			clean(value) === ''
		])
	]);

	tables.push([
		'dict_birth',
		{ raw: 'VARCHAR', year: 'INTEGER' },
		(await scans.births).map(({ value }): Row => [value, parseBirthYear(value, asOfYear)])
	]);
	for (const [name, columns, rows] of tables) await writeTable(connection, name, columns, rows);

	const byRows = (a: NameWarning, b: NameWarning) => b.rows - a.rows;
	report.unknownDistricts.sort(byRows);
	report.unknownCommunes.sort(byRows);
	report.unknownWorkplaces.sort(byRows);
	report.unknownGroups.sort(byRows);
	// Suggestions cost an edit distance per known name: only for the names a person will read.
	for (const w of report.unknownDistricts.slice(0, SUGGESTED))
		w.suggestions = matcher.suggestDistrict(w.name);
	for (const w of report.unknownCommunes.slice(0, SUGGESTED))
		w.suggestions = matcher.suggestCommune(w.code, w.name);
	for (const w of report.unknownWorkplaces.slice(0, SUGGESTED))
		w.suggestions = matcher.suggestOrganisation(w.name);
	return report;
}
