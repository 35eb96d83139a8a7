/**
 * The CSV reader on real files and a real DuckDB: DuckDB's parallel reader for ordinary exports,
 * the serial one for files whose records it cannot account for, the same rows and row numbers
 * either way.
 */
import { PersonKeyer, registerPersonKey } from '../../../pipeline/person-key.ts';
import { idToken, KEYED_ID_PREFIX } from '../../../pipeline/privacy.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryConnection } from '../../support/database.ts';
import { readCsv } from '../../../pipeline/read/csv.ts';
import { createStaging, STAGING } from '../../../pipeline/read/staging.ts';
import { ImportError } from '../../../pipeline/errors.ts';

const HEADER = 'STT,Họ và tên,Số CCCD,Huyện,Xã,Ngày đăng ký,Trạng thái';
const dir = mkdtempSync(path.join(tmpdir(), 'csv-read-'));
const db = memoryConnection();
const KEY = Buffer.alloc(32, 3);
const keyer = new PersonKeyer(KEY);

/**
 * Reads `lines` as a file; the rows staged, each ID shown as the number of the file it is the
 * key of (staging holds keys only: the read query keys them, or the rows added in JavaScript).
 */
async function read(name: string, lines: string[], newline = '\r\n') {
	const file = path.join(dir, name);
	writeFileSync(file, lines.join(newline));
	registerPersonKey(db(), KEY);
	await createStaging(db());
	const result = await readCsv(file, db(), dir, keyer);
	const ids = new Map(
		lines.flatMap((l) => l.match(/\d{12}/g) ?? []).map((id) => [idToken(id, keyer), id])
	);
	const rows = (
		await db().runAndReadAll(
			`SELECT row, coalesce(id_number, chr(1) || replace(person_key::VARCHAR, '-', '')) AS id,
				district, commune FROM ${STAGING} ORDER BY row`
		)
	)
		.getRowObjectsJson()
		.map((r): Record<string, unknown> => ({ ...r, id: ids.get(r.id as string) ?? r.id }));
	for (const r of rows) expect(String(r.id)).not.toContain(KEYED_ID_PREFIX);
	return { reader: result.reader, rows };
}

const data = (n: number, extra = '') =>
	`${n},Người ${n},0420000000${String(n).padStart(2, '0')},Huyện Can Lộc,Xã Xuân Lộc,01/02/2023,Đạt${extra}`;

describe('reading a CSV export', () => {
	it('numbers rows as Excel does around titles, empty lines, quoted line breaks and totals', async () => {
		const { reader, rows } = await read('ordinary.csv', [
			'DANH SÁCH CÔNG DÂN',
			'Tính đến ngày 31/07/2023',
			'',
			HEADER,
			data(1),
			'2,"Người\r\nhai",042000000002,Huyện Can Lộc,Xã Xuân Lộc,01/02/2023,Đạt',
			'',
			'',
			data(3),
			'',
			'Tổng cộng: 3',
			'Người lập biểu',
			''
		]);
		expect(reader).toBe('parallel');
		expect(rows.map((r) => [r.row, r.id])).toEqual([
			[5, '042000000001'],
			[6, '042000000002'],
			[9, '042000000003'],
			[11, null],
			[12, null]
		]);
	});

	it('keeps a data row written without its trailing empty cells, at its row', async () => {
		const { reader, rows } = await read(
			'short.csv',
			['Tiêu đề', HEADER, data(1), '2,Người hai,042000000002,Huyện Can Lộc', data(3)],
			'\n'
		);
		expect(reader).toBe('parallel');
		expect(rows).toEqual([
			{ row: 3, id: '042000000001', district: 'Huyện Can Lộc', commune: 'Xã Xuân Lộc' },
			{ row: 4, id: '042000000002', district: 'Huyện Can Lộc', commune: null },
			{ row: 5, id: '042000000003', district: 'Huyện Can Lộc', commune: 'Xã Xuân Lộc' }
		]);
	});

	it('reads a quote inside unquoted text as a character, as Excel does', async () => {
		const lines = ['Danh sách "đợt 1', 'năm 2023"', HEADER, data(1), '', data(2)];
		const { reader, rows } = await read('stray-quote.csv', lines);
		expect(reader).toBe('parallel');
		expect(rows.map((r) => [r.row, r.id])).toEqual([
			[4, '042000000001'],
			[6, '042000000002']
		]);
	});

	it('numbers rows with an empty line after every one (the serial reader)', async () => {
		const body = Array.from({ length: 3000 }, (_, i) => [data(i + 1), '']).flat();
		const { reader, rows } = await read('spaced.csv', ['Tiêu đề', HEADER, ...body]);
		expect(reader).toBe('serial');
		expect(rows).toHaveLength(3000);
		expect(rows.every((r, i) => r.row === 3 + 2 * i)).toBe(true);
		// 14 digits: no ID, staged with its digits masked.
		expect(rows.at(-1)).toMatchObject({ row: 6001, id: '##############' });
	});

	it('reads the same rows with the serial reader when many rows are short', async () => {
		const body = Array.from({ length: 5000 }, (_, i) =>
			i % 997 === 5
				? ''
				: i % 1500 === 7
					? `${i},"tên\ncó dòng",0420${String(i).padStart(8, '0')},H,X,1/2/2023,Đạt`
					: data(i)
		);
		const lines = ['Tiêu đề', HEADER, ...body, 'Tổng cộng'];
		const parallel = await read('large.csv', lines);
		// The same rows without the status column's trailing cell, in 1,200 of them.
		const trimmed = lines.map((l, i) => (i > 2 && i < 1203 ? l.replace(/,Đạt$/, '') : l));
		const serial = await read('large-short.csv', trimmed);
		expect(parallel.reader).toBe('parallel');
		expect(serial.reader).toBe('serial');
		expect(serial.rows).toEqual(parallel.rows);
		expect(parallel.rows).toHaveLength(5000 - 6 + 1);
		expect(parallel.rows[0]).toEqual({
			row: 3,
			id: '042000000000',
			district: 'Huyện Can Lộc',
			commune: 'Xã Xuân Lộc'
		});
	});

	it('refuses a file with an unclosed quote, naming the problem', async () => {
		const error = await read('unclosed.csv', [
			HEADER,
			data(1),
			'2,"Người hai,0420,H,X,1/2/2023,Đạt',
			data(3)
		]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).key).toBe('csv_unclosed_quote');
		expect((error as ImportError).place).toEqual({
			file: 'unclosed.csv',
			row: 3,
			column: 'Họ và tên'
		});
	});
});
