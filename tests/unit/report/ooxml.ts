/**
 * Reading Word and Excel files back in tests: the parts of the zip as text, and the text of a
 * document's paragraphs and tables, straight from the XML (no library of the product involved).
 */
import yauzl from 'yauzl';

/** Every part of an Office file (a zip), by name, as UTF-8 text. */
export function unzipText(bytes: Buffer): Promise<Map<string, string>> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
			if (error || !zip) return reject(error);
			const parts = new Map<string, string>();
			zip.on('entry', (entry: yauzl.Entry) => {
				zip.openReadStream(entry, (err, stream) => {
					if (err || !stream) return reject(err);
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
						zip.readEntry();
					});
				});
			});
			zip.on('end', () => resolve(parts));
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
		e.startsWith('#x')
			? String.fromCodePoint(parseInt(e.slice(2), 16))
			: e.startsWith('#')
				? String.fromCodePoint(Number(e.slice(1)))
				: ENTITIES[e]!
	);
}

/** The text of one run-holding element: every <w:t> inside, joined. */
function runsText(xml: string): string {
	return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
		.map((m) => decodeXml(m[1]!))
		.join('');
}

/** Every paragraph's text, in document order (table cells included). */
export function docxParagraphs(documentXml: string): string[] {
	return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runsText(m[0]));
}

/** Every table as rows of cell texts (tables are not nested in the report). */
export function docxTables(documentXml: string): string[][][] {
	return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
		[...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
			[...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
				docxParagraphs(cell[0]).join('\n')
			)
		)
	);
}

/** The tables whose header row has a cell equal to `header`, in document order. */
export function tablesWithHeader(tables: string[][][], header: string): string[][][] {
	const found = tables.filter((t) => t[0]?.includes(header));
	if (found.length === 0) throw new Error(`no table with the header "${header}"`);
	return found;
}

/** The row a sheet's frozen pane stops under: its header row. */
export function frozenRow(sheet: { views: unknown[] }): number {
	const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
	if (view?.state !== 'frozen' || !view.ySplit)
		throw new Error('the sheet has no frozen header row');
	return view.ySplit;
}
