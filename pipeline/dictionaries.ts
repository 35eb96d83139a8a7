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

async function distinctValues(
	connection: DuckDBConnection,
	expr: string
): Promise<{ value: string; rows: number }[]> {
	const reader = await connection.runAndReadAll(
		`SELECT ${expr} AS value, count(*)::INTEGER AS rows FROM ${STAGING} WHERE ${expr} IS NOT NULL GROUP BY 1`
	);
	return reader.getRowObjectsJson() as { value: string; rows: number }[];
}

async function writeTable(
	connection: DuckDBConnection,
	name: string,
	columns: Record<string, string>,
	rows: (string | number | boolean | null)[][]
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

	const districts = await distinctValues(connection, 'district');
	const districtCode = new Map<string, string | null>();
	await writeTable(
		connection,
		'dict_district',
		{ raw: 'VARCHAR', code: 'VARCHAR', problem: 'VARCHAR' },
		districts.map(({ value, rows }) => {
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
	);

	const pairs = (
		await connection.runAndReadAll(
			`SELECT district, commune, count(*)::INTEGER AS rows FROM ${STAGING}
		WHERE district IS NOT NULL AND commune IS NOT NULL GROUP BY 1, 2`
		)
	).getRowObjectsJson() as { district: string; commune: string; rows: number }[];
	await writeTable(
		connection,
		'dict_commune',
		{ district: 'VARCHAR', raw: 'VARCHAR', code: 'VARCHAR' },
		pairs.map(({ district, commune, rows }) => {
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
	);

	const workplaces = await distinctValues(connection, 'workplace');
	await writeTable(
		connection,
		'dict_workplace',
		{ raw: 'VARCHAR', code: 'VARCHAR' },
		workplaces.map(({ value, rows }) => {
			const m = matcher.organisation(value);
			if ('code' in m) return [value, m.code || null];
			report.unknownWorkplaces.push({ name: clean(value), rows, suggestions: [] });
			return [value, null];
		})
	);

	// Group, status and digital skills take one lookup per row together: few combinations occur.
	const labels = (
		await connection.runAndReadAll(
			`SELECT group_label, status, digital_skills, count(*)::INTEGER AS rows
			FROM ${STAGING} GROUP BY ALL`
		)
	).getRowObjectsJson() as {
		group_label: string | null;
		status: string | null;
		digital_skills: string | null;
		rows: number;
	}[];
	const unknownGroups = new Map<string, number>();
	await writeTable(
		connection,
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
		labels.map((l) => {
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
	);
	for (const [value, rows] of unknownGroups)
		report.unknownGroups.push({ name: clean(value), rows, suggestions: [] });

	const dates = await distinctValues(connection, 'registered_on');
	const recognised = await distinctValues(connection, 'recognised_on');
	const allDates = new Set([...dates, ...recognised].map((d) => d.value));
	await writeTable(
		connection,
		'dict_date',
		{ raw: 'VARCHAR', day: 'VARCHAR', blank: 'BOOLEAN' },
		[...allDates].map((value) => [value, parseDate(value, asOfYear), clean(value) === ''])
	);

	const births = await distinctValues(connection, 'birth_date');
	await writeTable(
		connection,
		'dict_birth',
		{ raw: 'VARCHAR', year: 'INTEGER' },
		births.map(({ value }) => [value, parseBirthYear(value, asOfYear)])
	);

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
