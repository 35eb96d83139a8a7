/**
 * Text content as it appears between tags: XML entities, SpreadsheetML's `_xHHHH_` escapes (how
 * Excel stores control characters) and XML's line-end normalisation. Kept apart from the scanners
 * so the common case (plain text) costs one regex test.
 */

const NEEDS_DECODE = /[&\r]|_x[0-9A-Fa-f]{4}_/;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeText(raw: string): string {
	if (!NEEDS_DECODE.test(raw)) return raw;
	let text = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
	if (text.indexOf('&') !== -1) text = text.replace(ENTITY, decodeEntity);
	// One left-to-right pass, so "_x005F_x0041_" (an escaped underscore) stays "_x0041_".
	return text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeEntity(match: string, hex?: string, dec?: string, name?: string): string {
	if (name !== undefined) return NAMED[name] ?? match;
	const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
	return code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** Attributes of one start tag, for the small parts (workbook, rels, styles) only. */
export function parseAttributes(tag: string): Map<string, string> {
	const attrs = new Map<string, string>();
	const re = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
	for (let m = re.exec(tag); m; m = re.exec(tag)) {
		attrs.set(m[1]!, decodeText(m[2] ?? m[3] ?? ''));
	}
	return attrs;
}

/** Value of an attribute by local name, whatever its namespace prefix ("r:id" matches "id"). */
export function attributeByLocalName(
	attrs: Map<string, string>,
	local: string
): string | undefined {
	for (const [name, value] of attrs) {
		const colon = name.indexOf(':');
		if (colon !== -1 && name.slice(colon + 1) === local) return value;
	}
	return undefined;
}

/** Every start tag `<prefix:local ...>` (any prefix) in a small document, with its attributes. */
export function findElements(xml: string, local: string): Map<string, string>[] {
	const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])([^>]*)>`, 'g');
	const found: Map<string, string>[] = [];
	for (let m = re.exec(xml); m; m = re.exec(xml)) found.push(parseAttributes(m[1]!));
	return found;
}

/** The content between `<local ...>` and `</local>` (any prefix), or null. */
export function elementContent(xml: string, local: string): string | null {
	const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
	if (!open) return null;
	if (open[2] === '/') return '';
	const start = open.index + open[0].length;
	const end = xml.indexOf(`</${open[1] ?? ''}${local}>`, start);
	return end === -1 ? null : xml.slice(start, end);
}
