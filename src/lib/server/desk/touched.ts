/**
 * The units an import's counted rows name directly: the territory (commune, else district) and
 * the organisation (agency, armed-force unit) of each row. A unit officer's scope is checked
 * against these, not against the ancestors the figures roll up to (every row reaches the
 * province).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface TouchedUnits {
	territory: string;
	organisation: string | null;
	rows: number;
}

export async function unitsTouched(
	db: Kysely<Database>,
	importId: number
): Promise<TouchedUnits[]> {
	const rows = await db
		.selectFrom('registration')
		.select((eb) => [
			'territoryCode as territory',
			'organisationCode as organisation',
			eb.fn.countAll<number>().as('rows')
		])
		.where('importId', '=', importId)
		.groupBy(['territoryCode', 'organisationCode'])
		.orderBy('territoryCode')
		.orderBy('organisationCode')
		.execute();
	return rows.map((r) => ({ ...r, rows: Number(r.rows) }));
}
