/**
 * The staging table every reader fills: one row per data row of the export, the kept fields as
 * text, and the row number the user sees in Excel. Names and phones are never staged; the ID
 * number is staged as its person key, either in `person_key` (the CSV reader keys it in its read
 * query) or as idToken's text in `id_number` (privacy.ts), which then holds only what is not a
 * valid ID, its digits masked.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { KEPT_FIELDS, type KeptField } from './fields.ts';

export const STAGING = 'staging';

const COLUMN: Record<KeptField, string> = {
	idNumber: 'id_number',
	district: 'district',
	commune: 'commune',
	workplace: 'workplace',
	group: 'group_label',
	registeredOn: 'registered_on',
	status: 'status',
	recognisedOn: 'recognised_on',
	digitalSkills: 'digital_skills',
	birthDate: 'birth_date'
};

export function stagingColumn(field: KeptField): string {
	return COLUMN[field];
}

export async function createStaging(connection: DuckDBConnection): Promise<void> {
	const columns = KEPT_FIELDS.map((f) => `${COLUMN[f]} VARCHAR`).join(', ');
	await connection.run(
		`CREATE OR REPLACE TEMP TABLE ${STAGING} (row INTEGER, ${columns}, person_key UUID)`
	);
}
