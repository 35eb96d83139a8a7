/**
 * The monthly report from a real database through the command line, opened again and checked
 * against figures counted straight from the registration rows (not the aggregates the product
 * reads), so a wrong sum, a wrong month or a leaked count fails here.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, formatShare } from '../../../src/lib/format.ts';
import { coarseShare } from '../../../src/lib/progress.ts';
import { todayInVietnam } from '../../../src/lib/server/report/load.ts';
import { placeDateLine, reportText } from '../../../src/lib/server/report/text.ts';
import { formatChange, formatPointsShort } from '../../../src/lib/meeting/changes.ts';
import { recount } from '../../support/recount.ts';
import { buildProvince, pipeline, type Province } from '../../support/province.ts';
import {
	docxParagraphs,
	docxTables,
	frozenRow,
	tablesWithHeader,
	unzipText
} from '../../unit/report/ooxml.ts';

interface UnitRecord {
	code: string;
	name: string;
	kind: string;
	parent: string | null;
	eligible: number | null;
	confidential: boolean;
}

let province: Province;
let units: UnitRecord[];
const MONTH = '2023-10';
const AS_OF = '2023-10-31';
const PREVIOUS = '2023-09-30';

async function readUnits(db: string): Promise<UnitRecord[]> {
	const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const connection = await instance.connect();
	try {
		const reader = await connection.runAndReadAll(
			'SELECT code, name, kind, parent_code AS parent, eligible, confidential FROM unit ORDER BY position'
		);
		return reader.getRowObjectsJson() as unknown as UnitRecord[];
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

async function report(format: string, lang = 'vi'): Promise<Buffer> {
	const file = path.join(province.dir, `report-${lang}.${format}`);
	const result = await pipeline([
		'report',
		'--month',
		MONTH,
		'--format',
		format,
		'--lang',
		lang,
		'--db',
		province.db,
		'--out',
		file
	]);
	expect(result.code, result.text).toBe(0);
	expect(result.lines.join('\n')).toContain(file);
	return readFileSync(file);
}

const of = (kind: string) =>
	units.filter(
		(u) => u.kind === kind && !units.some((p) => p.code === u.parent && p.kind === kind)
	);

beforeAll(async () => {
	province = await buildProvince(6000);
	units = await readUnits(province.db);
}, 240_000);

afterAll(() => rmSync(province.dir, { recursive: true, force: true }));

describe('report --format docx', () => {
	let text: string[];
	let tables: string[][][];

	beforeAll(async () => {
		const xml = (await unzipText(await report('docx'))).get('word/document.xml')!;
		text = docxParagraphs(xml);
		tables = docxTables(xml);
	}, 60_000);

	it('is laid out as an administrative document of the province', () => {
		expect(tables[0]![0]![0]).toBe('HỘI KHUYẾN HỌC\nTỈNH HÀ TĨNH\n');
		expect(tables[0]![1]![1]).toBe(placeDateLine('Hà Tĩnh', todayInVietnam(), 'vi'));
		expect(text).toContain(
			'Tình hình thực hiện xây dựng mô hình Công dân học tập tháng 10 năm 2023'
		);
		expect(text.some((p) => p.startsWith('Nơi nhận:'))).toBe(true);
	});

	it('gives the province’s figures and their change since 30/09/2023, as counted from the rows', async () => {
		const p = units.find((u) => u.kind === 'province')!;
		const now = await recount(province.db, AS_OF, p);
		const before = await recount(province.db, PREVIOUS, p);
		const sentence = text.find((x) => x.startsWith('Toàn tỉnh có'))!;
		expect(sentence).toBe(
			`Toàn tỉnh có ${formatNumber(p.eligible, 'vi')} công dân thuộc các nhóm đối tượng; đã đăng ký ${formatNumber(now.registered, 'vi')} người (${formatShare(now.registered / p.eligible!, 'vi')}), đạt danh hiệu Công dân học tập ${formatNumber(now.recognised, 'vi')} người (${formatShare(now.recognised / p.eligible!, 'vi')}).`
		);
		const change = text.find((x) => x.startsWith('So với ngày 30/09/2023'))!;
		expect(change).toContain(
			`số người đăng ký tăng ${formatNumber(now.registered - before.registered, 'vi')} người`
		);
		expect(change).toContain(
			`số người đạt danh hiệu tăng ${formatNumber(now.recognised - before.recognised, 'vi')} người`
		);
	});

	it('lists every district with its counts, new recognitions and share, as counted from the rows', async () => {
		const [table] = tablesWithHeader(tables, 'Đạt mới trong tháng');
		const rows = new Map(table!.slice(1).map((r) => [r[1]!, r]));
		const districts = of('district');
		expect(rows.size).toBe(districts.length);
		for (const d of districts) {
			const now = await recount(province.db, AS_OF, d);
			const before = await recount(province.db, PREVIOUS, d);
			const row = rows.get(d.name)!;
			expect(row.slice(2, 8), d.name).toEqual([
				formatNumber(d.eligible, 'vi'),
				formatNumber(now.registered, 'vi'),
				formatNumber(now.recognised, 'vi'),
				formatChange(now.recognised - before.recognised, 'vi'),
				formatShare(now.recognised / d.eligible!, 'vi'),
				formatPointsShort((now.recognised - before.recognised) / d.eligible!, 'vi')
			]);
		}
	});

	it('gives the armed forces their shares and nothing countable', async () => {
		const armed = of('armed_force');
		const table = tables.find(
			(t) => t[0]?.length === 7 && t[1]?.[1] === armed.find((a) => t[1]?.[1] === a.name)?.name
		)!;
		expect(table, 'the armed-forces table').toBeDefined();
		expect(table.length - 1).toBe(armed.length);
		const secrets: string[] = [];
		for (const unit of armed) {
			const now = await recount(province.db, AS_OF, unit);
			const row = table.find((r) => r[1] === unit.name)!;
			// As published: rounded to the unit's step (src/lib/progress.ts).
			const share = coarseShare(now.recognised / unit.eligible!, unit.eligible);
			if (share === null) expect(row[3]).not.toMatch(/\d/);
			else expect(row[3]).toBe(formatShare(share, 'vi'));
			secrets.push(
				...[unit.eligible!, now.registered, now.recognised]
					.filter((n) => n >= 10)
					.map((n) => formatNumber(n, 'vi'))
			);
		}
		// No cell next to an armed-force name holds a count, in any table of the report.
		for (const t of tables) {
			for (const row of t.filter((r) => armed.some((a) => r[1]?.startsWith(a.name)))) {
				for (const cell of row.slice(2)) expect(secrets, `${row[1]}: ${cell}`).not.toContain(cell);
			}
		}
	});

	it('explains every laggard', () => {
		const [laggards] = tablesWithHeader(tables, 'Nguyên nhân');
		expect(laggards!.length).toBeGreaterThan(1);
		for (const row of laggards!.slice(1)) expect(row[4]!.length, row[1]).toBeGreaterThan(5);
	});
});

describe('report --format xlsx', () => {
	let book: ExcelJS.Workbook;

	beforeAll(async () => {
		book = new ExcelJS.Workbook();
		await book.xlsx.load((await report('xlsx')) as unknown as ArrayBuffer);
	}, 60_000);

	function table(sheetName: string) {
		const sheet = book.getWorksheet(sheetName)!;
		const headerRow = frozenRow(sheet);
		const header = sheet.getRow(headerRow).values as unknown[];
		const rows: Record<string, unknown>[] = [];
		sheet.eachRow((row, n) => {
			if (n <= headerRow) return;
			const entries: [string, unknown][] = [];
			for (let i = 1; i < header.length; i++)
				entries.push([String(header[i]), row.getCell(i).value]);
			rows.push(Object.fromEntries(entries));
		});
		return { sheet, header, rows, headerRow };
	}

	it('has every agency with its counts, as numbers, as counted from the rows', async () => {
		const { rows, sheet, headerRow } = table('Sở, ban, ngành, đoàn thể');
		expect(sheet.getRow(headerRow).font?.bold).toBe(true);
		const agencies = units.filter((u) => u.kind === 'agency');
		expect(rows.length).toBe(agencies.length);
		for (const a of agencies) {
			const now = await recount(province.db, AS_OF, a);
			const row = rows.find((r) => r['Mã'] === a.code)!;
			expect(row['Số đối tượng'], a.name).toBe(a.eligible);
			expect(row['Đạt danh hiệu'], a.name).toBe(now.recognised);
			expect(row['Đã đăng ký'], a.name).toBe(now.registered);
		}
	});

	it('has a commune sheet covering every commune', () => {
		expect(table('Xã, phường, thị trấn').rows.length).toBe(
			units.filter((u) => u.kind === 'commune').length
		);
	});

	it('leaves the armed forces’ counts out', async () => {
		const { header, rows } = table('Lực lượng vũ trang');
		for (const name of ['Số đối tượng', 'Đã đăng ký', 'Đạt danh hiệu'])
			expect(header).not.toContain(name);
		const cells: unknown[] = [];
		book
			.getWorksheet('Lực lượng vũ trang')!
			.eachRow((r) => r.eachCell((c) => void cells.push(c.value)));
		for (const unit of units.filter((u) => u.confidential)) {
			const now = await recount(province.db, AS_OF, unit);
			const row = rows.find((r) => r['Mã'] === unit.code)!;
			const published = coarseShare(now.recognised / unit.eligible!, unit.eligible);
			// A unit with rows but too few people for a share says so, rather than "no data".
			const withheld = published === null && now.registered > 0;
			expect(row['Tỉ lệ đạt'] ?? null).toBe(withheld ? reportText('vi').withheld : published);
			for (const secret of [unit.eligible, now.registered, now.recognised].filter(
				(n) => n !== null && n >= 10
			))
				expect(cells).not.toContain(secret);
		}
	});
});

describe('report in English, as PDF, and its mistakes', () => {
	it('writes English with --lang en', async () => {
		const xml = (await unzipText(await report('docx', 'en'))).get('word/document.xml')!;
		const text = docxParagraphs(xml);
		expect(text).toContain('Progress in building the Learning Citizen model, October 2023');
		const p = units.find((u) => u.kind === 'province')!;
		const now = await recount(province.db, AS_OF, p);
		expect(text.find((x) => x.startsWith('The province has'))).toContain(
			`${formatNumber(now.recognised, 'en')} have been recognised`
		);
	});

	it.runIf(existsSync(process.env.CDHT_CHROMIUM ?? '/usr/bin/chromium'))(
		'prints the PDF with Chromium',
		async () => {
			const pdf = await report('pdf');
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThan(3);
		},
		60_000
	);

	it('says why there is no PDF without Chromium', async () => {
		process.env.CDHT_CHROMIUM = '/nonexistent/chromium';
		try {
			const result = await pipeline([
				'report',
				'--month',
				MONTH,
				'--format',
				'pdf',
				'--db',
				province.db,
				'--out',
				path.join(province.dir, 'x.pdf')
			]);
			expect(result.code).toBe(1);
			expect(result.errors.join('\n')).toContain('không tìm thấy Chromium ở /nonexistent/chromium');
			expect(existsSync(path.join(province.dir, 'x.pdf'))).toBe(false);
		} finally {
			delete process.env.CDHT_CHROMIUM;
		}
	});

	it('refuses a month without data and a malformed one', async () => {
		const later = await pipeline(['report', '--month', '2030-01', '--db', province.db]);
		expect(later.code).toBe(1);
		expect(later.errors.join('\n')).toContain('chưa có số liệu cho tháng 1/2030');
		expect((await pipeline(['report', '--month', '2023-1', '--db', province.db])).code).toBe(2);
		expect((await pipeline(['report', '--db', province.db])).code).toBe(2);
		expect(
			(await pipeline(['report', '--month', '2023-10', '--format', 'odt', '--db', province.db]))
				.code
		).toBe(2);
	});
});
