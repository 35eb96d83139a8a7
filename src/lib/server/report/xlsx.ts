/**
 * The report's annex as a workbook: the province, the targets, one sheet per kind of unit and
 * the laggards. Numbers stay numbers (Excel formats them in the reader's locale); headers bold
 * and frozen, columns sized. Confidential units have no count columns at all.
 */
import ExcelJS from 'exceljs';
import { explainFlag, flagLabel } from '../../explain.ts';
import type { Lang } from '../../format.ts';
import { t } from '../../i18n/index.ts';
import { CLASS_STYLE } from '../../palette.ts';
import type { ReportModel, ReportUnit } from './model.ts';
import { kindTitle, reportText } from './text.ts';

type Value = string | number | Date | null;

interface Column<T> {
	header: string;
	width: number;
	value: (row: T) => Value;
	format?: string;
	/** Fills the cell in the unit's class colour. */
	status?: boolean;
}

const FORMAT = {
	count: '#,##0',
	change: '+#,##0;-#,##0;0',
	share: '0.0%',
	whole: '0%',
	points: '+0.0;-0.0;0.0',
	date: 'dd/mm/yyyy'
};

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const points = (change: number | null) => (change === null ? null : Math.round(change * 1000) / 10);

function unitColumns(model: ReportModel, lang: Lang, confidential: boolean): Column<ReportUnit>[] {
	const c = reportText(lang).columns;
	const w = reportText(lang);
	const names = new Map(
		Object.values(model.units)
			.flat()
			.map((u) => [u.code, u.name])
	);
	names.set(model.province.code, model.province.name);
	const counts: Column<ReportUnit>[] = [
		{ header: c.eligible, width: 13, value: (u) => u.eligible, format: FORMAT.count },
		{ header: c.registered, width: 13, value: (u) => u.registered, format: FORMAT.count },
		{ header: c.newRegistered, width: 13, value: (u) => u.registeredChange, format: FORMAT.change },
		{ header: c.recognised, width: 13, value: (u) => u.recognised, format: FORMAT.count },
		{ header: c.newRecognised, width: 13, value: (u) => u.recognisedChange, format: FORMAT.change }
	];
	const activity: Column<ReportUnit>[] = [
		{
			header: c.trainings,
			width: 11,
			value: (u) => u.activity?.trainings ?? null,
			format: FORMAT.count
		},
		{
			header: c.trainedPeople,
			width: 11,
			value: (u) => u.activity?.trainedPeople ?? null,
			format: FORMAT.count
		},
		{
			header: c.budget,
			width: 14,
			value: (u) =>
				u.activity === null || u.activity.budget === null
					? w.notRecorded
					: u.activity.budget
						? w.yes
						: w.no
		}
	];
	return [
		{ header: c.code, width: 11, value: (u) => u.code },
		{ header: c.unit, width: 38, value: (u) => u.name },
		{
			header: c.parent,
			width: 26,
			value: (u) => (u.parent ? (names.get(u.parent) ?? u.parent) : null)
		},
		...(confidential ? [] : counts),
		{ header: c.registeredShare, width: 11, value: (u) => u.registeredShare, format: FORMAT.share },
		{
			header: c.previousShare(model.previousAsOf),
			width: 13,
			value: (u) => (u.previousWithheld ? w.withheld : u.previousShare),
			format: FORMAT.share
		},
		{
			header: c.share,
			width: 11,
			value: (u) => (u.paceClass === 'withheld' ? w.withheld : u.share),
			format: FORMAT.share
		},
		{
			header: c.changePoints,
			width: 11,
			value: (u) => points(u.shareChange),
			format: FORMAT.points
		},
		{ header: c.target, width: 9, value: (u) => u.threshold, format: FORMAT.whole },
		{ header: c.deadline, width: 12, value: (u) => day(u.deadline), format: FORMAT.date },
		{ header: c.expected, width: 12, value: (u) => u.expected, format: FORMAT.share },
		{ header: c.projected, width: 12, value: (u) => u.projected, format: FORMAT.share },
		{
			header: c.status,
			width: 18,
			value: (u) => `${CLASS_STYLE[u.paceClass].symbol} ${t(lang, CLASS_STYLE[u.paceClass].label)}`,
			status: true
		},
		...(confidential ? [] : activity),
		{
			header: c.flags,
			width: 30,
			value: (u) => u.flags.map((f) => flagLabel(f.kind, lang)).join('; ') || null
		},
		{
			header: c.reasons,
			width: 70,
			value: (u) => u.flags.map((f) => explainFlag(f, lang)).join('; ') || null
		}
	];
}

/** Title lines above every table: what, as of when, from which export, against which targets. */
function titleRows(sheet: ExcelJS.Worksheet, model: ReportModel, lang: Lang, title: string): void {
	const w = reportText(lang);
	sheet.addRow([title]).font = { bold: true, size: 14 };
	sheet.addRow([w.annexTitle(model.month)]);
	sheet.addRow([w.asOfLine(model.asOf, model.snapshot)]);
	sheet.addRow([w.presetLine(model.preset.source)]);
	if (model.simulated)
		sheet.addRow([w.simulated]).font = { bold: true, color: { argb: 'FFD55E00' } };
}

function addTable<T>(
	sheet: ExcelJS.Worksheet,
	columns: Column<T>[],
	rows: T[],
	status?: (row: T) => keyof typeof CLASS_STYLE
): void {
	const header = sheet.addRow(columns.map((c) => c.header));
	header.font = { bold: true };
	header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
	header.height = 45;
	header.eachCell((cell) => {
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
		cell.border = { bottom: { style: 'thin' } };
	});
	columns.forEach((c, i) => {
		sheet.getColumn(i + 1).width = c.width;
	});
	for (const item of rows) {
		const row = sheet.addRow(columns.map((c) => c.value(item)));
		columns.forEach((c, i) => {
			const cell = row.getCell(i + 1);
			if (c.format) cell.numFmt = c.format;
			if (c.status && status) {
				const style = CLASS_STYLE[status(item)];
				cell.fill = {
					type: 'pattern',
					pattern: 'solid',
					fgColor: { argb: `FF${style.colour.slice(1)}` }
				};
				cell.font = { color: { argb: `FF${style.text.slice(1)}` }, bold: true };
			}
		});
	}
	sheet.views = [
		{ state: 'frozen', xSplit: 2, ySplit: header.number, topLeftCell: `C${header.number + 1}` }
	];
	sheet.autoFilter = {
		from: { row: header.number, column: 1 },
		to: { row: header.number, column: columns.length }
	};
}

function newSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
	// Excel allows 31 characters and none of []:*?/\ in a sheet name.
	return workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
		pageSetup: {
			orientation: 'landscape',
			paperSize: 9,
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0
		}
	});
}

function provinceSheet(workbook: ExcelJS.Workbook, model: ReportModel, lang: Lang): void {
	const c = reportText(lang).columns;
	const p = model.province;
	const sheet = newSheet(workbook, kindTitle('province', lang));
	titleRows(sheet, model, lang, p.name);
	type Line = { label: string; value: number | null; change: number | null; format: string };
	const lines: Line[] = [
		{ label: c.eligible, value: p.eligible, change: null, format: FORMAT.count },
		{ label: c.registered, value: p.registered, change: p.registeredChange, format: FORMAT.count },
		{ label: c.registeredShare, value: p.registeredShare, change: null, format: FORMAT.share },
		{ label: c.recognised, value: p.recognised, change: p.recognisedChange, format: FORMAT.count },
		{ label: c.share, value: p.recognisedShare, change: null, format: FORMAT.share }
	];
	addTable<Line>(
		sheet,
		[
			{ header: c.unit, width: 30, value: (l) => l.label },
			{ header: reportText(lang).asOfLine(model.asOf, null), width: 24, value: (l) => l.value },
			{
				header: lang === 'vi' ? 'Tăng trong tháng' : 'Change this month',
				width: 20,
				value: (l) => l.change,
				format: FORMAT.change
			}
		],
		lines
	);
	lines.forEach((l, i) => {
		sheet.getRow(sheet.rowCount - lines.length + 1 + i).getCell(2).numFmt = l.format;
	});
	sheet.views = [{ state: 'frozen', ySplit: sheet.rowCount - lines.length }];
}

function targetsSheet(workbook: ExcelJS.Workbook, model: ReportModel, lang: Lang): void {
	const w = reportText(lang);
	const c = w.columns;
	const sheet = newSheet(workbook, w.sheets.targets);
	titleRows(sheet, model, lang, w.sheets.targets);
	type Target = ReportModel['targets'][number];
	addTable<Target>(
		sheet,
		[
			{ header: c.code, width: 14, value: (x) => x.id },
			{ header: c.target, width: 60, value: (x) => x.label[lang] },
			{
				header: c.source,
				width: 40,
				value: (x) => `${x.source.document}, ${lang === 'vi' ? 'mục' : 'item'} ${x.source.item}`
			},
			{ header: c.target, width: 9, value: (x) => x.threshold, format: FORMAT.whole },
			{ header: c.deadline, width: 12, value: (x) => day(x.deadline), format: FORMAT.date },
			{
				header: c.previousShare(model.previousAsOf),
				width: 13,
				value: (x) => (x.previousWithheld ? w.withheld : x.previousShare),
				format: FORMAT.share
			},
			{
				header: c.share,
				width: 11,
				value: (x) => (x.withheld ? w.withheld : x.share),
				format: FORMAT.share
			},
			{
				header: c.changePoints,
				width: 11,
				value: (x) => points(x.shareChange),
				format: FORMAT.points
			},
			{ header: c.expected, width: 12, value: (x) => x.expected, format: FORMAT.share },
			{ header: c.reached, width: 11, value: (x) => x.reached, format: FORMAT.count },
			{
				header: lang === 'vi' ? 'Tổng số đơn vị' : 'Units',
				width: 11,
				value: (x) => x.total,
				format: FORMAT.count
			}
		],
		model.targets
	);
}

function laggardsSheet(workbook: ExcelJS.Workbook, model: ReportModel, lang: Lang): void {
	const w = reportText(lang);
	const sheet = newSheet(workbook, w.sheets.laggards);
	titleRows(sheet, model, lang, w.sheets.laggards);
	const columns = unitColumns(model, lang, true);
	columns.splice(2, 0, {
		header: w.columns.kind,
		width: 16,
		value: (u) => t(lang, `kind_${u.kind}`)
	});
	addTable(sheet, columns, model.laggards, (u) => u.paceClass);
}

export async function reportXlsx(model: ReportModel, lang: Lang): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = reportText(lang).issuer(model.provinceName);
	workbook.title = reportText(lang).annexTitle(model.month);
	provinceSheet(workbook, model, lang);
	targetsSheet(workbook, model, lang);
	for (const kind of ['district', 'commune', 'agency', 'armed_force'] as const) {
		const confidential = model.units[kind].some((u) => u.confidential);
		const sheet = newSheet(workbook, kindTitle(kind, lang));
		titleRows(sheet, model, lang, kindTitle(kind, lang));
		if (confidential) sheet.addRow([reportText(lang).confidentialNote]).font = { italic: true };
		// A kind mixing confidential and open units is laid out as confidential: no counts.
		addTable(sheet, unitColumns(model, lang, confidential), model.units[kind], (u) => u.paceClass);
	}
	laggardsSheet(workbook, model, lang);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
