/**
 * Small hand-made exports for tests that need one particular shape, encoding or defect.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDemoConfig } from '../../pipeline/demo/config.ts';
import { createCsvWriter, type CsvEncoding } from '../../pipeline/demo/csv-writer.ts';
import { buildDemoUnits, unitsCsv } from '../../pipeline/demo/units.ts';
import { createXlsxWriter, type WriteCell } from '../../pipeline/demo/xlsx-writer.ts';
import { pipeline } from './province.ts';

export const HEADER = [
	'STT',
	'Họ và tên',
	'Số CCCD',
	'Xã/Phường/Thị trấn',
	'Huyện/Thị xã/Thành phố',
	'Cơ quan/đơn vị công tác',
	'Ngày đăng ký',
	'Trạng thái',
	'Ngày công nhận'
];

/** A synthetic 12-digit ID number for person `n`. */
export const id = (n: number) => `0420900${String(n).padStart(5, '0')}`;

/** A registration row in HEADER's order. */
export function row(
	n: number,
	fields: Partial<{
		id: string;
		commune: string;
		district: string;
		workplace: string;
		registered: string;
		status: string;
		recognised: string;
	}> = {}
): string[] {
	return [
		String(n),
		`Người Thử ${n}`,
		fields.id ?? id(n),
		fields.commune ?? 'Thị trấn Nghèn',
		fields.district ?? 'Huyện Can Lộc',
		fields.workplace ?? '',
		fields.registered ?? '01/07/2023',
		fields.status ?? 'Đạt',
		fields.recognised ?? (fields.status && fields.status !== 'Đạt' ? '' : '15/07/2023')
	];
}

export async function writeCsv(
	file: string,
	lines: string[][],
	options: { encoding?: CsvEncoding; delimiter?: string } = {}
): Promise<string> {
	const writer = createCsvWriter(file, {
		encoding: options.encoding ?? 'utf8',
		delimiter: options.delimiter ?? ','
	});
	for (const line of lines) await writer.writeRow(line);
	await writer.close();
	return file;
}

export async function writeXlsx(file: string, lines: WriteCell[][]): Promise<string> {
	const writer = await createXlsxWriter(file, { sheetName: 'Danh sách' });
	await writer.writeRows(lines.map((cells) => ({ cells })));
	await writer.close();
	return file;
}

/** A fresh database holding the Hà Tĩnh unit list, in a temp dir. */
export async function freshDatabase(): Promise<{ dir: string; db: string }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-test-'));
	const units = path.join(dir, 'units.csv');
	writeFileSync(units, unitsCsv(buildDemoUnits(loadDemoConfig())));
	const db = path.join(dir, 'cdht.duckdb');
	const result = await pipeline(['units', units, '--db', db]);
	if (result.code !== 0) throw new Error(result.text);
	return { dir, db };
}
