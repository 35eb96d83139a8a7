/**
 * The ingest job: read → normalise → match → validate → load for each file, then rebuild the
 * aggregates once, all on a working copy that replaces the live database only if every file
 * loads (see workspace.ts).
 *
 * Order is explicit: among imports with the same as-of date the later import wins, so one command
 * refuses two files with the same as-of date (which one is the correction is not the tool's
 * guess); they are imported one by one, the one to keep last.
 */
import { createHash } from 'node:crypto';
import {
	closeSync,
	mkdirSync,
	openSync,
	readdirSync,
	readSync,
	statSync,
	type Stats
} from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../src/lib/server/db.ts';
import type { IsoDate } from '../src/lib/dates.ts';
import { formatDate } from '../src/lib/format.ts';
import { publishedFigures, type Figures } from '../src/lib/server/desk/figures.ts';
import { unitsTouched, type TouchedUnits } from '../src/lib/server/desk/touched.ts';
import { importByHash, importsAsOf, rejectCounts, rejectsOf } from '../src/lib/server/imports.ts';
import type { RejectRow } from '../src/lib/server/schema.ts';
import type { TargetPreset } from '../src/lib/targets.ts';
import { chooseAsOf, type AsOfSource } from './as-of.ts';
import { buildDictionaries, type DictionaryReport } from './dictionaries.ts';
import { ImportError } from './errors.ts';
import { removeImport } from './imports.ts';
import { load } from './load.ts';
import { matchingContext } from './names/context.ts';
import { settle, type Settled } from './names/rematch.ts';
import { readExport, type ReadProgress } from './read/index.ts';
import { registerPersonKey } from './person-key.ts';
import { loadOrCreateSecret } from './secret.ts';
import { validate } from './validate.ts';
import { withWorkingCopy } from './workspace.ts';

export interface IngestOptions {
	db: string;
	/** The data directory whose vocabulary files extend the matching (null: the shipped ones). */
	dataDir: string | null;
	inputs: string[];
	asOf?: IsoDate;
	dryRun?: boolean;
	/** Read files already imported again, replacing their earlier import. */
	again?: boolean;
	onStage?: (file: string, stage: Stage, progress?: ReadProgress) => void;
	/**
	 * The import desk's preview: each loaded file's rejected rows and the units its rows name,
	 * and the published figures of this preset before and after (see Ingested.figures).
	 */
	detail?: TargetPreset;
}

/** What the import desk shows of a loaded file besides its counts. */
export interface FileDetail {
	/** Masked as stored (validate.ts): no personal value. */
	rejects: Omit<RejectRow, 'importId'>[];
	touched: TouchedUnits[];
}

export type Stage = 'hash' | 'read' | 'match' | 'validate' | 'load' | 'aggregate';

export type FileOutcome =
	| { file: string; status: 'unchanged'; importId: number; asOf: IsoDate; contentHash: string }
	| {
			file: string;
			status: 'loaded';
			/** SHA-256 of the file, hex: how the audit log names what was loaded. */
			contentHash: string;
			importId: number;
			asOf: IsoDate;
			asOfSource: AsOfSource;
			/** The title's date, when the typed --as-of disagrees with it. */
			titleAsOf: IsoDate | null;
			/** Earlier imports with the same as-of date: this one wins for the people in both. */
			sameAsOf: { id: number; file: string }[];
			/** With --again: the earlier import of the same file, replaced. */
			replaced: number | null;
			format: 'csv' | 'xlsx';
			sheet: string | null;
			rowsRead: number;
			rowsIgnored: number;
			rowsAccepted: number;
			rowsRejected: number;
			rowsDuplicate: number;
			rejectsByReason: { reason: string; rows: number }[];
			unknownColumns: string[];
			warnings: DictionaryReport;
			seconds: number;
			/** With the `detail` option. */
			detail?: FileDetail;
	  };

const EXPORT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv', '.xlsx']);

/** Files named on the command line; directories stand for the exports they hold, by name. */
export function expandInputs(inputs: string[]): string[] {
	return inputs.flatMap((input) => {
		let stat;
		try {
			stat = statSync(input);
		} catch {
			throw new ImportError('not_found', { file: input });
		}
		if (!stat.isDirectory()) return [regularFile(input, stat)];
		return readdirSync(input)
			.filter(
				(name) => EXPORT_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith('~$')
			)
			.sort()
			.map((name) => path.join(input, name))
			.map((file) => regularFile(file, statSync(file)));
	});
}

/**
 * Hashing or reading a FIFO or a link to /dev/zero would hang for ever: only regular files
 * (links followed) are read, anything else refused before it is opened.
 */
function regularFile(file: string, stat: Stats): string {
	if (!stat.isFile()) throw new ImportError('not_regular_file', { file: path.basename(file) });
	return file;
}

/**
 * DuckDB's memory for an import: 512 MB keeps a million-row import under 1 GB of RAM; a larger
 * file gets room in proportion (about three times its size, an XLSX counted as the CSV it would be), up to 60%
 * of the machine, since some steps (numbering rows, finding each person's latest state) hold
 * their input in memory.
 */
export function memoryFor(files: string[]): string {
	const MB = 2 ** 20;
	const largest = Math.max(
		0,
		...files.map((f) => statSync(f).size * (f.toLowerCase().endsWith('.xlsx') ? 1.5 : 1))
	);
	const wanted = Math.max(512 * MB, 3 * largest);
	return `${Math.round(Math.min(wanted, 0.6 * totalmem()) / MB)}MB`;
}

/** SHA-256 of the file, read in large blocks (a third faster than a stream of 1 MB chunks). */
export function contentHash(file: string): string {
	const hash = createHash('sha256');
	const block = Buffer.allocUnsafe(4 << 20);
	const fd = openSync(file, 'r');
	try {
		let read;
		while ((read = readSync(fd, block, 0, block.length, null)) > 0)
			hash.update(block.subarray(0, read));
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

export interface Ingested {
	outcomes: FileOutcome[];
	settled: Settled;
	/** With the `detail` option: the published figures on the working copy before and after. */
	figures?: { before: Figures; after: Figures };
}

export async function ingest(options: IngestOptions): Promise<Ingested> {
	const files = expandInputs(options.inputs);
	const stage = options.onStage ?? (() => {});
	mkdirSync(path.dirname(path.resolve(options.db)), { recursive: true });
	const key = loadOrCreateSecret(options.db);
	const workDir = path.dirname(path.resolve(options.db));
	return withWorkingCopy(
		options.db,
		async (db) => {
			const matching = await matchingContext(db, options.dataDir);
			if (matching.units.length === 0) throw new ImportError('no_units');
			const outcomes: FileOutcome[] = [];
			// The dates whose figures this run changes: the imports loaded and those they replace.
			const replacedAsOf: IsoDate[] = [];
			const before = options.detail && (await publishedFigures(db.kysely, options.detail));
			const connection = await db.connect();
			registerPersonKey(connection, key);
			try {
				for (const file of files) {
					const name = path.basename(file);
					const started = new Date();
					stage(name, 'hash');
					const hash = contentHash(file);
					const previous = await importByHash(db.kysely, hash);
					if (previous && !options.again) {
						outcomes.push({
							file: name,
							status: 'unchanged',
							importId: previous.id,
							asOf: previous.asOf,
							contentHash: hash
						});
						continue;
					}
					if (previous) {
						await removeImport(connection, previous.id);
						replacedAsOf.push(previous.asOf);
					}
					stage(name, 'read');
					const read = await readExport(file, connection, workDir, key, (p) =>
						stage(name, 'read', p)
					);
					const readMs = Date.now() - started.getTime();
					const asOf = chooseAsOf(options.asOf, read.header.asOf, name);
					if (!asOf) throw new ImportError('no_as_of', { file: name, sheet: read.sheet });
					refuseSameAsOf(outcomes, name, asOf.date);
					stage(name, 'match');
					const warnings = await buildDictionaries(connection, matching.matcher, asOf.date);
					stage(name, 'validate');
					await validate(connection, asOf.date, read.labels, read.keyedIds);
					await refuseOtherProvince(connection, name, read.sheet, warnings);
					stage(name, 'load');
					const sameAsOf = await importsAsOf(db.kysely, asOf.date);
					const loaded = await load(db, connection, {
						file: name,
						sheet: read.sheet,
						contentHash: hash,
						asOf: asOf.date,
						startedAt: started,
						readMs,
						idColumn: read.labels.idNumber ?? null,
						districtColumn: read.labels.district ?? null
					});
					outcomes.push({
						file: name,
						status: 'loaded',
						contentHash: hash,
						importId: loaded.importId,
						asOf: asOf.date,
						asOfSource: asOf.source,
						titleAsOf: asOf.titleDisagrees,
						sameAsOf: sameAsOf.map((i) => ({ id: i.id, file: i.file })),
						replaced: previous?.id ?? null,
						format: read.format,
						sheet: read.sheet,
						rowsRead: loaded.rowsRead,
						rowsIgnored: read.rowsIgnored,
						rowsAccepted: loaded.rowsAccepted,
						rowsRejected: loaded.rowsRejected,
						rowsDuplicate: loaded.rowsDuplicate,
						rejectsByReason: await rejectCounts(db.kysely, loaded.importId),
						unknownColumns: read.header.unknown,
						warnings,
						seconds: (Date.now() - started.getTime()) / 1000
					});
				}
				const loadedAny = outcomes.some((o) => o.status === 'loaded');
				if (loadedAny) stage('', 'aggregate');
				const settled = await settle(db, connection, matching, {
					rowsChanged: loadedAny,
					from: earliest([
						...replacedAsOf,
						...outcomes.filter((o) => o.status === 'loaded').map((o) => o.asOf)
					])
				});
				if (!before || !options.detail) return { outcomes, settled };
				// After settle: a re-match may have rewritten the rejects and moved rows.
				for (const o of outcomes)
					if (o.status === 'loaded') o.detail = await fileDetail(db, o.importId);
				const after = await publishedFigures(db.kysely, options.detail);
				return { outcomes, settled, figures: { before, after } };
			} finally {
				connection.closeSync();
			}
		},
		{
			dryRun: options.dryRun,
			memoryLimit: memoryFor(files),
			changed: ({ outcomes, settled }) =>
				settled.rematched || outcomes.some((o) => o.status === 'loaded')
		}
	);
}

/** The earliest of the dates (ISO dates sort as text). */
function earliest(dates: (IsoDate | null | undefined)[]): IsoDate | undefined {
	return dates.filter((d): d is IsoDate => !!d).sort()[0];
}

async function fileDetail(db: Db, importId: number): Promise<FileDetail> {
	const rejects = await rejectsOf(db.kysely, importId);
	return {
		rejects: rejects.map(({ row, column, reason, value }) => ({ row, column, reason, value })),
		touched: await unitsTouched(db.kysely, importId)
	};
}

/** Two files of one command with the same as-of date: which is the correction is not ours to guess. */
function refuseSameAsOf(outcomes: FileOutcome[], file: string, asOf: IsoDate): void {
	const other = outcomes.find((o) => o.status === 'loaded' && o.asOf === asOf);
	if (other)
		throw new ImportError('same_as_of', { file }, { other: other.file, date: formatDate(asOf) });
}

/** A file none of whose district names is the province's is another province's export. */
async function refuseOtherProvince(
	connection: DuckDBConnection,
	file: string,
	sheet: string | null,
	warnings: DictionaryReport
): Promise<void> {
	const reader = await connection.runAndReadAll(`
		SELECT count(*) FILTER (WHERE territory_code IS NOT NULL)::INTEGER AS matched,
			count(*) FILTER (WHERE problem IN ('unknown_district', 'ambiguous_district'))::INTEGER AS unmatched
		FROM checked`);
	const { matched, unmatched } = reader.getRowObjectsJson()[0] as {
		matched: number;
		unmatched: number;
	};
	if (matched > 0 || unmatched === 0) return;
	throw new ImportError(
		'other_province',
		{ file, sheet },
		{
			rows: unmatched,
			names: warnings.unknownDistricts
				.slice(0, 3)
				.map((w) => `“${w.name}”`)
				.join(', ')
		}
	);
}
