import path from 'node:path';

/**
 * Anything wrong with an XLSX file: not a zip, missing parts, malformed XML. The message always
 * starts with the file's basename so that a pipeline log line is enough to find the culprit.
 */
export class XlsxError extends Error {
	readonly file: string;
	readonly problem: string;

	constructor(file: string, problem: string, options?: { cause?: unknown }) {
		super(`${path.basename(file)}: ${problem}`, options);
		this.name = 'XlsxError';
		this.file = file;
		this.problem = problem;
	}
}

/** A part that would inflate beyond its limit (a zip bomb, or a workbook too large to read). */
export class XlsxPartTooLarge extends XlsxError {
	readonly part: string;
	readonly limit: number;

	constructor(file: string, part: string, limit: number) {
		super(file, `part ${part} inflates beyond ${limit} bytes`);
		this.name = 'XlsxPartTooLarge';
		this.part = part;
		this.limit = limit;
	}
}

/**
 * Thrown by the synchronous scanners, which do not know the file name; the reader rethrows it as
 * an XlsxError naming the file and the part.
 */
export class MalformedXml extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MalformedXml';
	}
}

/** A cell beyond the widest row allowed (columns.ts's maxColumns), in sheet row `row`. */
export class RowTooWide extends Error {
	readonly row: number;
	readonly limit: number;

	constructor(row: number, limit: number) {
		super(`row ${row} is wider than ${limit} columns`);
		this.name = 'RowTooWide';
		this.row = row;
		this.limit = limit;
	}
}

/**
 * The widest row allowed holds 16,384 cells of Excel's 32,767 characters; real rows are a few
 * kilobytes. A row whose markup runs past this without ending is a giant cell (a zip bomb's,
 * mostly): refused before it is gathered, instead of at the cell check once it is whole.
 */
export const MAX_ROW_BYTES = 32 * 2 ** 20;

/** A `<row>` whose markup runs past MAX_ROW_BYTES, in sheet row `row` (0: not known). */
export class RowTooLarge extends Error {
	readonly row: number;

	constructor(row: number) {
		super(`row ${row} is longer than ${MAX_ROW_BYTES} bytes`);
		this.name = 'RowTooLarge';
		this.row = row;
	}
}

/** The r attribute of the `<row …>` tag a carried text starts with (0 if it has none). */
export function carriedRow(start: string): number {
	return Number(/^<(?:[\w.-]+:)?row\b[^>]*?\sr="(\d+)"/.exec(start)?.[1] ?? 0);
}
