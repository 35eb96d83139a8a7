/**
 * Runs the normalise and match stages over the distinct values of the staged export and writes
 * the answers as small lookup tables the validate stage joins: a 1M-row file has a few thousand
 * distinct unit names and dates, so the per-row work stays in SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IsoDate } from '../src/lib/dates.ts';
import type { Candidate, NameField } from '../src/lib/names.ts';
import type { UnitMatcher } from './match.ts';
import { UNKNOWN_GROUP } from './names/vocabulary.ts';
import { parseBirthYear, parseDate, parseDigitalSkills, parseStatus } from './normalise.ts';
import { STAGING } from './read/staging.ts';
import { maskPersonal } from './privacy.ts';
import { writeTempTable, type TempColumnType, type TempRow } from './temp-table.ts';
import { clean } from './text.ts';

export interface NameWarning {
	/** The name as typed (cleaned). */
	name: string;
	rows: number;
	problem: 'unknown' | 'ambiguous';
	/** The units an ambiguous name could mean; the closest names to an unknown one. */
	suggestions: Candidate[];
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
/**
 * Numbers for the texts of the file's name columns (cleaned), local to this file: `file_name`
 * holds the texts, and only those of rows kept reach the database's name_text (load.ts), so a
 * rejected row's cells — which may hold anything — are never stored. A kept row's name can be
 * a phone or ID number too (a shifted row, held as an unknown district): its text is masked here,
 * so what is stored is what is shown.
 */
class FileNames {
	readonly #ids = new Map<string, number>();
	readonly rows: TempRow[] = [];

	local(field: NameField, value: string | null): number | null {
		const text = value === null ? '' : clean(value);
		if (text === '') return null;
		const key = `${field}|${text}`;
		let id = this.#ids.get(key);
		if (id === undefined) {
			id = this.#ids.size + 1;
			this.#ids.set(key, id);
			this.rows.push([field, id, maskPersonal(text)]);
		}
		return id;
	}
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
	const tables: [string, Record<string, TempColumnType>, TempRow[]][] = [];
	const names = new FileNames();

	const districts = await scans.districts;
	const districtName = (v: string) => names.local('district', v);
	const districtCode = new Map<string, string | null>();
	tables.push([
		'dict_district',
		{ raw: 'VARCHAR', name: 'INTEGER', code: 'VARCHAR', problem: 'VARCHAR' },
		districts.map(({ value, rows }): TempRow => {
			// A cell of spaces is as empty as a blank one.
			if (clean(value) === '') return [value, null, null, 'missing'];
			const m = matcher.district(value);
			if ('code' in m) {
				districtCode.set(value, m.code);
				return [value, districtName(value), m.code, null];
			}
			districtCode.set(value, null);
			if (m.problem !== 'ignored')
				report.unknownDistricts.push(warning(value, rows, m.problem, m.candidates));
			// An ignored district is still unknown: its rows stay out, it is just not listed again.
			return [
				value,
				districtName(value),
				null,
				m.problem === 'ambiguous' ? 'ambiguous' : 'unknown'
			];
		})
	]);

	const pairs = await scans.pairs;
	const communeName = (v: string) => names.local('commune', v);
	tables.push([
		'dict_commune',
		{ district: 'VARCHAR', raw: 'VARCHAR', name: 'INTEGER', code: 'VARCHAR' },
		pairs.map(({ district, commune, rows }): TempRow => {
			const parent = districtCode.get(district);
			if (!parent) return [district, commune, communeName(commune), null];
			if (clean(commune) === '') return [district, commune, null, null];
			const m = matcher.commune(parent, commune);
			if ('code' in m) return [district, commune, communeName(commune), m.code];
			if (m.problem !== 'ignored')
				report.unknownCommunes.push({
					...warning(commune, rows, m.problem, m.candidates),
					district: clean(district),
					code: parent
				});
			return [district, commune, communeName(commune), null];
		})
	]);

	const workplaces = await scans.workplaces;
	const workplaceName = (v: string) => names.local('workplace', v);
	tables.push([
		'dict_workplace',
		{ raw: 'VARCHAR', name: 'INTEGER', code: 'VARCHAR' },
		workplaces.map(({ value, rows }): TempRow => {
			if (clean(value) === '') return [value, null, null];
			const m = matcher.organisation(value);
			if ('code' in m) return [value, workplaceName(value), m.code || null];
			if (m.problem !== 'ignored')
				report.unknownWorkplaces.push(warning(value, rows, m.problem, m.candidates));
			return [value, workplaceName(value), null];
		})
	]);

	const labels = await scans.labels;
	const groupName = (v: string | null) => names.local('group', v);
	const unknownGroups = new Map<string, number>();
	tables.push([
		'dict_label',
		{
			group_label: 'VARCHAR',
			status_raw: 'VARCHAR',
			digital_raw: 'VARCHAR',
			group_name: 'INTEGER',
			grp: 'VARCHAR',
			status: 'VARCHAR',
			status_missing: 'BOOLEAN',
			digital: 'BOOLEAN'
		},
		labels.map((l): TempRow => {
			const label = clean(l.group_label ?? '');
			const m = label ? matcher.group(label) : null;
			if (m && 'problem' in m && m.problem !== 'ignored')
				unknownGroups.set(label, (unknownGroups.get(label) ?? 0) + l.rows);
			return [
				l.group_label,
				l.status,
				l.digital_skills,
				groupName(l.group_label),
				m && 'code' in m ? m.code : UNKNOWN_GROUP,
				l.status === null ? null : parseStatus(l.status),
				clean(l.status ?? '') === '',
				l.digital_skills === null ? null : parseDigitalSkills(l.digital_skills)
			];
		})
	]);
	for (const [name, rows] of unknownGroups)
		report.unknownGroups.push({ name, rows, problem: 'unknown', suggestions: [] });

	const dates = [...(await scans.registered), ...(await scans.recognised)];
	tables.push([
		'dict_date',
		{ raw: 'VARCHAR', day: 'VARCHAR', blank: 'BOOLEAN' },
		[...new Set(dates.map((d) => d.value))].map((value): TempRow => [
			value,
			parseDate(value, asOfYear),
			clean(value) === ''
		])
	]);

	tables.push([
		'dict_birth',
		{ raw: 'VARCHAR', year: 'INTEGER' },
		(await scans.births).map(({ value }): TempRow => [value, parseBirthYear(value, asOfYear)])
	]);
	tables.push(['file_name', { field: 'VARCHAR', local: 'INTEGER', text: 'VARCHAR' }, names.rows]);
	for (const [name, columns, rows] of tables) await writeTempTable(connection, name, columns, rows);

	const byRows = (a: NameWarning, b: NameWarning) =>
		b.rows - a.rows || a.name.localeCompare(b.name, 'vi');
	report.unknownDistricts.sort(byRows);
	report.unknownCommunes.sort(byRows);
	report.unknownWorkplaces.sort(byRows);
	report.unknownGroups.sort(byRows);
	// Suggestions cost a comparison per known name: only for the names a person will read.
	const suggest = (field: NameField, list: (NameWarning & { code?: string })[]) => {
		for (const w of list.slice(0, SUGGESTED))
			if (w.problem === 'unknown') w.suggestions = matcher.suggest(field, w.code ?? '', w.name);
	};
	suggest('district', report.unknownDistricts);
	suggest('commune', report.unknownCommunes);
	suggest('workplace', report.unknownWorkplaces);
	suggest('group', report.unknownGroups);
	return report;
}

function warning(
	value: string,
	rows: number,
	problem: 'unknown' | 'ambiguous',
	candidates: Candidate[]
): NameWarning {
	return { name: clean(value), rows, problem, suggestions: candidates };
}
