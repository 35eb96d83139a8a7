/**
 * The ingest job: read → normalise → match → validate → load for each file, then rebuild the
 * aggregates once, all on a working copy that replaces the live database only if every file
 * loads (see workspace.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import type { IsoDate } from '../src/lib/dates.ts';
import { importByHash, rejectCounts } from '../src/lib/server/imports.ts';
import { listUnits } from '../src/lib/server/units.ts';
import { rebuildAggregates } from './aggregate.ts';
import { buildDictionaries, type DictionaryReport } from './dictionaries.ts';
import { ImportError } from './errors.ts';
import { load } from './load.ts';
import { UnitMatcher } from './match.ts';
import { readExport, type ReadProgress } from './read/index.ts';
import { registerPersonKey } from './person-key.ts';
import { loadOrCreateSecret } from './secret.ts';
import { validate } from './validate.ts';
import { withWorkingCopy } from './workspace.ts';

export interface IngestOptions {
	db: string;
	inputs: string[];
	asOf?: IsoDate;
	dryRun?: boolean;
	onStage?: (file: string, stage: Stage, progress?: ReadProgress) => void;
}

export type Stage = 'hash' | 'read' | 'match' | 'validate' | 'load' | 'aggregate';

export type FileOutcome =
	| { file: string; status: 'unchanged'; importId: number; asOf: IsoDate }
	| {
			file: string;
			status: 'loaded';
			importId: number;
			asOf: IsoDate;
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
		if (!stat.isDirectory()) return [input];
		return readdirSync(input)
			.filter(
				(name) => EXPORT_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith('~$')
			)
			.sort()
			.map((name) => path.join(input, name));
	});
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

export async function ingest(options: IngestOptions): Promise<FileOutcome[]> {
	const files = expandInputs(options.inputs);
	const stage = options.onStage ?? (() => {});
	mkdirSync(path.dirname(path.resolve(options.db)), { recursive: true });
	const key = loadOrCreateSecret(options.db);
	const workDir = path.dirname(path.resolve(options.db));
	return withWorkingCopy(
		options.db,
		async (db) => {
			const units = await listUnits(db.kysely);
			if (units.length === 0) throw new ImportError('no_units');
			const matcher = new UnitMatcher(units);
			const outcomes: FileOutcome[] = [];
			const connection = await db.connect();
			registerPersonKey(connection, key);
			try {
				for (const file of files) {
					const name = path.basename(file);
					const started = new Date();
					stage(name, 'hash');
					const hash = contentHash(file);
					const previous = await importByHash(db.kysely, hash);
					if (previous) {
						outcomes.push({
							file: name,
							status: 'unchanged',
							importId: previous.id,
							asOf: previous.asOf
						});
						continue;
					}
					stage(name, 'read');
					const read = await readExport(file, connection, workDir, (p) => stage(name, 'read', p));
					const readMs = Date.now() - started.getTime();
					const asOf = options.asOf ?? read.header.asOf;
					if (!asOf) throw new ImportError('no_as_of', { file: name, sheet: read.sheet });
					stage(name, 'match');
					const warnings = await buildDictionaries(connection, matcher, asOf);
					stage(name, 'validate');
					await validate(connection, asOf, read.labels);
					stage(name, 'load');
					const loaded = await load(db, connection, {
						file: name,
						sheet: read.sheet,
						contentHash: hash,
						asOf,
						startedAt: started,
						readMs
					});
					outcomes.push({
						file: name,
						status: 'loaded',
						importId: loaded.importId,
						asOf,
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
				if (outcomes.some((o) => o.status === 'loaded')) {
					stage('', 'aggregate');
					await rebuildAggregates(connection);
				}
			} finally {
				connection.closeSync();
			}
			return outcomes;
		},
		{
			dryRun: options.dryRun,
			memoryLimit: memoryFor(files),
			changed: (outcomes) => outcomes.some((o) => o.status === 'loaded')
		}
	);
}
