import { escapeAttribute } from './xml-escape.ts';

/** The fixed parts of a one-sheet workbook, and the cell style indexes styles.xml defines. */

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC = 'application/vnd.openxmlformats-officedocument';

/** cellXfs indexes, in the order styles.xml lists them. */
export const STYLE = { normal: 0, header: 1, title: 2, date: 3, text: 4 } as const;

export function contentTypesXml(): string {
	const override = (part: string, type: string): string =>
		`<Override PartName="/${part}" ContentType="${type}"/>`;
	return (
		DECLARATION +
		'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		override('xl/workbook.xml', `${OFFICE_DOC}.spreadsheetml.sheet.main+xml`) +
		override('xl/worksheets/sheet1.xml', `${OFFICE_DOC}.spreadsheetml.worksheet+xml`) +
		override('xl/styles.xml', `${OFFICE_DOC}.spreadsheetml.styles+xml`) +
		override('xl/sharedStrings.xml', `${OFFICE_DOC}.spreadsheetml.sharedStrings+xml`) +
		override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
		override('docProps/app.xml', `${OFFICE_DOC}.extended-properties+xml`) +
		'</Types>'
	);
}

function relationships(rels: [string, string][]): string {
	const items = rels.map(
		([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`
	);
	return `${DECLARATION}<Relationships xmlns="${PKG_REL_NS}">${items.join('')}</Relationships>`;
}

export function rootRelsXml(): string {
	return relationships([
		[`${REL_NS}/officeDocument`, 'xl/workbook.xml'],
		[`${PKG_REL_NS}/metadata/core-properties`, 'docProps/core.xml'],
		[`${REL_NS}/extended-properties`, 'docProps/app.xml']
	]);
}

export function workbookRelsXml(): string {
	return relationships([
		[`${REL_NS}/worksheet`, 'worksheets/sheet1.xml'],
		[`${REL_NS}/styles`, 'styles.xml'],
		[`${REL_NS}/sharedStrings`, 'sharedStrings.xml']
	]);
}

export function coreXml(now: Date): string {
	const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const dc = (name: string): string =>
		`<dcterms:${name} xsi:type="dcterms:W3CDTF">${stamp}</dcterms:${name}>`;
	return (
		DECLARATION +
		'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
		' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
		' xmlns:dcmitype="http://purl.org/dc/dcmitype/"' +
		' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
		`<dc:creator>cdht</dc:creator>${dc('created')}${dc('modified')}</cp:coreProperties>`
	);
}

export function appXml(): string {
	return (
		DECLARATION +
		'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"' +
		' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
		'<Application>cdht</Application></Properties>'
	);
}

export function workbookXml(sheetName: string): string {
	return (
		DECLARATION +
		`<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
		'<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
		`<sheets><sheet name="${escapeAttribute(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
		'</workbook>'
	);
}

const FONT = '<sz val="12"/><name val="Times New Roman"/><family val="1"/>';
const THIN = '<color auto="1"/>';
const BORDERED =
	`<left style="thin">${THIN}</left><right style="thin">${THIN}</right>` +
	`<top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/>`;

/** Fonts: normal, bold, bold 14pt. The date style uses custom format 164. */
export function stylesXml(dateFormat: string): string {
	const xf = (attrs: string, inner = ''): string =>
		inner === '' ? `<xf ${attrs} xfId="0"/>` : `<xf ${attrs} xfId="0">${inner}</xf>`;
	return (
		DECLARATION +
		`<styleSheet xmlns="${MAIN_NS}">` +
		`<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeAttribute(dateFormat)}"/></numFmts>` +
		`<fonts count="3"><font>${FONT}</font><font><b/>${FONT}</font>` +
		'<font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font></fonts>' +
		'<fills count="2"><fill><patternFill patternType="none"/></fill>' +
		'<fill><patternFill patternType="gray125"/></fill></fills>' +
		`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${BORDERED}</border></borders>` +
		'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
		'<cellXfs count="5">' +
		xf('numFmtId="0" fontId="0" fillId="0" borderId="0"') +
		xf(
			'numFmtId="0" fontId="1" fillId="0" borderId="1" applyFont="1" applyBorder="1" applyAlignment="1"',
			'<alignment horizontal="center" vertical="center" wrapText="1"/>'
		) +
		xf(
			'numFmtId="0" fontId="2" fillId="0" borderId="0" applyFont="1" applyAlignment="1"',
			'<alignment horizontal="center" vertical="center"/>'
		) +
		xf('numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"') +
		xf('numFmtId="49" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"') +
		'</cellXfs>' +
		'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
		'<dxfs count="0"/><tableStyles count="0"/>' +
		'</styleSheet>'
	);
}

export function sheetHeadXml(columnWidths: readonly number[]): string {
	const cols = columnWidths
		.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
		.join('');
	return (
		DECLARATION +
		`<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
		'<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
		'<sheetFormatPr defaultRowHeight="15.75"/>' +
		(cols === '' ? '' : `<cols>${cols}</cols>`) +
		'<sheetData>'
	);
}

export function sheetTailXml(merges: readonly string[]): string {
	const mergeCells =
		merges.length === 0
			? ''
			: `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
	return (
		'</sheetData>' +
		mergeCells +
		'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
		'</worksheet>'
	);
}

export function sharedStringsHead(count: number, unique: number): string {
	return `${DECLARATION}<sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${unique}">`;
}
