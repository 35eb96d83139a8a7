/**
 * What personal values become before anything leaves memory: the ID number its person key, the
 * birth date only as much of it as the database keeps (the year), and in rejected rows and
 * messages any text that looks like an ID or phone number is masked, whichever column it is in.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ID_PATTERN_SQL, ID_SEPARATORS_SQL, parseDate } from './normalise.ts';
import type { PersonKeyer } from './person-key.ts';

/**
 * Starts an ID cell already keyed in JavaScript (XLSX row files): a control character, which
 * the row writer never lets through from a cell (see maskDigits), then the key's 32 hex digits.
 */
export const KEYED_ID_PREFIX = '\x01';
const ID_PATTERN = /^(\d{12}|\d{9})$/;
const ID_SEPARATORS = /[\s.-]/g;
const DIGEST = new Int32Array(4);

/**
 * An ID cell as the row file holds it: a valid ID its key (as validate.ts's person_key would
 * compute it), a blank one blank, anything else with its digits masked, so it is still refused
 * as malformed (or found a footer) without its value on disk.
 */
export function idToken(raw: string, keyer: PersonKeyer): string {
	const text = raw.trim();
	if (text === '') return '';
	const id = ID_PATTERN.test(text) ? text : text.replace(ID_SEPARATORS, '');
	if (!ID_PATTERN.test(id)) return maskDigits(text);
	const bytes = Buffer.from(id, 'latin1');
	keyer.digest(bytes, 0, bytes.length, DIGEST);
	let hex = KEYED_ID_PREFIX;
	for (const word of DIGEST) hex += (word >>> 0).toString(16).padStart(8, '0');
	return hex;
}

/** Digits as `#`, control characters dropped: the shape of a text, not its value. */
export function maskDigits(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\d/g, '#').replace(/[\x00-\x1f]/g, '');
}

/**
 * A birth date as just what normalise.ts's parseBirthYear needs to find the same year: the
 * year, or for a two-digit year (read by the as-of year's pivot, not known yet) the first of
 * January of it; '' for what is no date (the year is then unknown, as it would be).
 */
export function birthToken(raw: string): string {
	const text = raw.trim();
	if (/^\d{4}$/.test(text)) return text;
	const early = parseDate(text, 2000);
	const late = parseDate(text, 2099);
	if (!early || !late) return '';
	if (early === late) return early.slice(0, 4);
	return `01/01/${late.slice(2, 4)}`;
}

/**
 * idToken in SQL, for a column DuckDB reads (read/csv.ts), in two columns: `personKeySql` the
 * key of a valid ID (separators dropped as validate.ts drops them), from the reader's vectors
 * through `person_key()`, and `idTokenSql` what else the cell holds (NULL for a valid ID, a blank
 * as it is, digits masked), so that no table, not even a block DuckDB spills to disk under memory
 * pressure, holds an ID number. `keyed`: the column may hold idToken's keys (a re-encoded file).
 */
export function personKeySql(cell: string): string {
	const stripped = `regexp_replace(${cell}, '${ID_SEPARATORS_SQL}', '', 'g')`;
	return `CASE WHEN regexp_full_match(${cell}, '${ID_PATTERN_SQL}') THEN person_key(${cell})
		WHEN regexp_full_match(${stripped}, '${ID_PATTERN_SQL}') THEN person_key(${stripped}) END`;
}

export function idTokenSql(cell: string, keyed: boolean): string {
	const stripped = `regexp_replace(${cell}, '${ID_SEPARATORS_SQL}', '', 'g')`;
	return `CASE WHEN ${cell} IS NULL OR regexp_full_match(${cell}, '${ID_PATTERN_SQL}') THEN NULL
		${keyed ? `WHEN regexp_full_match(${cell}, '\\x01[0-9a-f]{32}') THEN ${cell}` : ''}
		WHEN regexp_full_match(${stripped}, '${ID_PATTERN_SQL}') THEN NULL
		WHEN trim(${cell}) = '' THEN ${cell}
		ELSE regexp_replace(regexp_replace(${cell}, '[0-9]', '#', 'g'), '[\\x00-\\x1f]', '', 'g') END`;
}

/**
 * birthToken in SQL (same forms as normalise.ts's parseDate: d/m/y with / - or ., y-m-d, an
 * optional time, Excel serials): the year, `01/01/yy` for a two-digit year, '' for no date.
 */
export function birthTokenSql(cell: string): string {
	// Written out each time they are used: DuckDB computes a repeated expression once.
	const trimmed = `regexp_replace(${cell}, '^\\s+|\\s+$', '', 'g')`;
	const day = `regexp_replace(${trimmed}, '[T\\s]+[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$', '')`;
	const dmy = `regexp_extract(${day}, '^([0-9]{1,2})\\s*[/.-]\\s*([0-9]{1,2})\\s*[/.-]\\s*([0-9]{2}|[0-9]{4})$', ['d', 'm', 'y'])`;
	const ymd = `regexp_extract(${day}, '^([0-9]{4})\\s*[/.-]\\s*([0-9]{1,2})\\s*[/.-]\\s*([0-9]{1,2})$', ['y', 'm', 'd'])`;
	// A day of the calendar, as isoFromParts checks it (no year below 100).
	const valid = (year: string, parts: string) =>
		`(${year} >= 100 AND try(make_date(${year}, (${parts}).m::INTEGER, (${parts}).d::INTEGER)) IS NOT NULL)`;
	const y = `(${dmy}).y`;
	const dmyToken = `CASE WHEN length(${y}) = 4 THEN CASE WHEN ${valid(`${y}::INTEGER`, dmy)} THEN ${y} END
			WHEN ${y} = '00' THEN CASE WHEN ${valid('2000', dmy)} THEN '2000' END
			WHEN ${valid(`1900 + ${y}::INTEGER`, dmy)} AND ${valid(`2000 + ${y}::INTEGER`, dmy)}
				THEN '01/01/' || ${y} END`;
	// Most birth dates are dd/mm/yyyy: those take one strptime, not the regular expressions.
	const common = `length(${cell}) = 10 AND substr(${cell}, 3, 1) = '/' AND substr(${cell}, 6, 1) = '/'
		AND substr(${cell}, 7, 2) <> '00' AND try_strptime(${cell}, '%d/%m/%Y') IS NOT NULL`;
	return `CASE WHEN ${cell} IS NULL THEN NULL
		WHEN ${common} THEN substr(${cell}, 7, 4)
		ELSE coalesce(CASE
			WHEN regexp_full_match(${trimmed}, '[0-9]{4}') THEN ${trimmed}
			WHEN ${y} <> '' THEN ${dmyToken}
			WHEN (${ymd}).y <> '' THEN CASE WHEN ${valid(`(${ymd}).y::INTEGER`, ymd)} THEN (${ymd}).y END
			WHEN regexp_full_match(${day}, '[0-9]{5}(\\.[0-9]+)?')
				THEN year(DATE '1899-12-30' + floor(${day}::DOUBLE)::INTEGER)::VARCHAR
		END, '') END`;
}

// An ID (9 or 12 digits) or a phone number (10–11 digits, +84 or 0 first), spaces, dots or
// dashes allowed between digits; any run of 9 or more digits is masked whatever it is.
const PERSONAL_NUMBER = /(?:\+\s?84|(?<!\d)\d)(?:[\s.-]?\d){8,}(?!\d)/g;

/**
 * Masks every number in a text that could be an ID or a phone number: all but the first two and
 * the last two digits become `*` (04********67), separators dropped.
 */
export function maskPersonal(text: string): string {
	return text.replace(PERSONAL_NUMBER, (match) => {
		const digits = match.replace(/[^\d+]/g, '');
		const head = digits.startsWith('+') ? 3 : 2;
		return digits.slice(0, head) + '*'.repeat(digits.length - head - 2) + digits.slice(-2);
	});
}

/** A prefilter in SQL (RE2) for the texts maskPersonal changes. */
const PERSONAL_NUMBER_SQL = String.raw`(\+\s?84|[0-9])([\s.\-]?[0-9]){8,}`;

/**
 * `masked_value (raw, masked)`: the texts of `values` (a query of one column `value`) that hold
 * an ID or phone number, with maskPersonal's mask. A TEMP table: in memory, never in the file.
 */
export async function maskedValues(connection: DuckDBConnection, values: string): Promise<void> {
	const read = await connection.runAndReadAll(
		`SELECT DISTINCT value FROM (${values}) WHERE regexp_matches(value, '${PERSONAL_NUMBER_SQL}')`
	);
	await connection.run(
		'CREATE OR REPLACE TEMP TABLE masked_value (raw VARCHAR PRIMARY KEY, masked VARCHAR)'
	);
	const appender = await connection.createAppender('masked_value');
	try {
		for (const [raw] of read.getRows() as [string][]) {
			appender.appendVarchar(raw);
			appender.appendVarchar(maskPersonal(raw));
			appender.endRow();
		}
	} finally {
		appender.closeSync();
	}
}

/**
 * A library's error text fit to print: DuckDB's CSV errors end with the "Original Line" they
 * choked on, a whole row of a person's values; that goes, and numbers that may be an ID or a
 * phone are masked in the rest.
 */
export function safeDetail(text: string): string {
	return maskPersonal(text.replace(/\s*original line:[\s\S]*$/i, '')).trim();
}
