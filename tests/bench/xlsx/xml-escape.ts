/**
 * Escaping for the writer. Text content keeps everything Excel can hold: characters XML 1.0
 * forbids (control characters) and a carriage return (which XML parsers would turn into a line
 * feed) become SpreadsheetML's `_xHHHH_` escapes, and a literal "_x0041_" in the data gets its
 * underscore escaped so that it is not decoded as "A".
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TEXT_SPECIAL = /[&<>\r_\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- same
const INVALID_IN_ATTRIBUTE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPE_LIKE = /^_x[0-9A-Fa-f]{4}_/;

export function escapeText(text: string): string {
	if (!TEXT_SPECIAL.test(text)) return text;
	let out = '';
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let replacement: string | null = null;
		if (c === 38) replacement = '&amp;';
		else if (c === 60) replacement = '&lt;';
		else if (c === 62) replacement = '&gt;';
		else if (c === 95) replacement = isEscapeLike(text, i) ? '_x005F_' : null;
		else if ((c < 32 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff)
			replacement = hexEscape(c);
		else if (c >= 0xd800 && c <= 0xdfff) {
			const next = text.charCodeAt(i + 1);
			if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)
				i++; // a valid pair
			else replacement = '\ufffd'; // a lone surrogate cannot be written as UTF-8
		}
		if (replacement !== null) {
			out += text.slice(last, i) + replacement;
			last = i + 1;
		}
	}
	return out + text.slice(last);
}

/** Whether the underscore at `i` starts something that reads as an escape, like "_x0041_". */
export function isEscapeLike(text: string, i: number): boolean {
	return text.charCodeAt(i + 1) === 120 && ESCAPE_LIKE.test(text.slice(i, i + 7));
}

function hexEscape(code: number): string {
	return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Attribute values (sheet name, number format): the XML specials, invalid characters dropped. */
export function escapeAttribute(value: string): string {
	return value
		.replace(INVALID_IN_ATTRIBUTE, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<t>` needs xml:space="preserve" when the text starts or ends with whitespace. */
export function needsPreserve(text: string): boolean {
	return (
		text.length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)))
	);
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}
