/**
 * The writers lay out the model: the decree's blocks are there, the figures are the model's,
 * and not one count of a confidential unit reaches the Word, Excel or HTML file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatShare } from '../../../src/lib/format.ts';
import { reportDocx } from '../../../src/lib/server/report/docx.ts';
import { reportHtml } from '../../../src/lib/server/report/html.ts';
import { reportXlsx } from '../../../src/lib/server/report/xlsx.ts';
import { model, SECRET } from './fixtures.ts';
import { docxParagraphs, docxTables, frozenRow, tablesWithHeader, unzipText } from './ooxml.ts';

/** Every way a secret count could be written: raw, vi-VN, en-GB. */
const SECRET_FORMS = [
	...Object.values(SECRET),
	123_457,
	SECRET.recognised - SECRET.previousRecognised,
	SECRET.registered - SECRET.previousRegistered
].flatMap((n) => [String(n), formatNumber(n, 'vi'), formatNumber(n, 'en')]);

async function docx(lang: 'vi' | 'en' = 'vi') {
	const parts = await unzipText(await reportDocx(model(), lang));
	const xml = parts.get('word/document.xml')!;
	return { parts, xml, text: docxParagraphs(xml), tables: docxTables(xml) };
}

describe('the Word report', () => {
	it('has the decree header: issuing body, number, nation and motto, place and date', async () => {
		const { tables, xml } = await docx();
		const head = tables[0]!;
		expect(head[0]![0]).toBe('HỘI KHUYẾN HỌC\nTỈNH HÀ TĨNH\n');
		expect(head[0]![1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
		expect(head[1]![0]).toMatch(/^Số:\s+\/BC-HKH$/);
		expect(head[1]![1]).toBe('Hà Tĩnh, ngày 05 tháng 11 năm 2023');
		// The motto is bold and underlined, the date line in italics.
		expect(xml).toMatch(
			/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:u w:val="single"\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>Độc lập - Tự do - Hạnh phúc/s
		);
		expect(xml).toMatch(/<w:i\/>(?:(?!<w:t).)*<w:t[^>]*>Hà Tĩnh, ngày 05/s);
	});

	it('has the title, the simulated-data notice, "Nơi nhận" and the signature block', async () => {
		const { text, tables } = await docx();
		expect(text).toContain('BÁO CÁO');
		expect(text).toContain(
			'Tình hình thực hiện xây dựng mô hình Công dân học tập tháng 10 năm 2023'
		);
		expect(text.some((p) => p.startsWith('DỮ LIỆU MÔ PHỎNG'))).toBe(true);
		const sign = tables.at(-1)!;
		expect(sign[0]![0]).toMatch(/^Nơi nhận:\n- UBND tỉnh Hà Tĩnh \(để báo cáo\);/);
		expect(sign[0]![1]).toMatch(/^TM\. BAN THƯỜNG VỤ\nCHỦ TỊCH\n/);
	});

	it('writes the districts with their counts and the month’s change, in vi-VN formats', async () => {
		const { tables } = await docx();
		const [districts] = tablesWithHeader(tables, 'Đạt mới trong tháng');
		expect(districts![1]).toEqual([
			'1',
			'Huyện Can Lộc',
			'1.000',
			'700',
			'420',
			'+40',
			'42,0%',
			'+4,0',
			'✓ Đạt chỉ tiêu'
		]);
		expect(districts![2]!.slice(0, 8)).toEqual([
			'2',
			'Huyện Hương Khê',
			'2.000',
			'500',
			'300',
			'+100',
			'15,0%',
			'+5,0'
		]);
	});

	it('gives the armed forces shares only', async () => {
		const { tables, text } = await docx();
		const armed = tables.find((t) => t[1]?.[1] === 'Công an tỉnh')!;
		expect(armed[0]).toEqual([
			'TT',
			'Đơn vị',
			'Tỉ lệ đạt 30/09',
			'Tỉ lệ đạt',
			'Thay đổi (điểm %)',
			'Cần đạt theo tiến độ',
			'Tình trạng'
		]);
		expect(armed[1]!.slice(0, 5)).toEqual([
			'1',
			'Công an tỉnh',
			// Rounded to a whole percent, as every confidential share is published.
			formatShare(Math.round((SECRET.previousRecognised / SECRET.eligible) * 100) / 100, 'vi'),
			formatShare(Math.round((SECRET.recognised / SECRET.eligible) * 100) / 100, 'vi'),
			'+7,0'
		]);
		expect(text).toContain(
			'Số liệu của lực lượng vũ trang là mật: báo cáo chỉ nêu tỉ lệ phần trăm.'
		);
	});

	it('puts no confidential count in any part of the file', async () => {
		const { parts } = await docx();
		const all = [...parts.values()].join('\n');
		expect(all).toContain('1.000'); // the check can see numbers at all
		for (const form of SECRET_FORMS) expect(all).not.toContain(form);
	});

	it('writes English with en-GB numbers on --lang en', async () => {
		const { text, tables } = await docx('en');
		expect(tables[0]![0]![1]).toBe(
			'SOCIALIST REPUBLIC OF VIET NAM\nIndependence - Freedom - Happiness'
		);
		expect(tables[0]![1]![1]).toBe('Hà Tĩnh, 5 November 2023');
		expect(text).toContain('Progress in building the Learning Citizen model, October 2023');
		const [districts] = tablesWithHeader(tables, 'Recognised this month');
		expect(districts![2]!.slice(0, 7)).toEqual([
			'2',
			'Huyện Hương Khê',
			'2,000',
			'500',
			'300',
			'+100',
			'15.0%'
		]);
	});
});

describe('the Excel annex', () => {
	async function workbook() {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await reportXlsx(model(), 'vi')) as unknown as ArrayBuffer);
		return book;
	}

	it('has a sheet per kind of unit, with bold frozen headers, number formats and widths', async () => {
		const book = await workbook();
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'Toàn tỉnh',
			'Chỉ tiêu',
			'Huyện, thị xã, thành phố',
			'Xã, phường, thị trấn',
			'Sở, ban, ngành, đoàn thể',
			'Lực lượng vũ trang',
			'Chậm tiến độ'
		]);
		const sheet = book.getWorksheet('Huyện, thị xã, thành phố')!;
		const headerRow = frozenRow(sheet);
		const header = sheet.getRow(headerRow);
		expect(header.getCell(1).value).toBe('Mã');
		expect(header.font?.bold).toBe(true);
		const col = (name: string) => (header.values as unknown[]).indexOf(name);
		const d1 = sheet.getRow(headerRow + 1);
		expect(d1.getCell(col('Đơn vị')).value).toBe('Huyện Can Lộc');
		expect(d1.getCell(col('Số đối tượng')).value).toBe(1000);
		expect(d1.getCell(col('Số đối tượng')).numFmt).toBe('#,##0');
		expect(d1.getCell(col('Đạt danh hiệu')).value).toBe(420);
		expect(d1.getCell(col('Tỉ lệ đạt')).value).toBeCloseTo(0.42, 12);
		expect(d1.getCell(col('Tỉ lệ đạt')).numFmt).toBe('0.0%');
		expect(d1.getCell(col('Thay đổi (điểm %)')).value).toBe(4);
		expect(sheet.getColumn(col('Đơn vị')).width).toBe(38);
	});

	it('leaves the armed forces’ count columns out and no secret in any cell', async () => {
		const book = await workbook();
		const sheet = book.getWorksheet('Lực lượng vũ trang')!;
		const header = sheet.getRow(frozenRow(sheet)).values as unknown[];
		for (const name of [
			'Số đối tượng',
			'Đã đăng ký',
			'Đạt danh hiệu',
			'Đạt mới trong tháng',
			'Số người dự tập huấn'
		])
			expect(header).not.toContain(name);
		expect(header).toContain('Tỉ lệ đạt');
		const cells: string[] = [];
		book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value)))));
		expect(cells).toContain('1000');
		for (const form of SECRET_FORMS) expect(cells.some((c) => c.includes(form))).toBe(false);
	});
});

describe('the HTML report (for the PDF and the preview)', () => {
	it('has the same blocks and no secret', () => {
		const html = reportHtml(model(), 'vi');
		expect(html).toContain('<html lang="vi">');
		expect(html).toContain('HỘI KHUYẾN HỌC');
		expect(html).toContain('Hà Tĩnh, ngày 05 tháng 11 năm 2023');
		expect(html).toContain(
			'Tình hình thực hiện xây dựng mô hình Công dân học tập tháng 10 năm 2023'
		);
		expect(html).toContain('<td class="left">Huyện Can Lộc</td><td class="right">1.000</td>');
		for (const form of SECRET_FORMS) expect(html).not.toContain(form);
	});
});
