/**
 * Independent recounts for tests: straight from the registration rows, with none of the
 * aggregate tables or progress code the product uses, so a test comparing the two can fail.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface Recount {
	registered: number;
	recognised: number;
}

/**
 * People registered and recognised by `day` in a territory (commune or district code, or the
 * province) or an organisation, as known on `day`: each person's latest row from an import with
 * an as-of date on or before `day` (or their earliest row when `day` precedes every import).
 */
export async function recount(
	dbPath: string,
	day: string,
	unit: { code: string; kind: string }
): Promise<Recount> {
	const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
	const connection = await instance.connect();
	try {
		const firstAsOf = `(SELECT min(as_of) FROM import)`;
		const known = `coalesce((SELECT max(as_of) FROM import WHERE as_of <= DATE '${day}'), ${firstAsOf})`;
		const where =
			unit.kind === 'province'
				? 'TRUE'
				: unit.kind === 'district'
					? `(territory_code = '${unit.code}' OR territory_code IN (SELECT code FROM unit WHERE parent_code = '${unit.code}'))`
					: unit.kind === 'commune'
						? `territory_code = '${unit.code}'`
						: `(organisation_code = '${unit.code}' OR organisation_code IN (SELECT code FROM unit WHERE parent_code = '${unit.code}'))`;
		const reader = await connection.runAndReadAll(`
			WITH latest AS (
				SELECT r.*, i.as_of,
					row_number() OVER (PARTITION BY person_key ORDER BY i.as_of DESC, r.import_id DESC) AS k
				FROM registration r JOIN import i ON i.id = r.import_id
				WHERE i.as_of <= ${known}
			)
			SELECT
				count(*) FILTER (WHERE registered_on <= DATE '${day}')::INTEGER AS registered,
				count(*) FILTER (WHERE status = 'recognised' AND coalesce(recognised_on, as_of) <= DATE '${day}')::INTEGER AS recognised
			FROM latest WHERE k = 1 AND ${where}`);
		return reader.getRowObjectsJson()[0] as unknown as Recount;
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
