import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_FIELDS } from '../../../../pipeline/read/fields.ts';
import { loadRows, RowFile } from '../../../../pipeline/read/row-file.ts';
import { PersonKeyer } from '../../../../pipeline/person-key.ts';
import { idToken } from '../../../../pipeline/privacy.ts';
import { createStaging, STAGING } from '../../../../pipeline/read/staging.ts';

describe('row file', () => {
	it('hands rows to staging as written: line breaks kept, separators blanked, empty as NULL', async () => {
		const keyer = new PersonKeyer(Buffer.alloc(32, 1));
		const file = new RowFile(path.join(mkdtempSync(path.join(tmpdir(), 'rows-')), 'x.rows'), keyer);
		const rows: (string | null)[][] = [
			[
				'042001234567',
				'Huyện Can Lộc',
				'Xã\nXuân Lộc',
				'Sở "Y tế"',
				null,
				'',
				'Đạt',
				'a\x1fb',
				'c\x02d',
				'1990'
			],
			['1', 'a\r\nb', null, null, null, null, null, null, null, '']
		];
		rows.forEach((values, i) => {
			file.start(10 + i);
			values.forEach((v) => file.field(v));
			file.end();
		});
		file.close();
		expect(file.rows).toBe(2);
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		try {
			await createStaging(connection);
			await loadRows(connection, file);
			const staged = (
				await connection.runAndReadAll(`SELECT * EXCLUDE (person_key) FROM ${STAGING} ORDER BY row`)
			).getRows();
			expect(staged).toEqual([
				[
					10,
					...[
						// The ID as its key, the birth date as its year: nothing personal on disk.
						idToken('042001234567', keyer),
						'Huyện Can Lộc',
						'Xã\nXuân Lộc',
						'Sở "Y tế"',
						null,
						null,
						'Đạt',
						'a b',
						'c d',
						'1990'
					]
				],
				[11, ...['#', 'a\r\nb', null, null, null, null, null, null, null, null]]
			]);
			expect(KEPT_FIELDS).toHaveLength(10);
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
	});
});
