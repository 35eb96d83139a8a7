import { elementContent, findElements } from './xml-text.ts';

/**
 * Built-in number formats that show dates or times: 14-22 and 45-47 everywhere, 27-36 and 50-58
 * in East Asian locales (Excel maps them to local date formats).
 */
function isBuiltInDateFormat(id: number): boolean {
	return (
		(id >= 14 && id <= 22) ||
		(id >= 27 && id <= 36) ||
		(id >= 45 && id <= 47) ||
		(id >= 50 && id <= 58)
	);
}

/**
 * Whether a custom format code shows a date or time: a d, m, y, h or s token outside quoted
 * literals, backslash escapes, `_x`/`*x` padding and `[...]` sections (colours, locales,
 * conditions). "General", "0.00", "#,##0" and "@" have none.
 */
export function isDateFormatCode(code: string): boolean {
	let i = 0;
	while (i < code.length) {
		const c = code[i]!;
		if (c === '"') {
			const close = code.indexOf('"', i + 1);
			i = close === -1 ? code.length : close + 1;
		} else if (c === '[') {
			const close = code.indexOf(']', i + 1);
			const inner = close === -1 ? '' : code.slice(i + 1, close);
			if (/^(h+|m+|s+)$/i.test(inner)) return true; // elapsed time: [h]:mm
			i = close === -1 ? code.length : close + 1;
		} else if (c === '\\' || c === '_' || c === '*') {
			i += 2;
		} else if ('dDmMyYhHsS'.includes(c)) {
			return true;
		} else {
			i++;
		}
	}
	return false;
}

/**
 * The words a date format writes around the date: its quoted literals and backslash-escaped
 * characters (`"Tính đến ngày "dd/mm/yyyy` → "Tính đến ngày"), or '' when it writes none. A
 * title can be one date cell whose format says what the date is.
 */
export function dateFormatWords(code: string): string {
	let words = '';
	let i = 0;
	while (i < code.length) {
		const c = code[i]!;
		if (c === '"') {
			const close = code.indexOf('"', i + 1);
			words += code.slice(i + 1, close === -1 ? code.length : close);
			i = close === -1 ? code.length : close + 1;
		} else if (c === '\\') {
			words += code[i + 1] ?? '';
			i += 2;
		} else if (c === '_' || c === '*') {
			i += 2; // padding, not text
		} else if (c === '[') {
			const close = code.indexOf(']', i + 1);
			i = close === -1 ? code.length : close + 1;
		} else {
			i++;
		}
	}
	return /\p{L}/u.test(words) ? words.replace(/\s+/g, ' ').trim() : '';
}

export interface DateStyles {
	/** For every cell style (index into cellXfs, the s attribute of a cell), 1 for a date format. */
	dateStyles: Uint8Array;
	/** The words of the date styles whose format writes some (see dateFormatWords). */
	dateWords: Map<number, string>;
}

/** Which cell styles show dates, and what words their formats write. */
export function parseDateStyles(stylesXml: string): DateStyles {
	const custom = new Map<number, string>();
	const numFmts = elementContent(stylesXml, 'numFmts') ?? '';
	for (const attrs of findElements(numFmts, 'numFmt')) {
		const id = Number(attrs.get('numFmtId'));
		if (Number.isInteger(id)) custom.set(id, attrs.get('formatCode') ?? '');
	}
	const xfs = findElements(elementContent(stylesXml, 'cellXfs') ?? '', 'xf');
	const dateStyles = new Uint8Array(xfs.length);
	const dateWords = new Map<number, string>();
	xfs.forEach((attrs, index) => {
		const id = Number(attrs.get('numFmtId') ?? 0);
		const code = custom.get(id);
		const isDate = code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
		dateStyles[index] = isDate ? 1 : 0;
		const words = isDate && code !== undefined ? dateFormatWords(code) : '';
		if (words) dateWords.set(index, words);
	});
	return { dateStyles, dateWords };
}
