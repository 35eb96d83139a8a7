import { MalformedXml } from './errors.ts';
import { decodeText } from './xml-text.ts';

/**
 * Tag strings for one namespace prefix. Excel writes no prefix, but generators built on the
 * OpenXML SDK write `<x:row>`; the scanners look the prefix up once and then compare whole tags.
 */
export class Tags {
	readonly prefix: string;
	readonly row: string;
	readonly rowEnd: string;
	readonly c: string;
	readonly cEnd: string;
	readonly v: string;
	readonly vEnd: string;
	readonly is: string;
	readonly isEnd: string;
	readonly t: string;
	readonly tEnd: string;
	readonly rPh: string;
	readonly rPhEnd: string;
	readonly si: string;
	readonly siEnd: string;
	readonly sheetDataEnd: string;

	constructor(prefix: string) {
		this.prefix = prefix;
		[this.row, this.rowEnd] = pair(prefix, 'row');
		[this.c, this.cEnd] = pair(prefix, 'c');
		[this.v, this.vEnd] = pair(prefix, 'v');
		[this.is, this.isEnd] = pair(prefix, 'is');
		[this.t, this.tEnd] = pair(prefix, 't');
		[this.rPh, this.rPhEnd] = pair(prefix, 'rPh');
		[this.si, this.siEnd] = pair(prefix, 'si');
		this.sheetDataEnd = `</${prefix}sheetData>`;
	}
}

function pair(prefix: string, local: string): [string, string] {
	return [`<${prefix}${local}`, `</${prefix}${local}>`];
}

/** True when `xml` has the start tag `open` (e.g. "<c") at `at`, not a longer name ("<cols"). */
export function isStartTag(xml: string, at: number, open: string): boolean {
	if (!xml.startsWith(open, at)) return false;
	const next = xml.charCodeAt(at + open.length);
	// '>' (62), '/' (47) or whitespace
	return next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13;
}

/**
 * Index just past the element that starts at `lt` (its end tag, or its own '>' when
 * self-closing), looking no further than `end`.
 */
export function skipElement(xml: string, lt: number, end: number): number {
	const gt = xml.indexOf('>', lt);
	if (gt === -1 || gt >= end) throw new MalformedXml('unterminated tag');
	if (xml.charCodeAt(gt - 1) === 47) return gt + 1;
	let nameEnd = lt + 1;
	while (nameEnd < gt && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
	const close = `</${xml.slice(lt + 1, nameEnd)}>`;
	const at = xml.indexOf(close, gt);
	if (at === -1 || at + close.length > end) throw new MalformedXml(`unclosed <${close.slice(2)}`);
	return at + close.length;
}

function isNameEnd(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

/**
 * The text of a shared-string item or inline string between `start` and `end`: the one `<t>`,
 * or the `<t>` of every rich-text run `<r>`, skipping the phonetic runs `<rPh>` (furigana-style
 * readings that are not part of the value).
 */
export function readRichText(xml: string, start: number, end: number, tags: Tags): string {
	let out = '';
	let p = start;
	for (;;) {
		const lt = xml.indexOf('<', p);
		if (lt === -1 || lt >= end) return out;
		if (isStartTag(xml, lt, tags.t)) {
			const gt = xml.indexOf('>', lt);
			if (gt === -1 || gt >= end) throw new MalformedXml('unterminated <t> tag');
			if (xml.charCodeAt(gt - 1) === 47) {
				p = gt + 1;
				continue;
			}
			const close = xml.indexOf(tags.tEnd, gt);
			if (close === -1 || close > end) throw new MalformedXml('unclosed <t>');
			out += decodeText(xml.slice(gt + 1, close));
			p = close + tags.tEnd.length;
		} else if (isStartTag(xml, lt, tags.rPh)) {
			p = skipElement(xml, lt, end);
		} else {
			// <r>, <rPr> and their children, end tags: step inside or over.
			const gt = xml.indexOf('>', lt);
			if (gt === -1 || gt >= end) throw new MalformedXml('unterminated tag');
			p = gt + 1;
		}
	}
}
