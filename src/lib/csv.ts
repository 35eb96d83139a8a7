/**
 * The one way this project writes CSV, for the dashboard's exports and the CLI alike. Fields are
 * quoted per RFC 4180, and text from data that a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, tab or CR — OWASP's rule) gets a leading `'`, so Excel shows it as
 * text. Numbers the code computes are passed as numbers and written as they are: a change of -3
 * stays a number.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted only when it must be (`"`, CR, LF or the delimiter inside). */
export function quoteCsvField(text: string, delimiter = ','): string {
	const needsQuote = text.includes('"') || /[\r\n]/.test(text) || text.includes(delimiter);
	return needsQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell: numbers as written, text neutralised against formula injection and quoted. */
export function csvCell(value: CsvValue, delimiter = ','): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
	return quoteCsvField(value, delimiter);
}

/** Whole lines, CRLF-terminated as RFC 4180 has them. */
export function csvLines(rows: CsvValue[][], delimiter = ','): string {
	return rows.map((row) => row.map((v) => csvCell(v, delimiter)).join(delimiter) + '\r\n').join('');
}

/**
 * The inverse for files we read back (the unit list `names export` writes): Excel drops the `'`
 * text prefix when it saves, and so do we when we read a file that still has it.
 */
export function stripTextPrefix(text: string): string {
	return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
