/**
 * Validate: decide for every staged row whether it loads, and if not the one reason why (the
 * first problem, in the order a person fixing the file would want them). Then key each valid row
 * by its person and mark later rows of the same person as duplicates.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IsoDate } from '../src/lib/dates.ts';
import type { RejectReason } from '../src/lib/rejects.ts';
import type { KeptField } from './read/fields.ts';
import { ID_PATTERN_SQL, ID_SEPARATORS_SQL } from './normalise.ts';
import { STAGING } from './read/staging.ts';
import { hmacUuidSql } from './secret.ts';

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

/**
 * Builds `checked` (every row with its parsed values and reject reason, if any) and `valid` (the
 * rows that load, keyed, with `nth` > 1 for repeated people).
 */
export async function validate(
	connection: DuckDBConnection,
	asOf: IsoDate,
	key: Buffer,
	labels: Partial<Record<KeptField, string>>
): Promise<void> {
	const label = (field: KeptField) => sqlText(labels[field] ?? field);
	const asOfSql = `DATE ${sqlText(asOf)}`;
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE checked AS
		WITH parsed AS (
			SELECT s.row,
				regexp_replace(s.id_number, '${ID_SEPARATORS_SQL}', '', 'g') AS id,
				-- Readers keep cells as written; a cell of spaces is as empty as a blank one.
				coalesce(trim(s.id_number), '') = '' AS id_missing,
				nullif(trim(s.district), '') AS district_raw, dd.code AS district_code, dd.problem AS district_problem,
				dc.code AS commune_code,
				dw.code AS organisation_code,
				coalesce(dg.grp, 'other') AS grp,
				db.year AS birth_year,
				nullif(trim(s.registered_on), '') AS registered_raw, rd.day::DATE AS registered_on,
				nullif(trim(s.recognised_on), '') AS recognised_raw, cd.day::DATE AS recognised_day,
				nullif(trim(s.status), '') AS status_raw, st.status,
				dk.value AS digital_skills
			FROM ${STAGING} s
			LEFT JOIN dict_district dd ON dd.raw = s.district
			LEFT JOIN dict_commune dc ON dc.district = s.district AND dc.raw = s.commune
			LEFT JOIN dict_workplace dw ON dw.raw = s.workplace
			LEFT JOIN dict_group dg ON dg.raw = s.group_label
			LEFT JOIN dict_birth db ON db.raw = s.birth_date
			LEFT JOIN dict_date rd ON rd.raw = s.registered_on
			LEFT JOIN dict_date cd ON cd.raw = s.recognised_on
			LEFT JOIN dict_status st ON st.raw = s.status
			LEFT JOIN dict_digital dk ON dk.raw = s.digital_skills
		)
		SELECT *,
			CASE
				WHEN id_missing THEN 'missing_id'
				WHEN NOT regexp_full_match(id, '${ID_PATTERN_SQL}') THEN 'malformed_id'
				WHEN district_raw IS NULL THEN 'missing_district'
				WHEN district_problem = 'ambiguous' THEN 'ambiguous_district'
				WHEN district_code IS NULL THEN 'unknown_district'
				WHEN registered_raw IS NULL THEN 'missing_registered_date'
				WHEN registered_on IS NULL THEN 'bad_date'
				WHEN status_raw IS NULL THEN 'missing_status'
				WHEN status IS NULL THEN 'unknown_status'
				WHEN status = 'recognised' AND recognised_raw IS NOT NULL AND recognised_day IS NULL THEN 'bad_date:recognised'
				WHEN registered_on > ${asOfSql} THEN 'future_date'
				WHEN status = 'recognised' AND recognised_day > ${asOfSql} THEN 'future_date:recognised'
				WHEN status = 'recognised' AND recognised_day < registered_on THEN 'date_order'
			END AS problem,
			-- A date of assessment on a row that is not recognised says nothing about recognition.
			CASE WHEN status = 'recognised' THEN recognised_day END AS recognised_on
		FROM parsed`);

	await connection.run(`
		CREATE OR REPLACE TEMP TABLE valid AS
		SELECT *, row_number() OVER (PARTITION BY person_key ORDER BY row) AS nth
		FROM (
			SELECT row, ${hmacUuidSql(key, 'id')} AS person_key, district_code, commune_code,
				organisation_code, grp, birth_year, registered_on, status, recognised_on, digital_skills
			FROM checked WHERE problem IS NULL
		)`);

	const reasons = Object.keys(REASON_FIELD) as RejectReason[];
	const columnCase = reasons.map((r) => `WHEN '${r}' THEN ${label(REASON_FIELD[r])}`).join(' ');
	await connection.run(`
		CREATE OR REPLACE TEMP TABLE rejected AS
		SELECT row, reason, "column", nfc_normalize(value) AS value
		FROM (
		SELECT row, reason,
			CASE WHEN column_override = 'recognised' THEN ${label('recognisedOn')}
				ELSE CASE reason ${columnCase} END END AS "column",
			CASE
				WHEN reason IN ('missing_id', 'malformed_id', 'duplicate') THEN NULL
				WHEN reason IN ('missing_district', 'unknown_district', 'ambiguous_district') THEN district_raw
				WHEN reason IN ('missing_status', 'unknown_status') THEN status_raw
				WHEN column_override = 'recognised' OR reason = 'date_order' THEN recognised_raw
				ELSE registered_raw
			END AS value
		FROM (
			SELECT *, split_part(problem, ':', 1) AS reason, nullif(split_part(problem, ':', 2), '') AS column_override
			FROM checked WHERE problem IS NOT NULL
			UNION ALL BY NAME
			SELECT row, 'duplicate' AS reason, NULL AS column_override
			FROM valid WHERE nth > 1
		))`);
}
