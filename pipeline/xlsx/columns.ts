/** Excel's last column, XFD. */
export const MAX_COLUMNS = 16_384;

/**
 * The widest row a reader accepts: Excel's, unless CDHT_XLSX_MAX_COLUMNS says otherwise. A cell
 * further right (a reference like "ZZZZZ1", or a run of cells without one) is no spreadsheet's,
 * and padding a row out to it would fill memory.
 */
export function maxColumns(): number {
	const override = Number(process.env.CDHT_XLSX_MAX_COLUMNS);
	return Number.isSafeInteger(override) && override > 0 ? override : MAX_COLUMNS;
}

/**
 * 0-based column of a cell reference such as "AB12" read from `text` between `start` and `end`,
 * without slicing; -1 when the reference has no letters.
 */
export function columnIndexAt(text: string, start: number, end: number): number {
	let col = 0;
	let i = start;
	for (; i < end; i++) {
		const c = text.charCodeAt(i) | 0x20; // lower-case, so "ab12" works too
		if (c < 97 || c > 122) break;
		col = col * 26 + (c - 96);
	}
	return i === start ? -1 : col - 1;
}
