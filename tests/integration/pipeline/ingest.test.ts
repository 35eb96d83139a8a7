/**
 * The whole ingest on the demo generator's exports: seven snapshots in seven shapes (XLSX with
 * one- and two-row headers, CSV in UTF-8 with and without BOM, UTF-16 tab-separated,
 * Windows-1258 with semicolons, decomposed Unicode), every row accounted for.
 */
import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { query as queryDatabase } from '../../support/database.ts';
import { REJECT_REASONS } from '../../../src/lib/rejects.ts';
import { buildProvince, pipeline, type Province } from '../../support/province.ts';
import { recount } from '../../support/recount.ts';

let province: Province;

const query = <T>(sql: string) => queryDatabase<T>(province.db, sql);

beforeAll(async () => {
	province = await buildProvince(6000);
});

describe('ingest of the seven demo snapshots', () => {
	it('reads every data row of every shape: read = generated, read = accepted + rejected', async () => {
		const imports = await query<{
			file: string;
			as_of: string;
			rows_read: number;
			rows_accepted: number;
			rows_rejected: number;
		}>(
			'SELECT file, as_of::VARCHAR AS as_of, rows_read, rows_accepted, rows_rejected FROM import ORDER BY id'
		);
		expect(imports.map((i) => i.as_of)).toEqual(province.generated.exports.map((e) => e.asOf));
		imports.forEach((i, n) => {
			expect(i.rows_read, i.file).toBe(province.generated.exports[n]!.rows);
			expect(i.rows_accepted + i.rows_rejected, i.file).toBe(i.rows_read);
		});
	});

	it('rejects each kind of bad row with its reason, row and column', async () => {
		const reasons = await query<{ reason: string; n: number }>(
			'SELECT reason, count(*)::INTEGER AS n FROM reject GROUP BY reason'
		);
		const found = new Set(reasons.map((r) => r.reason));
		for (const reason of [
			'missing_id',
			'malformed_id',
			'unknown_district',
			'ambiguous_district',
			'unknown_status',
			'bad_date',
			'duplicate'
		] as const) {
			expect(found.has(reason), reason).toBe(true);
		}
		expect([...found].every((r) => (REJECT_REASONS as readonly string[]).includes(r))).toBe(true);
		const sample = await query<{
			row: number;
			column: string;
			value: string | null;
			reason: string;
		}>(`SELECT row, "column", value, reason FROM reject ORDER BY import_id, row`);
		for (const r of sample) {
			expect(r.row).toBeGreaterThan(3); // below the title rows and the header
			expect(r.column).not.toBe('');
			if (r.reason === 'missing_id' || r.reason === 'malformed_id' || r.reason === 'duplicate')
				expect(r.value).toBeNull();
		}
		const unknown = sample.find((r) => r.reason === 'unknown_district');
		expect(unknown?.value).toBe('Huyện Thạch Kim Sơn');
		expect(unknown?.column).toMatch(/huy[eệ]n/i);
	});

	it('never stores names, phone numbers or ID numbers', async () => {
		const columns = await query<{ table_name: string; column_name: string }>(
			"SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('registration', 'reject', 'import')"
		);
		const names = columns.map((c) => c.column_name);
		for (const personal of ['name', 'full_name', 'phone', 'id_number', 'birth_date', 'cccd'])
			expect(names).not.toContain(personal);
		const keys = await query<{ k: string }>(
			'SELECT person_key::VARCHAR AS k FROM registration LIMIT 5'
		);
		for (const { k } of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
	});

	it('counts as the registrations say, per unit and per day (progress --json against a recount)', async () => {
		for (const day of ['2023-12-31', '2023-10-15', '2023-07-10', '2023-03-01']) {
			const result = await pipeline(['progress', '--as-of', day, '--json', '--db', province.db]);
			expect(result.code).toBe(0);
			const doc = JSON.parse(result.lines.join('\n')) as {
				asOf: string;
				units: {
					code: string;
					kind: string;
					registered: number | null;
					recognised: number | null;
					confidential: boolean;
					share: number | null;
				}[];
			};
			expect(doc.asOf).toBe(day);
			const sample = doc.units.filter((u) =>
				['42', '443', '444', '449', '18070', 'SLDTBXH', 'CTHUE', 'STP'].includes(u.code)
			);
			expect(sample.length).toBe(8);
			for (const unit of sample) {
				const expected = await recount(province.db, day, unit);
				expect({
					code: unit.code,
					registered: unit.registered,
					recognised: unit.recognised
				}).toEqual({ code: unit.code, ...expected });
			}
		}
	});

	it('keeps confidential counts out of progress --json', async () => {
		const result = await pipeline(['progress', '--json', '--db', province.db]);
		const doc = JSON.parse(result.lines.join('\n')) as {
			units: {
				code: string;
				confidential: boolean;
				eligible: unknown;
				registered: unknown;
				recognised: unknown;
				share: number | null;
			}[];
		};
		const armed = doc.units.filter((u) => u.confidential);
		expect(armed.map((u) => u.code).sort()).toEqual(['BCHQS', 'BDBP', 'CAT']);
		for (const u of armed) {
			expect([u.eligible, u.registered, u.recognised]).toEqual([null, null, null]);
			// Published only rounded (whole percents or coarser), or held back for a small unit.
			if (u.share !== null) expect(u.share * 100).toBeCloseTo(Math.round(u.share * 100), 9);
		}
	});

	it('changes nothing when the same file is imported again, and says so', async () => {
		const before = statSync(province.db);
		const result = await pipeline([
			'ingest',
			province.generated.exports[2]!.file,
			'--db',
			province.db
		]);
		expect(result.code).toBe(0);
		expect(result.text).toContain('đã nhập trước đây (lượt #3');
		expect(result.text).toContain(`Không có gì mới để nhập; ${province.db} không thay đổi.`);
		const after = statSync(province.db);
		expect([after.ino, after.size]).toEqual([before.ino, before.size]);
	});

	it('prints the summary in English with --lang en', async () => {
		const result = await pipeline([
			'ingest',
			province.generated.exports[0]!.file,
			'--db',
			province.db,
			'--lang',
			'en'
		]);
		expect(result.text).toContain(
			'already imported (import #1, as of 30/06/2023); nothing changed'
		);
	});
});
