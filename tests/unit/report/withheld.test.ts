/**
 * A confidential unit too small to have its share published (fewer than 20 people): every
 * format of the report says the share is withheld, never that there is no data.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unitProgress, type UnitProgress } from '../../../src/lib/progress.ts';
import { reportDocx } from '../../../src/lib/server/report/docx.ts';
import { reportHtml } from '../../../src/lib/server/report/html.ts';
import { targetsTable, unitsTable } from '../../../src/lib/server/report/present.ts';
import { reportText } from '../../../src/lib/server/report/text.ts';
import { reportXlsx } from '../../../src/lib/server/report/xlsx.ts';
import type { Unit } from '../../../src/lib/units.ts';
import { AS_OF, current, model, PRESET, PREVIOUS, previous } from './fixtures.ts';
import { docxParagraphs, frozenRow, unzipText } from './ooxml.ts';

const SMALL: Unit = {
	code: 'F1',
	name: 'Công an tỉnh',
	kind: 'armed_force',
	parent: 'P',
	eligible: 15,
	confidential: true,
	aliases: []
};

/** The armed force replaced by one of 15 people, with data on both days. */
function small(units: UnitProgress[], day: string, recognised: number): UnitProgress[] {
	const counts = {
		registered: 12,
		recognised,
		digital: 1,
		registeredWindowAgo: 10,
		recognisedWindowAgo: recognised - 1,
		digitalWindowAgo: 0,
		lastRegistration: day
	};
	return units.map((u) => (u.code === 'F1' ? unitProgress(SMALL, counts, null, PRESET, day) : u));
}

const withheldModel = () =>
	model({ current: small(current(), AS_OF, 9), previous: small(previous(), PREVIOUS, 7) });

describe.each(['vi', 'en'] as const)('a withheld confidential share in the report (%s)', (lang) => {
	const w = reportText(lang);

	it('is withheld in the tables the writers lay out, with a withheld status', () => {
		const m = withheldModel();
		const armed = unitsTable(m.units.armed_force, lang, true, m.previousAsOf);
		const row = armed.rows[0]!.map((c) => c.text);
		expect(row[1]).toBe('Công an tỉnh');
		expect(row.slice(2, 4)).toEqual([w.withheld, w.withheld]);
		expect(row[6]).toContain(lang === 'vi' ? 'Không công bố' : 'Withheld');
		const target = targetsTable(m, lang).rows.find((r) => r[1]!.text.includes('armed'))!;
		expect(target.slice(3, 5).map((c) => c.text)).toEqual([w.withheld, w.withheld]);
		expect(JSON.stringify([armed, target])).not.toContain(w.noData);
	});

	it('says withheld in the Word and HTML files', async () => {
		const html = reportHtml(withheldModel(), lang);
		expect(html).toContain(w.withheld);
		const xml = (await unzipText(await reportDocx(withheldModel(), lang))).get(
			'word/document.xml'
		)!;
		expect(docxParagraphs(xml).join('\n')).toContain(w.withheld);
	});

	it('says withheld in the Excel annex, in the share cells', async () => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await reportXlsx(withheldModel(), lang)) as unknown as ArrayBuffer);
		const sheet = book.worksheets.find(
			(s) => s.name === (lang === 'vi' ? 'Lực lượng vũ trang' : 'Armed forces')
		)!;
		const headerRow = frozenRow(sheet);
		const header = sheet.getRow(headerRow).values as unknown[];
		const row = sheet.getRow(headerRow + 1);
		expect(row.getCell(header.indexOf(w.columns.share)).value).toBe(w.withheld);
		expect(row.getCell(header.indexOf(w.columns.previousShare(PREVIOUS))).value).toBe(w.withheld);
	});
});
