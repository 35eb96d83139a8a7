/**
 * The dashboard keeps serving while the pipeline imports: it reads the live file, and sees the
 * new data once the pipeline has swapped its working copy in.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeLiveDatabases, liveDatabase } from '../../../src/lib/server/db.ts';
import { listImports } from '../../../src/lib/server/imports.ts';
import { freshDatabase, HEADER, row, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

afterAll(() => closeLiveDatabases());

describe('liveDatabase', () => {
	it('answers "no data" before the first import, then follows each swap', async () => {
		const { dir, db } = await freshDatabase();
		expect(await liveDatabase(path.join(dir, 'missing.duckdb'))).toBeNull();

		const first = await liveDatabase(db);
		expect(first).not.toBeNull();
		expect(await listImports(first!.kysely)).toEqual([]);

		const file = await writeCsv(path.join(dir, 'a.csv'), [
			['Tính đến ngày 30/06/2023'],
			HEADER,
			row(1)
		]);
		const result = await pipeline(['ingest', file, '--db', db]);
		expect(result.code, result.text).toBe(0);
		// The old handle still answers queries already under way…
		expect(await listImports(first!.kysely)).toEqual([]);
		// …and after the check interval the server reopens the new file.
		await new Promise((r) => setTimeout(r, 600));
		const second = await liveDatabase(db);
		expect(second).not.toBe(first);
		expect((await listImports(second!.kysely)).map((i) => i.file)).toEqual(['a.csv']);
	});
});
