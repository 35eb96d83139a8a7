/**
 * Building blocks of the Word report in the style of Nghị định 30/2020/NĐ-CP: Times New Roman,
 * body 14 pt justified with a first-line indent, tables 11 pt, no decoration beyond thin rules.
 */
import {
	AlignmentType,
	BorderStyle,
	ImageRun,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
	type IRunOptions
} from 'docx';
import type { Align, Cell, ReportTable } from './present.ts';
import type { Svg } from './charts.ts';
import { svgToPng } from './charts.ts';

export const FONT = 'Times New Roman';
/** Sizes in half-points, as Word counts them. */
export const SIZE = { body: 28, table: 22, header: 26, nation: 24, small: 22, notes: 24 } as const;
/** Millimetres to twips (1/20 pt). */
export const mm = (value: number) => Math.round((value * 1440) / 25.4);
/** A4 with the decree's margins: 20 mm top and bottom, 30 mm left, 15 mm right. */
export const PAGE = {
	width: mm(210),
	height: mm(297),
	top: mm(20),
	bottom: mm(20),
	left: mm(30),
	right: mm(15)
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const ALIGN = {
	left: AlignmentType.LEFT,
	right: AlignmentType.RIGHT,
	center: AlignmentType.CENTER
} as const;

type Run = Omit<IRunOptions, 'children'> & { text: string };

export function run(text: string, options: Omit<Run, 'text'> = {}): TextRun {
	return new TextRun({ font: FONT, size: SIZE.body, ...options, text });
}

/** A body paragraph: justified, 1 cm first-line indent, 6 pt before. */
export function body(
	text: string | TextRun[],
	options: { indent?: boolean; italic?: boolean } = {}
): Paragraph {
	return new Paragraph({
		alignment: AlignmentType.JUSTIFIED,
		indent: options.indent === false ? undefined : { firstLine: mm(10) },
		spacing: { before: 120, after: 0, line: 312 },
		children: typeof text === 'string' ? [run(text, { italics: options.italic })] : text
	});
}

export function heading(text: string): Paragraph {
	return new Paragraph({
		alignment: AlignmentType.JUSTIFIED,
		indent: { firstLine: mm(10) },
		spacing: { before: 200, after: 60 },
		keepNext: true,
		children: [run(text, { bold: true })]
	});
}

export function centred(
	text: string,
	options: Omit<Run, 'text'> = {},
	spacing = { before: 0, after: 0 }
): Paragraph {
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing,
		children: [run(text, options)]
	});
}

/** The short rule under a heading block, drawn as the bottom border of an indented paragraph. */
export function shortRule(widthTwips: number, cellWidth: number): Paragraph {
	const side = Math.max(0, Math.round((cellWidth - widthTwips) / 2));
	return new Paragraph({
		indent: { left: side, right: side },
		spacing: { before: 0, after: 120 },
		border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
		children: []
	});
}

export const NO_BORDERS = {
	top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
};

/** A table cell of plain paragraphs, without borders (header and signature blocks). */
export function layoutCell(children: Paragraph[], width: number): TableCell {
	return new TableCell({
		children,
		width: { size: width, type: WidthType.DXA },
		borders: NO_BORDERS
	});
}

function dataCell(content: Cell, align: Align, width: number, header: boolean): TableCell {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		verticalAlign: VerticalAlign.CENTER,
		margins: { top: 30, bottom: 30, left: 50, right: 50 },
		shading: content.fill
			? { type: ShadingType.CLEAR, color: 'auto', fill: content.fill.slice(1) }
			: header
				? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' }
				: undefined,
		children: [
			new Paragraph({
				alignment: header ? AlignmentType.CENTER : ALIGN[align],
				children: [
					run(content.text, {
						size: SIZE.table,
						bold: header || content.bold,
						color: content.colour?.slice(1)
					})
				]
			})
		]
	});
}

/** A report table with ruled cells and a header row repeated on every page. */
export function dataTable(table: ReportTable): Table {
	const total = table.widths.reduce((a, b) => a + b, 0);
	const widths = table.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
	const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: widths,
		borders: {
			top: border,
			bottom: border,
			left: border,
			right: border,
			insideHorizontal: border,
			insideVertical: border
		},
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: table.headers.map((h, i) => dataCell({ text: h }, 'center', widths[i]!, true))
			}),
			...table.rows.map(
				(row) =>
					new TableRow({
						cantSplit: true,
						children: row.map((c, i) => dataCell(c, table.align[i]!, widths[i]!, false))
					})
			)
		]
	});
}

/** A chart as a PNG the width of the text, with its caption below. */
export function figure(svg: Svg, caption: string): Paragraph[] {
	const widthPx = Math.round((TEXT_WIDTH / 1440) * 96);
	const heightPx = Math.round((svg.height / svg.width) * widthPx);
	return [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before: 160 },
			keepNext: true,
			children: [
				new ImageRun({
					type: 'png',
					data: svgToPng(svg, 2.5),
					transformation: { width: widthPx, height: heightPx },
					altText: { name: caption, title: caption, description: caption }
				})
			]
		}),
		centred(caption, { italics: true, size: SIZE.notes }, { before: 60, after: 120 })
	];
}
