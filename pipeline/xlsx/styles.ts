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
 * For every cell style (index into cellXfs, the s attribute of a cell), 1 when its number format
 * is a date or time format.
 */
export function parseDateStyles(stylesXml: string): Uint8Array {
	const custom = new Map<number, string>();
	const numFmts = elementContent(stylesXml, 'numFmts') ?? '';
	for (const attrs of findElements(numFmts, 'numFmt')) {
		const id = Number(attrs.get('numFmtId'));
		if (Number.isInteger(id)) custom.set(id, attrs.get('formatCode') ?? '');
	}
	const xfs = findElements(elementContent(stylesXml, 'cellXfs') ?? '', 'xf');
	const dates = new Uint8Array(xfs.length);
	xfs.forEach((attrs, index) => {
		const id = Number(attrs.get('numFmtId') ?? 0);
		const code = custom.get(id);
		const isDate = code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
		dates[index] = isDate ? 1 : 0;
	});
	return dates;
}
