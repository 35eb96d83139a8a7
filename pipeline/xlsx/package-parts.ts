import path from 'node:path/posix';
import { MalformedXml } from './errors.ts';
import { attributeByLocalName, findElements } from './xml-text.ts';

export interface Relationship {
	id: string;
	/** The last segment of the relationship type URI: "worksheet", "sharedStrings", ... */
	type: string;
	/** Zip path the relationship points to. */
	target: string;
}

/**
 * The relationships of a part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), with targets
 * resolved to zip paths: absolute ("/xl/worksheets/sheet1.xml") or relative to the part's folder.
 */
export function parseRelationships(relsXml: string, sourcePart: string): Relationship[] {
	const base = path.dirname(sourcePart);
	const rels: Relationship[] = [];
	for (const attrs of findElements(relsXml, 'Relationship')) {
		const id = attrs.get('Id');
		const target = attrs.get('Target');
		if (id === undefined || target === undefined || attrs.get('TargetMode') === 'External')
			continue;
		const type = attrs.get('Type') ?? '';
		rels.push({
			id,
			type: type.slice(type.lastIndexOf('/') + 1),
			target: resolveTarget(base, target)
		});
	}
	return rels;
}

export function relsPathOf(part: string): string {
	return path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
}

function resolveTarget(base: string, target: string): string {
	let decoded = target;
	try {
		decoded = decodeURIComponent(target);
	} catch {
		// not percent-encoded after all
	}
	const joined = decoded.startsWith('/') ? decoded : path.join('/', base, decoded);
	return path.normalize(joined).replace(/^\/+/, '');
}

export interface SheetEntry {
	name: string;
	relId: string;
	/** state="hidden" or "veryHidden": not shown in Excel's tabs (old templates, lookups). */
	hidden: boolean;
}

export interface WorkbookXml {
	sheets: SheetEntry[];
	date1904: boolean;
}

export function parseWorkbookXml(xml: string): WorkbookXml {
	if (!/<([A-Za-z_][\w.-]*:)?workbook[\s>]/.test(xml)) {
		throw new MalformedXml('no <workbook> element');
	}
	const sheets: SheetEntry[] = [];
	for (const attrs of findElements(xml, 'sheet')) {
		const name = attrs.get('name');
		const relId = attributeByLocalName(attrs, 'id'); // r:id, whatever the prefix
		if (name === undefined || relId === undefined)
			throw new MalformedXml('<sheet> without name or r:id');
		const state = attrs.get('state');
		sheets.push({ name, relId, hidden: state === 'hidden' || state === 'veryHidden' });
	}
	const pr = findElements(xml, 'workbookPr')[0];
	const flag = pr?.get('date1904');
	return { sheets, date1904: flag === '1' || flag === 'true' };
}
