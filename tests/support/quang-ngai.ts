/**
 * A small Quảng Ngãi for the names tests: real unit names (GSO, public facts) where they make the
 * cases — Bình Sơn's two communes Bình Thạnh and Bình Thanh, Lý Sơn without communes — and a few
 * agencies and armed-force units, with round synthetic eligible counts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { HEADER } from './exports.ts';
import { pipeline } from './province.ts';
import { recount } from './recount.ts';

/** An export's header with the group column, as the names tests write them. */
export const QUANG_NGAI_HEADER = [...HEADER.slice(0, 6), 'Đối tượng', ...HEADER.slice(6)];

export const QUANG_NGAI_UNITS = [
	'code,name,kind,parent,eligible,confidential,aliases',
	'51,Tỉnh Quảng Ngãi,province,,3000,false,',
	'524,Huyện Bình Sơn,district,51,1000,false,',
	'527,Huyện Sơn Tịnh,district,51,1000,false,',
	'536,Huyện Lý Sơn,district,51,1000,false,',
	'21040,Thị trấn Châu Ổ,commune,524,300,false,',
	'21046,Xã Bình Thạnh,commune,524,300,false,',
	'21091,Xã Bình Thanh,commune,524,300,false,',
	'21175,Xã Tịnh Thọ,commune,527,500,false,',
	'21178,Xã Tịnh Trà,commune,527,500,false,',
	'CAT,Công an tỉnh,armed_force,51,200,true,',
	'BDBP,Bộ Chỉ huy Bộ đội Biên phòng tỉnh,armed_force,51,100,true,',
	'CTHUE,Cục Thuế tỉnh,agency,51,50,false,',
	'SGDDT,Sở Giáo dục và Đào tạo,agency,51,40,false,',
	'SLDTBXH,Sở Lao động - Thương binh và Xã hội,agency,51,40,false,',
	'SYT,Sở Y tế,agency,51,40,false,'
].join('\n');

export async function quangNgaiDatabase(): Promise<{ dir: string; db: string; units: string }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-quang-ngai-'));
	const units = path.join(dir, 'units.csv');
	writeFileSync(units, QUANG_NGAI_UNITS + '\n');
	const db = path.join(dir, 'cdht.duckdb');
	const result = await pipeline(['units', units, '--db', db]);
	if (result.code !== 0) throw new Error(result.text);
	return { dir, db, units };
}

export interface ProgressUnit {
	code: string;
	kind: string;
	confidential: boolean;
	registered: number | null;
	recognised: number | null;
	share: number | null;
}

export async function progressOf(db: string, day?: string): Promise<ProgressUnit[]> {
	const result = await pipeline([
		'progress',
		'--json',
		'--db',
		db,
		...(day ? ['--as-of', day] : [])
	]);
	expect(result.code, result.text).toBe(0);
	return (JSON.parse(result.lines.join('\n')) as { units: ProgressUnit[] }).units;
}

/** `progress --json` against an independent recount from the rows, for every unit. */
export async function expectProgressIsRecount(db: string, day?: string): Promise<ProgressUnit[]> {
	const units = await progressOf(db, day);
	const asOf = day ?? (await lastAsOf(db));
	for (const unit of units) {
		if (unit.confidential) continue;
		const expected = await recount(db, asOf, unit);
		expect({ code: unit.code, registered: unit.registered, recognised: unit.recognised }).toEqual({
			code: unit.code,
			...expected
		});
	}
	return units;
}

async function lastAsOf(db: string): Promise<string> {
	const result = await pipeline(['progress', '--json', '--db', db]);
	return (JSON.parse(result.lines.join('\n')) as { asOf: string }).asOf;
}

/** Registered and recognised counts by unit code (non-confidential units). */
export function countsByCode(units: ProgressUnit[]): Record<string, [number, number]> {
	return Object.fromEntries(
		units.filter((u) => !u.confidential).map((u) => [u.code, [u.registered!, u.recognised!]])
	);
}
