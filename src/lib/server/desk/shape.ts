/**
 * What the CLI's JSON says, shaped for the import desk's pages: per file the counts, the as-of
 * date and where it came from, the rejected rows, the names that matched nothing, and, for a unit
 * officer, the rows outside their unit; for the whole upload the effect on the figures.
 */
import type { User } from '../../access.ts';
import type { NameWarning } from '../../../../pipeline/dictionaries.ts';
import type { FileOutcome } from '../../../../pipeline/ingest.ts';
import type { AsOfSource } from '../../../../pipeline/as-of.ts';
import type { ImportRow } from '../schema.ts';
import { figureEffect, type Effect } from './effect.ts';
import type { Figures } from './figures.ts';
import { mayRemove, outOfScope, parentLookup } from './scope.ts';
import type { TouchedUnits } from './touched.ts';

/** `ingest --json`'s document. */
export interface IngestDocument {
	dryRun: boolean;
	files: FileOutcome[];
	settled: { rematched: boolean; open: { names: number; rows: number }; latest: string | null };
	figures?: { before: Figures; after: Figures };
}

/** `imports remove --json`'s document. */
export interface RemoveDocument {
	dryRun: boolean;
	removed: ImportRow;
	touched: TouchedUnits[];
	figures: { before: Figures; after: Figures };
}

export interface RejectedRow {
	row: number;
	column: string | null;
	reason: string;
	value: string | null;
}

export interface OutsideRows {
	/** The organisation of the rows, else the district (or top unit) they live in. */
	code: string;
	unit: string;
	rows: number;
}

export type FilePreview =
	| { file: string; status: 'unchanged'; importId: number; asOf: string }
	| {
			file: string;
			status: 'loaded';
			sheet: string | null;
			asOf: string;
			asOfSource: AsOfSource;
			titleAsOf: string | null;
			sameAsOf: { id: number; file: string }[];
			rowsRead: number;
			rowsAccepted: number;
			rowsRejected: number;
			rowsIgnored: number;
			rowsDuplicate: number;
			reasons: { reason: string; rows: number }[];
			/** Every rejected row: the page shows the first ones, the CSV all. */
			rejects: RejectedRow[];
			names: { field: 'district' | 'commune' | 'workplace' | 'group'; warning: NameWarning }[];
			unknownColumns: string[];
			/** A unit officer's rows that are not their unit's, by unit; empty for others. */
			outside: OutsideRows[];
	  };

export interface PreviewData {
	files: FilePreview[];
	effect: Effect | null;
	openNames: { names: number; rows: number };
	/** A unit officer's upload with rows of other units: refused as a whole. */
	refusedForScope: boolean;
}

/**
 * Rows outside the scope, counted per unit an officer would recognise: the organisation the
 * person works for, else the district (the province's child) where they live.
 */
function outsideRows(
	user: User,
	touched: TouchedUnits[],
	figures: Figures | undefined
): OutsideRows[] {
	const units = new Map(figures?.units.map((u) => [u.code, u]) ?? []);
	const parentOf = parentLookup(figures?.units ?? []);
	const topOf = (code: string): string => {
		const parent = parentOf(code);
		return parent === null || parentOf(parent) === null ? code : topOf(parent);
	};
	const counts = new Map<string, number>();
	for (const row of outOfScope(user, touched, parentOf)) {
		const code = row.organisation ?? topOf(row.territory);
		counts.set(code, (counts.get(code) ?? 0) + row.rows);
	}
	return [...counts]
		.map(([code, rows]) => ({ code, unit: units.get(code)?.name ?? code, rows }))
		.sort((a, b) => b.rows - a.rows);
}

function filePreview(o: FileOutcome, user: User, figures: Figures | undefined): FilePreview {
	if (o.status === 'unchanged')
		return { file: o.file, status: 'unchanged', importId: o.importId, asOf: o.asOf };
	const w = o.warnings;
	return {
		file: o.file,
		status: 'loaded',
		sheet: o.sheet,
		asOf: o.asOf,
		asOfSource: o.asOfSource,
		titleAsOf: o.titleAsOf,
		sameAsOf: o.sameAsOf,
		rowsRead: o.rowsRead,
		rowsAccepted: o.rowsAccepted,
		rowsRejected: o.rowsRejected,
		rowsIgnored: o.rowsIgnored,
		rowsDuplicate: o.rowsDuplicate,
		reasons: o.rejectsByReason,
		rejects: o.detail?.rejects ?? [],
		names: [
			...w.unknownDistricts.map((warning) => ({ field: 'district' as const, warning })),
			...w.unknownCommunes.map((warning) => ({ field: 'commune' as const, warning })),
			...w.unknownWorkplaces.map((warning) => ({ field: 'workplace' as const, warning })),
			...w.unknownGroups.map((warning) => ({ field: 'group' as const, warning }))
		],
		unknownColumns: o.unknownColumns,
		outside: outsideRows(user, o.detail?.touched ?? [], figures)
	};
}

export function shapePreview(doc: IngestDocument, user: User): PreviewData {
	const files = doc.files.map((o) => filePreview(o, user, doc.figures?.after));
	return {
		files,
		effect: doc.figures ? figureEffect(doc.figures.before, doc.figures.after) : null,
		openNames: doc.settled.open,
		refusedForScope: files.some((f) => f.status === 'loaded' && f.outside.length > 0)
	};
}

export interface RemovalPreview {
	removed: Pick<ImportRow, 'id' | 'file' | 'sheet' | 'asOf' | 'rowsAccepted'>;
	effect: Effect;
	allowed: boolean;
}

export function shapeRemoval(doc: RemoveDocument, user: User): RemovalPreview {
	const { id, file, sheet, asOf, rowsAccepted } = doc.removed;
	return {
		removed: { id, file, sheet, asOf, rowsAccepted },
		effect: figureEffect(doc.figures.before, doc.figures.after),
		allowed: mayRemove(user, doc.touched, parentLookup(doc.figures.before.units))
	};
}
