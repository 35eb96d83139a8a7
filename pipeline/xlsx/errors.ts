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
