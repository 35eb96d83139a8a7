/**
 * The names still open across every import — districts that held rows back, communes, workplaces
 * and groups that matched nothing — with the rows that carry them and, for an unknown name, the
 * closest known ones. Written to `open_name` after every change, for the `names` command and the
 * imports page, which then need no matcher of their own.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { NameField, OpenName } from '../../src/lib/names.ts';
import type { Db } from '../../src/lib/server/db.ts';
import {
	listOpenNames,
	replaceOpenNames,
	replacePersonGroups
} from '../../src/lib/server/names.ts';
import type { Matching } from './context.ts';
import { UNKNOWN_GROUP } from './vocabulary.ts';

interface Counted {
	field: NameField;
	scope: string;
	raw: string;
	rows: number;
	imports: number;
}

const COUNTS = `
	WITH held AS (
		SELECT 'district' AS field, '' AS scope, district_name AS name, import_id
		FROM import_row WHERE reject_reason IN ('unknown_district', 'ambiguous_district')
		UNION ALL
		-- A commune that matched nothing leaves the row at its district.
		SELECT 'commune', r.territory_code, r.commune_name, r.import_id
		FROM import_row r JOIN unit u ON u.code = r.territory_code
		WHERE r.reject_reason IS NULL AND r.commune_name IS NOT NULL AND u.kind = 'district'
		UNION ALL
		SELECT 'workplace', '', workplace_name, import_id FROM import_row
		WHERE reject_reason IS NULL AND workplace_name IS NOT NULL AND organisation_code IS NULL
		UNION ALL
		SELECT 'group', '', group_name, import_id FROM import_row
		WHERE reject_reason IS NULL AND group_name IS NOT NULL AND "group" = '${UNKNOWN_GROUP}'
	)
	SELECT h.field, h.scope, n.raw, count(*)::INTEGER AS rows,
		count(DISTINCT h.import_id)::INTEGER AS imports
	FROM held h JOIN name_text n ON n.id = h.name
	GROUP BY ALL`;

/**
 * `unchanged`: nothing the matches depend on changed since the list was last written, so a name
 * already listed keeps its answer and suggestions (they cost a comparison with every unit; a
 * province's history holds a thousand school and company names).
 */
export async function refreshOpenNames(
	db: Db,
	connection: DuckDBConnection,
	{ matcher, vocabulary }: Matching,
	unchanged: boolean
): Promise<OpenName[]> {
	const counted = (
		await connection.runAndReadAll(COUNTS)
	).getRowObjectsJson() as unknown as Counted[];
	const key = (n: { field: string; scope: string; raw: string }) =>
		`${n.field}|${n.scope}|${n.raw}`;
	const known = new Map(unchanged ? (await listOpenNames(db.kysely)).map((n) => [key(n), n]) : []);
	const open: OpenName[] = [];
	for (const c of counted) {
		const listed = known.get(key(c));
		if (listed) {
			open.push({ ...listed, rows: c.rows, imports: c.imports });
			continue;
		}
		const m =
			c.field === 'district'
				? matcher.district(c.raw)
				: c.field === 'commune'
					? matcher.commune(c.scope, c.raw)
					: c.field === 'workplace'
						? matcher.organisation(c.raw)
						: matcher.group(c.raw);
		// Matched (a "no workplace" word, "Không rõ") or ignored by a reviewer: not open.
		if ('code' in m || m.problem === 'ignored') continue;
		open.push({
			...c,
			scopeName: '',
			problem: m.problem,
			candidates: m.candidates,
			suggestions: m.problem === 'unknown' ? matcher.suggest(c.field, c.scope, c.raw) : []
		});
	}
	open.sort((a, b) => b.rows - a.rows || a.raw.localeCompare(b.raw, 'vi'));
	await replaceOpenNames(db.kysely, open);
	await replacePersonGroups(db.kysely, vocabulary.groups);
	return open;
}
