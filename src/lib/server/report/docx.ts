/**
 * The monthly report as a Word document laid out as a Vietnamese administrative document
 * (Nghị định 30/2020/NĐ-CP): issuing body and national motto, number and place-date line, the
 * title, the body with its tables and charts, "Nơi nhận" and the signature block.
 */
import {
	AlignmentType,
	Document,
	Footer,
	Header,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableRow,
	TextRun,
	WidthType,
	BorderStyle,
	type FileChild
} from 'docx';
import type { Lang } from '../../format.ts';
import { curveSvg, rankedBarsSvg, REPORT_CHART_WIDTH } from './charts.ts';
import {
	body,
	centred,
	dataTable,
	figure,
	FONT,
	heading,
	layoutCell,
	mm,
	NO_BORDERS,
	PAGE,
	run,
	shortRule,
	SIZE,
	TEXT_WIDTH
} from './docx-parts.ts';
import { topLevelOf, type ReportModel } from './model.ts';
import {
	changeLines,
	flagSummary,
	laggardsTable,
	proposals,
	provinceSentences,
	targetsTable,
	unitsTable
} from './present.ts';
import { placeDateLine, reportText } from './text.ts';

const LEFT = Math.round(TEXT_WIDTH * 0.4);
const RIGHT = TEXT_WIDTH - LEFT;

/** Issuing body and number on the left; the nation, motto and place-date line on the right. */
function headerBlock(model: ReportModel, lang: Lang): Table {
	const w = reportText(lang);
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: [LEFT, RIGHT],
		borders: NO_BORDERS,
		rows: [
			new TableRow({
				children: [
					layoutCell(
						[
							...w
								.issuerLines(model.provinceName)
								.map((line) => centred(line, { bold: true, size: SIZE.header })),
							shortRule(mm(25), LEFT)
						],
						LEFT
					),
					layoutCell(
						[
							centred(w.nation, { bold: true, size: SIZE.nation }),
							centred(w.motto, { bold: true, underline: {} }, { before: 0, after: 120 })
						],
						RIGHT
					)
				]
			}),
			new TableRow({
				children: [
					layoutCell([centred(w.number, { size: SIZE.header })], LEFT),
					layoutCell(
						[centred(placeDateLine(model.provinceName, model.issued, lang), { italics: true })],
						RIGHT
					)
				]
			})
		]
	});
}

function titleBlock(model: ReportModel, lang: Lang): Paragraph[] {
	const w = reportText(lang);
	return [
		centred(w.docType, { bold: true }, { before: 360, after: 0 }),
		centred(w.subject(model.month), { bold: true }),
		shortRule(mm(40), TEXT_WIDTH)
	];
}

/** The "simulated data" notice: boxed and bold, so nobody mistakes a demo for the real figures. */
function simulatedNotice(lang: Lang): Paragraph {
	const border = { style: BorderStyle.SINGLE, size: 12, color: 'D55E00', space: 4 };
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { before: 120, after: 120 },
		border: { top: border, bottom: border, left: border, right: border },
		shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF3CD' },
		children: [run(reportText(lang).simulated, { bold: true, size: SIZE.notes })]
	});
}

function overallSection(model: ReportModel, lang: Lang): FileChild[] {
	const w = reportText(lang);
	return [
		heading(w.sectionOverall),
		...provinceSentences(model, lang).map((s) => body(s)),
		heading(w.targetsHeading),
		dataTable(targetsTable(model, lang)),
		heading(w.chartsHeading),
		...figure(
			rankedBarsSvg(
				model.units.district,
				model.units.district.find((d) => d.threshold !== null)?.threshold ?? null,
				lang,
				REPORT_CHART_WIDTH
			),
			w.figureDistricts(model.asOf)
		),
		...figure(curveSvg(model.curve, lang, REPORT_CHART_WIDTH, 360), w.figureCurve(model.asOf))
	];
}

function unitsSection(model: ReportModel, lang: Lang): FileChild[] {
	const w = reportText(lang);
	const districts = topLevelOf(model.units.district);
	const agencies = topLevelOf(model.units.agency);
	const armed = topLevelOf(model.units.armed_force);
	return [
		heading(w.sectionUnits),
		heading(w.districtsHeading(districts.length)),
		dataTable(unitsTable(districts, lang, false, model.previousAsOf)),
		heading(w.agenciesHeading(agencies.length)),
		dataTable(unitsTable(agencies, lang, false, model.previousAsOf)),
		heading(w.armedHeading(armed.length)),
		body(w.confidentialNote, { italic: true }),
		dataTable(unitsTable(armed, lang, true, model.previousAsOf))
	];
}

function laggardsSection(model: ReportModel, lang: Lang): FileChild[] {
	const w = reportText(lang);
	if (model.laggards.length === 0) return [heading(w.sectionLaggards), body(w.noLaggards)];
	return [
		heading(w.sectionLaggards),
		body(w.laggardsSummary(model.laggards.length)),
		body(w.byReason + flagSummary(model, lang)),
		dataTable(laggardsTable(model, lang))
	];
}

function changesSection(model: ReportModel, lang: Lang): FileChild[] {
	const w = reportText(lang);
	return [
		heading(w.sectionChanges),
		...changeLines(model, lang).map((line) =>
			body([run(`- ${line.label}: `, { bold: true }), run(line.text)])
		),
		heading(w.sectionProposals),
		...proposals(model, lang).map((p) => body(`- ${p}`)),
		body(w.closing(model.provinceName, model.month))
	];
}

/** "Nơi nhận" on the left in small type; the signature block on the right. */
function signatureBlock(model: ReportModel, lang: Lang): Table {
	const w = reportText(lang);
	const recipients = [
		new Paragraph({
			children: [run(w.recipientsHeading, { bold: true, italics: true, size: SIZE.notes })]
		}),
		...w
			.recipients(model.provinceName)
			.map((r) => new Paragraph({ children: [run(r, { size: SIZE.small })] }))
	];
	const signature = [
		centred(w.signOnBehalf, { bold: true }),
		centred(w.signTitle, { bold: true }),
		...Array.from({ length: 4 }, () => centred('')),
		centred(w.signNamePlaceholder, { bold: true })
	];
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: [LEFT, RIGHT],
		borders: NO_BORDERS,
		rows: [
			new TableRow({
				cantSplit: true,
				children: [layoutCell(recipients, LEFT), layoutCell(signature, RIGHT)]
			})
		]
	});
}

/** Page numbers from the second page on, centred at the top, as the decree asks. */
function pageHeaders() {
	return {
		default: new Header({
			children: [
				new Paragraph({
					alignment: AlignmentType.CENTER,
					children: [new TextRun({ font: FONT, size: SIZE.notes, children: [PageNumber.CURRENT] })]
				})
			]
		}),
		first: new Header({ children: [] })
	};
}

function pageFooters(model: ReportModel, lang: Lang) {
	const w = reportText(lang);
	const text = `${w.asOfLine(model.asOf, model.snapshot)}${model.simulated ? ` — ${w.simulatedShort}` : ''}`;
	const footer = () => new Footer({ children: [centred(text, { size: 18, italics: true })] });
	return { default: footer(), first: footer() };
}

export function reportDocument(model: ReportModel, lang: Lang): Document {
	const w = reportText(lang);
	const intro = [
		body(w.intro(model.preset.source, model.provinceName, model.month)),
		body(w.dataNote(model.asOf, model.snapshot, model.previousAsOf), { italic: true }),
		...(model.partial ? [body(w.partialNote(model.asOf), { italic: true })] : [])
	];
	return new Document({
		creator: w.issuer(model.provinceName),
		title: w.fullTitle(model.month),
		description: w.dataNote(model.asOf, model.snapshot, model.previousAsOf),
		styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
		sections: [
			{
				properties: {
					titlePage: true,
					page: {
						size: { width: PAGE.width, height: PAGE.height },
						margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right }
					}
				},
				headers: pageHeaders(),
				footers: pageFooters(model, lang),
				children: [
					headerBlock(model, lang),
					...(model.simulated ? [simulatedNotice(lang)] : []),
					...titleBlock(model, lang),
					...intro,
					...overallSection(model, lang),
					...unitsSection(model, lang),
					...laggardsSection(model, lang),
					...changesSection(model, lang),
					new Paragraph({ children: [] }),
					signatureBlock(model, lang)
				]
			}
		]
	});
}

export async function reportDocx(model: ReportModel, lang: Lang): Promise<Buffer> {
	return Packer.toBuffer(reportDocument(model, lang));
}
