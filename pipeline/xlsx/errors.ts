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
