/**
 * Validate: decide for every staged row whether it loads, and if not the one reason why (the
 * first problem, in the order a person fixing the file would want them). Then key each valid row
 * by its person and mark later rows of the same person as duplicates.
 *
 * A district name that matches no unit (or more than one) is judged last: such a row is otherwise
 * valid, so it is kept, keyed, with its reason, and a later fix of the name (an alias, a
 * reviewer's decision) lets it in without the file.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IsoDate } from '../src/lib/dates.ts';
import type { RejectReason } from '../src/lib/rejects.ts';
import type { KeptField } from './read/fields.ts';
import { ID_PATTERN_SQL, ID_SEPARATORS_SQL } from './normalise.ts';
import { KEYED_ID_PREFIX, maskedValues } from './privacy.ts';
import { UNKNOWN_GROUP } from './names/vocabulary.ts';
import { STAGING } from './read/staging.ts';

/** Which column each reason points at; the value is shown unless the column is personal. */
const REASON_FIELD: Record<RejectReason, KeptField> = {
	missing_id: 'idNumber',
	malformed_id: 'idNumber',
	missing_district: 'district',
	unknown_district: 'district',
	ambiguous_district: 'district',
	missing_registered_date: 'registeredOn',
	bad_date: 'registeredOn',
	date_order: 'recognisedOn',
	future_date: 'registeredOn',
	missing_status: 'status',
	unknown_status: 'status',
	duplicate: 'idNumber'
};

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Reasons a row is held back by its district's name: kept, and re-judged by a re-match. */
export const NAME_REASONS = ['unknown_district', 'ambiguous_district'] as const;
/** Reasons written from the kept rows (names/rejects.ts), not from this stage. */
export const KEPT_REASONS: readonly RejectReason[] = [...NAME_REASONS, 'duplicate'];
const NAME_REASONS_SQL = NAME_REASONS.map((r) => `'${r}'`).join(', ');

/**
 * Builds `checked` (every row: its reject reason, if any, and for rows to keep the person key,
 * parsed values and name ids), `duplicate` (valid rows of a person already seen higher up) and
 * `rejected` (rows rejected for their values: row, reason, column and the value shown). Raw text
 * is not copied for every row: the few rejected rows look their values up in staging. The
 * connection must have `person_key` (person-key.ts). Staging's `person_key` is the key the CSV
 * reader computed; `keyedIds`: the reader wrote valid ID numbers in `id_number` as idToken's keys
 * (row files, short CSV rows, re-encoded CSVs: privacy.ts).
 */
export async function validate(
	connection: DuckDBConnection,
	asOf: IsoDate,
	labels: Partial<Record<KeptField, string>>,
	keyedIds = false
): Promise<void> {
	const keyed = keyedIds ? `regexp_full_match(id, '${KEYED_ID_PREFIX}[0-9a-f]{32}')` : 'false';
	const label = (field: KeptField) => sqlText(labels[field] ?? field);
	const asOfSql = `DATE ${sqlText(asOf)}`;
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE checked AS
		WITH parsed AS (
			SELECT s.row, s.id_number AS id_raw, s.person_key AS key_read,
				-- Most IDs are bare digits already: only the others are stripped of separators.
				CASE WHEN regexp_full_match(s.id_number, '${ID_PATTERN_SQL}')
					OR starts_with(s.id_number, '${KEYED_ID_PREFIX}') THEN s.id_number
					ELSE regexp_replace(s.id_number, '${ID_SEPARATORS_SQL}', '', 'g') END AS id,
				s.district IS NULL OR dd.problem = 'missing' AS district_missing,
				dd.code AS district_code, dd.problem AS district_problem,
				dc.code AS commune_code,
				dw.code AS organisation_code,
				dd.name AS district_name, dc.name AS commune_name, dw.name AS workplace_name,
				dl.group_name,
				dl.grp, dl.status, dl.status_missing, dl.digital AS digital_skills,
				db.year AS birth_year,
				s.registered_on IS NULL OR rd.blank AS registered_missing, rd.day::DATE AS registered_on,
				s.recognised_on IS NULL OR cd.blank AS recognised_missing, cd.day::DATE AS recognised_day
			FROM ${STAGING} s
			LEFT JOIN dict_district dd ON dd.raw = s.district
			LEFT JOIN dict_commune dc ON dc.district = s.district AND dc.raw = s.commune
			LEFT JOIN dict_workplace dw ON dw.raw = s.workplace
			LEFT JOIN dict_label dl ON dl.group_label IS NOT DISTINCT FROM s.group_label
				AND dl.status_raw IS NOT DISTINCT FROM s.status
				AND dl.digital_raw IS NOT DISTINCT FROM s.digital_skills
			LEFT JOIN dict_birth db ON db.raw = s.birth_date
			LEFT JOIN dict_date rd ON rd.raw = s.registered_on
			LEFT JOIN dict_date cd ON cd.raw = s.recognised_on
		),
		judged AS (
			SELECT *,
				CASE
					WHEN key_read IS NULL AND NOT coalesce(${keyed} OR regexp_full_match(id, '${ID_PATTERN_SQL}'), false) THEN
						-- Readers keep cells as written; a cell of spaces is as empty as a blank one.
						CASE WHEN coalesce(trim(id_raw), '') = '' THEN 'missing_id' ELSE 'malformed_id' END
					WHEN district_missing THEN 'missing_district'
					WHEN registered_missing THEN 'missing_registered_date'
					WHEN registered_on IS NULL THEN 'bad_date'
					WHEN status_missing THEN 'missing_status'
					WHEN status IS NULL THEN 'unknown_status'
					WHEN status = 'recognised' AND NOT recognised_missing AND recognised_day IS NULL THEN 'bad_date:recognised'
					WHEN registered_on > ${asOfSql} THEN 'future_date'
					WHEN status = 'recognised' AND recognised_day > ${asOfSql} THEN 'future_date:recognised'
					WHEN status = 'recognised' AND recognised_day < registered_on THEN 'date_order'
					WHEN district_problem = 'ambiguous' THEN 'ambiguous_district'
					WHEN district_code IS NULL THEN 'unknown_district'
				END AS problem
			FROM parsed
		)
		SELECT row, problem,
			-- The ID itself goes no further than this: kept rows keep its keyed hash only.
			CASE WHEN problem IS NULL OR problem IN (${NAME_REASONS_SQL}) THEN
				CASE WHEN key_read IS NOT NULL THEN key_read
					WHEN ${keyed} THEN substr(id, 2)::UUID ELSE person_key(id) END END AS person_key,
			coalesce(commune_code, district_code) AS territory_code, organisation_code,
			district_name, commune_name, workplace_name, group_name,
			coalesce(grp, '${UNKNOWN_GROUP}') AS grp, birth_year, registered_on, status,
			-- A date of assessment on a row that is not recognised says nothing about recognition.
			CASE WHEN status = 'recognised' THEN recognised_day END AS recognised_on,
			digital_skills
		FROM judged`);

	await connection.run(`
		CREATE OR REPLACE TEMP TABLE duplicate AS
		SELECT row FROM (
			SELECT row, row_number() OVER (PARTITION BY person_key ORDER BY row) AS nth
			FROM checked WHERE problem IS NULL
		) WHERE nth > 1`);

	const reasons = Object.keys(REASON_FIELD) as RejectReason[];
	const columnCase = reasons.map((r) => `WHEN '${r}' THEN ${label(REASON_FIELD[r])}`).join(' ');
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE rejected AS
		WITH problems AS (
			SELECT row, split_part(problem, ':', 1) AS reason,
				nullif(split_part(problem, ':', 2), '') AS column_override
			FROM checked WHERE problem IS NOT NULL AND problem NOT IN (${NAME_REASONS_SQL})
		)
		SELECT p.row, p.reason,
			CASE WHEN column_override = 'recognised' THEN ${label('recognisedOn')}
				ELSE CASE p.reason ${columnCase} END END AS "column",
			nfc_normalize(CASE
				WHEN p.reason IN ('missing_id', 'malformed_id') THEN NULL
				WHEN p.reason = 'missing_district' THEN nullif(trim(s.district), '')
				WHEN p.reason IN ('missing_status', 'unknown_status') THEN nullif(trim(s.status), '')
				WHEN column_override = 'recognised' OR p.reason = 'date_order' THEN nullif(trim(s.recognised_on), '')
				ELSE nullif(trim(s.registered_on), '')
			END) AS value
		FROM problems p JOIN ${STAGING} s ON s.row = p.row`);
	// A value that landed in the wrong column (a shifted row) may be an ID or a phone number.
	await maskedValues(connection, 'SELECT value FROM rejected');
	await connection.run(
		'UPDATE rejected SET value = m.masked FROM masked_value m WHERE rejected.value = m.raw'
	);
}
