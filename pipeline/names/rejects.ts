/**
 * The rejects that follow from the kept rows — an unknown or ambiguous district, a person's second
 * row in a file — and each import's counts: written after a load and again after every re-match,
 * from the rows themselves, so they always agree with what counts.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { HEADER_SYNONYMS } from '../read/fields.ts';
import { maskedValues } from '../privacy.ts';
import { KEPT_REASONS } from '../validate.ts';

const KEPT_SQL = KEPT_REASONS.map((r) => `'${r}'`).join(', ');
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `import_id IN (…)` for the given imports, or every import. */
function scope(column: string, imports: number[] | 'all'): string {
	if (imports === 'all') return 'TRUE';
	if (imports.length === 0) return 'FALSE';
	return `${column} IN (${imports.map((id) => Math.trunc(id)).join(', ')})`;
}

/**
 * Rewrites the rejects of the kept rows and the counts of the given imports. Each import's rows
 * read are fixed; accepted = read − rejected, whatever a re-match moved.
 */
export async function writeKeptRejects(
	connection: DuckDBConnection,
	imports: number[] | 'all'
): Promise<void> {
	await connection.run(
		`DELETE FROM reject WHERE reason IN (${KEPT_SQL}) AND ${scope('import_id', imports)}`
	);
	// Imports written before the header labels were kept fall back to the usual labels.
	const idLabel = quote(HEADER_SYNONYMS.idNumber[0]!);
	const districtLabel = quote(HEADER_SYNONYMS.district[0]!);
	// A name that is an ID or phone number (a shifted row) is shown masked.
	await maskedValues(connection, 'SELECT raw AS value FROM name_text');
	await connection.run(`
		INSERT INTO reject
		SELECT r.import_id, r.row,
			CASE WHEN r.reject_reason = 'duplicate' THEN coalesce(i.id_column, ${idLabel})
				ELSE coalesce(i.district_column, ${districtLabel}) END,
			r.reject_reason,
			CASE WHEN r.reject_reason = 'duplicate' THEN NULL ELSE coalesce(m.masked, n.raw) END
		FROM import_row r JOIN import i ON i.id = r.import_id
		LEFT JOIN name_text n ON n.id = r.district_name
		LEFT JOIN masked_value m ON m.raw = n.raw
		WHERE r.reject_reason IS NOT NULL AND ${scope('r.import_id', imports)}`);
	await connection.run(`
		UPDATE import SET
			rows_rejected = c.rejected,
			rows_accepted = import.rows_read - c.rejected,
			rows_duplicate = c.duplicate,
			status = CASE WHEN c.rejected > 0 THEN 'loaded_with_rejects' ELSE 'loaded' END
		FROM (
			SELECT i.id, count(j.row)::INTEGER AS rejected,
				count(j.row) FILTER (WHERE j.reason = 'duplicate')::INTEGER AS duplicate
			FROM import i LEFT JOIN reject j ON j.import_id = i.id
			WHERE ${scope('i.id', imports)} GROUP BY i.id
		) c
		WHERE import.id = c.id`);
}
