/**
 * The staging table every reader fills: one row per data row of the export, the kept fields as
 * raw text, and the row number the user sees in Excel. Personal columns other than the ID number
 * (name, phone) are never staged; the ID number only lives here until it is hashed.
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
	await connection.run(`CREATE OR REPLACE TEMP TABLE ${STAGING} (row INTEGER, ${columns})`);
}
