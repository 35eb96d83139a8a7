/**
 * A district text that matched nothing is kept (so that a later alias can let its rows in), but a
 * shifted row can put a phone or ID number there: it is stored masked, as it is shown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabase, HEADER, row, writeCsv, writeXlsx } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

describe('an unmatched name that is a phone or ID number', () => {
	for (const format of ['csv', 'xlsx'] as const)
		it(`is stored masked in the database file (${format})`, async () => {
			const { dir, db } = await freshDatabase();
			const lines = [
				['Tính đến ngày 31/12/2023'],
				HEADER,
				row(1),
				// Held back by their district (unknown), so their names are kept.
				row(2, { district: '0912 345 678' }),
				row(3, { district: '079123456780' }),
				row(4, { district: 'ĐT 0987.654.321', workplace: 'Hộ 0966112233' })
			];
			const file =
				format === 'csv'
					? await writeCsv(path.join(dir, 'shifted.csv'), lines)
					: await writeXlsx(path.join(dir, 'shifted.xlsx'), lines);
			const ingest = await pipeline(['ingest', file, '--db', db]);
			expect(ingest.code, ingest.text).toBe(0);
			const bytes = readFileSync(db).toString('latin1');
			for (const value of ['345 678', '912345678', '23456780', '654.321', '987654321', '66112233'])
				expect(bytes.includes(value), value).toBe(false);
			// What it stored is what it shows.
			const names = await pipeline(['names', '--db', db]);
			expect(names.text).toContain('09******78');
			expect(names.text).toContain('07********80');
			expect(names.text).toContain('ĐT 09******21');
		});
});
