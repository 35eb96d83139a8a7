/**
 * How the staging rows cross from the reading process to the loading one: CSV through a named
 * pipe, every value quoted, so an empty text ("") and a missing one (nothing) stay apart.
 */
import { KEPT_FIELDS } from './fields.ts';
import { STAGING, stagingColumn } from './staging.ts';

const COLUMNS: [string, string][] = [
	['row', 'INTEGER'],
	...KEPT_FIELDS.map((f): [string, string] => [stagingColumn(f), 'VARCHAR']),
	['person_key', 'UUID']
];

/**
 * The longest staging row: readCsv takes lines up to 4 MiB, and a row's CSV here can be longer
 * than the line it came from (quotes around every value, a quote in a value doubled, the person
 * key longer than the ID number): at most twice it, and a little.
 */
const MAX_ROW_BYTES = 2 * 4 * 2 ** 20 + 4096;

function quoted(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

export const stagingTransfer = {
	writeSql(pipe: string): string {
		const names = COLUMNS.map(([name]) => `"${name}"`).join(', ');
		return `COPY (SELECT ${names} FROM ${STAGING}) TO ${quoted(pipe)}
			(FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', FORCE_QUOTE *)`;
	},
	readSql(pipe: string): string {
		const columns = COLUMNS.map(([name, type]) => `'${name}': '${type}'`).join(', ');
		return `SELECT * FROM read_csv(${quoted(pipe)}, header = false, auto_detect = false,
			delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false,
			max_line_size = ${MAX_ROW_BYTES}, buffer_size = ${2 * MAX_ROW_BYTES}, columns = {${columns}})`;
	}
};
