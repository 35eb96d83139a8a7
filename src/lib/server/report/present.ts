/**
 * The report's tables and sentences, as text, shared by the Word and HTML/PDF writers (and the
 * tests): the writers decide fonts and borders, not what a cell says. Pure.
 */
import { explainFlag, flagLabel } from '../../explain.ts';
import { FLAG_KINDS, type FlagKind } from '../../flags.ts';
import { formatDate, formatNumber, formatShare, type Lang } from '../../format.ts';
import { t } from '../../i18n/index.ts';
import type { PaceClass } from '../../pace.ts';
import { CLASS_STYLE } from '../../palette.ts';
import type { ReportModel, ReportUnit } from './model.ts';
import {
	changeWords,
	formatChange,
	formatPoints,
	formatPointsShort,
	pointsWords,
	reportText,
	shareText
} from './text.ts';

export type Align = 'left' | 'right' | 'center';

export interface Cell {
	text: string;
	/** Background and text colour (#rrggbb), for the status cells. */
	fill?: string;
	colour?: string;
	bold?: boolean;
}

export interface ReportTable {
	headers: string[];
	align: Align[];
	/** Relative column widths. */
	widths: number[];
	rows: Cell[][];
}

/** The unit's share exists but may not be shown (a confidential unit of few people). */
const withheld = (u: ReportUnit) => u.paceClass === 'withheld';

const cell = (text: string, extra: Omit<Cell, 'text'> = {}): Cell => ({ text, ...extra });

/** "! Chậm tiến độ" in the class colour: symbol and word, never colour alone. */
export function statusCell(paceClass: PaceClass, lang: Lang): Cell {
	const style = CLASS_STYLE[paceClass];
	return {
		text: `${style.symbol} ${t(lang, style.label)}`,
		fill: style.colour,
		colour: style.text
	};
}

/** A unit's flags in plain words with their numbers. */
export function reasonsText(unit: ReportUnit, lang: Lang): string {
	return unit.flags.map((f) => explainFlag(f, lang)).join('; ');
}

/** The province against each target, now and a month earlier. */
export function targetsTable(model: ReportModel, lang: Lang): ReportTable {
	const c = reportText(lang).columns;
	return {
		headers: [
			c.no,
			c.target,
			c.deadline,
			c.previousShare(model.previousAsOf),
			c.share,
			c.changePoints,
			c.expected,
			c.reached
		],
		align: ['center', 'left', 'center', 'right', 'right', 'right', 'right', 'center'],
		widths: [5, 31, 13, 10, 10, 9, 11, 11],
		rows: model.targets.map((target, i) => [
			cell(String(i + 1)),
			cell(
				`${target.label[lang]} (${target.source.document}, ${lang === 'vi' ? 'mục' : 'item'} ${target.source.item})`
			),
			cell(formatDate(target.deadline)),
			cell(shareText(target.previousShare, lang, target.previousWithheld)),
			cell(shareText(target.share, lang, target.withheld), { bold: true }),
			cell(formatPointsShort(target.shareChange, lang)),
			cell(formatShare(target.expected, lang)),
			cell(reportText(lang).reachedOf(target.reached, target.total))
		])
	};
}

/**
 * Units of one kind with their counts and the month's change. Confidential units get no count
 * columns at all: not even a dash hints at a figure.
 */
export function unitsTable(
	units: ReportUnit[],
	lang: Lang,
	confidential: boolean,
	previousAsOf: string
): ReportTable {
	const c = reportText(lang).columns;
	if (confidential) {
		return {
			headers: [
				c.no,
				c.unit,
				c.previousShare(previousAsOf),
				c.share,
				c.changePoints,
				c.expected,
				c.status
			],
			align: ['center', 'left', 'right', 'right', 'right', 'right', 'left'],
			widths: [5, 31, 12, 12, 12, 12, 16],
			rows: units.map((u, i) => [
				cell(String(i + 1)),
				cell(u.name),
				cell(shareText(u.previousShare, lang, u.previousWithheld)),
				cell(shareText(u.share, lang, withheld(u)), { bold: true }),
				cell(formatPointsShort(u.shareChange, lang)),
				cell(formatShare(u.expected, lang)),
				statusCell(u.paceClass, lang)
			])
		};
	}
	return {
		headers: [
			c.no,
			c.unit,
			c.eligible,
			c.registered,
			c.recognised,
			c.newRecognised,
			c.share,
			c.changePoints,
			c.status
		],
		align: ['center', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
		widths: [5, 20, 10, 10, 10, 9, 10, 8, 18],
		rows: units.map((u, i) => [
			cell(String(i + 1)),
			cell(u.name),
			cell(formatNumber(u.eligible, lang)),
			cell(formatNumber(u.registered, lang)),
			cell(formatNumber(u.recognised, lang)),
			cell(formatChange(u.recognisedChange, lang)),
			cell(shareText(u.share, lang, withheld(u)), { bold: true }),
			cell(formatPointsShort(u.shareChange, lang)),
			statusCell(u.paceClass, lang)
		])
	};
}

/** Every flagged unit, most severe first, with its share against its target and why. */
export function laggardsTable(model: ReportModel, lang: Lang): ReportTable {
	const c = reportText(lang).columns;
	return {
		headers: [c.no, c.unit, c.share, c.target, c.reasons],
		align: ['center', 'left', 'right', 'right', 'left'],
		widths: [5, 26, 9, 8, 52],
		rows: model.laggards.map((u, i) => [
			cell(String(i + 1)),
			cell(`${u.name} (${t(lang, `kind_${u.kind}`)})`),
			cell(shareText(u.share, lang, withheld(u))),
			cell(u.threshold === null ? '—' : formatShare(u.threshold, lang, 0)),
			cell(reasonsText(u, lang))
		])
	};
}

/** "chậm tiến độ: 38; dự báo không đạt: 40; …" — only the reasons that occur. */
export function flagSummary(model: ReportModel, lang: Lang): string {
	return FLAG_KINDS.filter((k) => model.flagCounts[k] > 0)
		.map((k) => `${flagLabel(k, lang)}: ${model.flagCounts[k]}`)
		.join('; ');
}

const names = (units: ReportUnit[], lang: Lang, withShare = false) =>
	units
		.map((u) =>
			withShare && u.share !== null ? `${u.name} (${formatShare(u.share, lang)})` : u.name
		)
		.join(', ');

/** The month's changes as labelled lists: reached, newly flagged, no longer flagged, gains, stalled. */
export function changeLines(model: ReportModel, lang: Lang): { label: string; text: string }[] {
	const w = reportText(lang);
	const ch = model.changes;
	const list = (units: ReportUnit[], withShare = false) =>
		units.length === 0 ? w.none : names(units, lang, withShare);
	return [
		{ label: w.newlyReached, text: list(ch.newlyReached, true) },
		{
			label: w.mostImproved,
			text:
				ch.mostImproved.length === 0
					? w.none
					: ch.mostImproved
							.map((u) => `${u.name} (${formatPoints(u.shareChange, lang)})`)
							.join(', ')
		},
		{ label: w.newlyFlagged, text: list(ch.newlyFlagged) },
		{ label: w.noLongerFlagged, text: list(ch.noLongerFlagged) },
		{ label: w.stalled, text: list(ch.stalled) }
	];
}

/** What the association asks of the units, from their flags only: nothing is made up. */
export function proposals(model: ReportModel, lang: Lang): string[] {
	const w = reportText(lang);
	const withFlag = (...kinds: FlagKind[]) =>
		model.laggards.filter((u) => u.flags.some((f) => kinds.includes(f.kind)));
	const lines: string[] = [];
	const pace = withFlag('behind_target', 'behind_pace', 'projected_miss');
	if (pace.length > 0) lines.push(w.proposalPace(names(pace, lang)));
	const data = withFlag('no_data');
	if (data.length > 0) lines.push(w.proposalData(names(data, lang)));
	const budget = withFlag('no_budget');
	if (budget.length > 0) lines.push(w.proposalBudget(names(budget, lang)));
	const training = withFlag('no_training');
	if (training.length > 0) lines.push(w.proposalTraining(names(training, lang)));
	return lines.length > 0 ? lines : [w.proposalNone];
}

/** The two sentences on the province's figures and their change. */
export function provinceSentences(model: ReportModel, lang: Lang): string[] {
	const w = reportText(lang);
	const p = model.province;
	const points =
		p.recognisedShare === null || p.recognisedChange === null || !p.eligible
			? null
			: p.recognisedChange / p.eligible;
	return [
		w.provinceSentence(
			formatNumber(p.eligible, lang),
			formatNumber(p.registered, lang),
			formatShare(p.registeredShare, lang),
			formatNumber(p.recognised, lang),
			formatShare(p.recognisedShare, lang)
		),
		w.changeSentence(
			model.previousAsOf,
			changeWords(p.registeredChange, lang, t(lang, 'people')),
			changeWords(p.recognisedChange, lang, t(lang, 'people')),
			pointsWords(points, lang)
		)
	];
}
