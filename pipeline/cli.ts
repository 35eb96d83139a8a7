/**
 * `npm run pipeline -- <command> [options]`: parses the command line into typed options (testable
 * without exiting), runs the command, and returns the exit code: 0 done (rows may have been
 * rejected: they are summarised), 1 file refused (nothing changed), 2 usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, configText } from '../src/lib/config-errors.ts';
import { isIsoDate, type IsoDate } from '../src/lib/dates.ts';
import { dataDir, loadConfig } from '../src/lib/server/config.ts';
import { ImportError, ImportErrors, UsageError } from './errors.ts';
import { accountText, errorText, type Lang } from './messages.ts';
import { runActivity, runUnits } from './commands/lists.ts';
import { runImports, runRejects } from './commands/history.ts';
import { runIngest } from './commands/ingest.ts';
import { runNames } from './commands/names.ts';
import { runPresets } from './commands/presets.ts';
import { runProgress } from './commands/progress.ts';
import { runReport } from './commands/report.ts';
import { runSetup } from './commands/setup.ts';
import { runUsers } from './commands/users.ts';
import { loggedAction, recordCommand } from './audit.ts';
import { AccountError } from '../src/lib/server/accounts/users.ts';
import { isMonth } from '../src/lib/server/report/month.ts';
import {
	isReportFormat,
	REPORT_FORMATS,
	type ReportFormat
} from '../src/lib/server/report/formats.ts';
import { terminalOutput, type Output } from './tty.ts';

export const COMMANDS = [
	'ingest',
	'units',
	'activity',
	'progress',
	'imports',
	'rejects',
	'names',
	'presets',
	'report',
	'setup',
	'users'
] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
	command: Command;
	args: string[];
	db: string;
	/** The data directory (--data, else CDHT_DATA, else data): configuration, presets, vocabulary. */
	dataDir: string;
	asOf?: IsoDate;
	dryRun: boolean;
	/** ingest: read files already imported again. */
	again: boolean;
	json: boolean;
	csv?: string;
	preset?: string;
	lang: Lang;
	/** report: the month "YYYY-MM", the format and the output file. */
	month?: string;
	format?: ReportFormat;
	out?: string;
	/** setup, units: the GSO province code; setup: the catalogue, the boundaries, the year. */
	province?: string;
	units?: string;
	boundaries?: string;
	year?: number;
	/** setup: write over an existing config.json. */
	force?: boolean;
	/** users add: the role and, for an officer, the unit. */
	role?: string;
	unit?: string;
	/**
	 * What a command tells the audit log beyond its arguments (ingest: each file's hash and
	 * counts); filled while it runs, logged by run() once it has succeeded.
	 */
	notes?: Record<string, unknown>;
}

/** The flag table: drives parsing, --help and the unknown-flag error. */
const FLAGS = {
	data: {
		type: 'string',
		description: 'data directory: config.json, targets, vocabulary (default: $CDHT_DATA or data)'
	},
	db: { type: 'string', description: "database file (default: the data directory's config.json)" },
	'as-of': {
		type: 'string',
		description: 'as-of date YYYY-MM-DD (ingest: of the export; progress: the day shown)'
	},
	'dry-run': {
		type: 'boolean',
		description:
			'ingest, units, activity, names, imports remove, presets: report what would change, change nothing'
	},
	again: {
		type: 'boolean',
		description: 'ingest: read files already imported again, replacing their earlier import'
	},
	json: {
		type: 'boolean',
		description:
			'progress, names, ingest, imports remove: one JSON document on stdout (ingest: progress as JSON lines on stderr)'
	},
	csv: { type: 'string', description: 'rejects: write the rows to this CSV file' },
	preset: {
		type: 'string',
		description:
			"progress, report: target preset id (default: config.json's defaultPreset, else the first)"
	},
	month: { type: 'string', description: 'report: the month YYYY-MM' },
	format: { type: 'string', description: 'report: docx (default), xlsx, pdf or html' },
	out: {
		type: 'string',
		description:
			'report: the file to write (default: bao-cao-cdht-YYYY-MM.docx here); names export: the unit list to write; setup: the directory (default: the data directory)'
	},
	province: {
		type: 'string',
		description: 'setup, units: the GSO province code (Quảng Ngãi 51, Hà Tĩnh 42)'
	},
	units: { type: 'string', description: 'setup: the GSO unit catalogue (CSV or XLSX)' },
	boundaries: {
		type: 'string',
		description: 'setup, units: district boundaries GeoJSON (national or the province)'
	},
	year: { type: 'string', description: 'setup: the campaign year of the target preset' },
	force: { type: 'boolean', description: 'setup: write over an existing config.json' },
	role: { type: 'string', description: 'users add: admin, association, officer or viewer' },
	unit: { type: 'string', description: "users add: an officer's unit code (from the unit list)" },
	lang: { type: 'string', description: 'vi (default) or en' },
	help: { type: 'boolean', description: 'show this help' }
} as const;

export const USAGE = `usage: npm run pipeline -- <command> [options]

commands:
  ingest <file|dir>... [--as-of YYYY-MM-DD] [--again] [--dry-run] [--json]
                                                            load registration exports (CSV, XLSX)
  setup --province CODE --units CATALOGUE --boundaries GEOJSON [--out DIR] [--year YYYY] [--force]
                                                            a data directory for a province
  units <file> [--province CODE] [--boundaries GEOJSON] [--dry-run]
                                                            load or replace the unit list
  activity <file> [--dry-run]                               load the association's activity sheet
  progress [--as-of DATE] [--preset ID] [--json]           progress of every unit against its target
  imports                                                   the import history
  imports remove <import> [--dry-run] [--json]              remove an import (the file can come back)
  rejects <import> [--csv FILE]                             rejected rows of an import
  names [--json]                                            names no unit matches, across all imports
  names accept "<name>" <code>                              the name means that unit (or group)
  names ignore "<name>"                                     the name is not ours: stop listing it
  names undo "<name>"                                       take back the decisions on a name
  names export --out FILE                                   the unit list with accepted names as aliases
  names rematch                                             match every import again (vocabulary edited)
  presets                                                   the target presets (* the default)
  presets add <file.json> [--dry-run]                       check a preset and save it (same id: replace)
  presets remove <id> [--dry-run]                           remove a target preset
  report --month YYYY-MM [--format docx|xlsx|pdf|html] [--out FILE] [--lang en]
                                                            the month's progress report
  users add <name> --role admin|association|officer|viewer [--unit CODE]
                                                            an account for the dashboard (password asked twice, or read from stdin)
  users list                                                the accounts
  users remove <name>                                       remove an account (never the last admin)
  users passwd <name>                                       a new password (its sessions end)

options:
${Object.entries(FLAGS)
	.map(([name, f]) => `  --${name.padEnd(10)} ${f.description}`)
	.join('\n')}`;

/** Parses argv (without node and script); throws UsageError with what is allowed. */
export function parseOptions(argv: string[]): CliOptions | 'help' {
	let parsed;
	try {
		parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UsageError((error as Error).message.split('\n')[0]!);
	}
	const { values, positionals } = parsed;
	if (values.help || positionals.length === 0) return 'help';
	const [command, ...args] = positionals;
	if (!(COMMANDS as readonly string[]).includes(command!)) {
		throw new UsageError(`unknown command "${command}": one of ${COMMANDS.join(', ')}`);
	}
	const lang = values.lang ?? 'vi';
	if (lang !== 'vi' && lang !== 'en')
		throw new UsageError(`--lang must be vi or en, not "${lang}"`);
	if (values['as-of'] !== undefined && !isIsoDate(values['as-of'])) {
		throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${values['as-of']}"`);
	}
	const need = {
		ingest: [1, Infinity],
		units: [1, 1],
		activity: [1, 1],
		progress: [0, 0],
		imports: [0, 2],
		rejects: [1, 1],
		names: [0, 3],
		presets: [0, 2],
		report: [0, 0],
		setup: [0, 0],
		users: [1, 2]
	}[command as Command];
	if (args.length < need[0]! || args.length > need[1]!) {
		throw new UsageError(
			`${command}: wrong number of arguments\n${USAGE.split('\n')
				.find((l) => l.trim().startsWith(command!))
				?.trim()}`
		);
	}
	if (command === 'rejects' && !/^\d+$/.test(args[0]!))
		throw new UsageError(`rejects: the import is its number (see "imports"), not "${args[0]}"`);
	if (command === 'imports' && args.length > 0)
		if (args[0] !== 'remove' || args.length !== 2 || !/^\d+$/.test(args[1]!))
			throw new UsageError('imports remove <import>: the import is its number (see "imports")');
	if (command === 'report') checkReportOptions(values.month, values.format);
	if (command === 'setup') checkSetupOptions(values);
	if (values.year !== undefined && !/^20\d\d$/.test(values.year))
		throw new UsageError(`--year must be a year YYYY, not "${values.year}"`);
	const dir = values.data !== undefined ? path.resolve(values.data) : dataDir();
	return {
		command: command as Command,
		args,
		// setup writes the configuration: it must not need a readable one.
		db: values.db ?? (command === 'setup' ? '' : loadConfig(dir).database),
		dataDir: dir,
		asOf: values['as-of'],
		dryRun: values['dry-run'] ?? false,
		again: values.again ?? false,
		json: values.json ?? false,
		csv: values.csv,
		preset: values.preset,
		lang,
		month: values.month,
		format: values.format as ReportFormat | undefined,
		out: values.out,
		...(values.province !== undefined && { province: values.province }),
		...(values.units !== undefined && { units: values.units }),
		...(values.boundaries !== undefined && { boundaries: values.boundaries }),
		...(values.year !== undefined && { year: Number(values.year) }),
		...(values.force && { force: true }),
		...(values.role !== undefined && { role: values.role }),
		...(values.unit !== undefined && { unit: values.unit })
	};
}

function checkSetupOptions(values: { province?: string; units?: string; boundaries?: string }) {
	const missing = (['province', 'units', 'boundaries'] as const).filter((k) => !values[k]);
	if (missing.length > 0)
		throw new UsageError(
			`setup: ${missing.map((k) => `--${k}`).join(', ')} required, e.g. setup --province 51 --units ../shared/reference/vietnam-units-2023-04-10.csv --boundaries ../shared/reference/vietnam-districts.geojson`
		);
}

function checkReportOptions(month: string | undefined, format: string | undefined): void {
	if (month === undefined)
		throw new UsageError('report: --month YYYY-MM is required, e.g. --month 2023-10');
	if (!isMonth(month)) throw new UsageError(`--month must be a month YYYY-MM, not "${month}"`);
	if (format !== undefined && !isReportFormat(format)) {
		throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}"`);
	}
}

export async function run(argv: string[], output: Output = terminalOutput()): Promise<number> {
	let options;
	try {
		options = parseOptions(argv);
	} catch (error) {
		if (error instanceof ConfigError) {
			// The configuration is read while parsing (for the database path): --lang still holds.
			output.error(output.colour.red('✗ ') + configText(error, langOf(argv)));
			return 1;
		}
		if (!(error instanceof UsageError)) {
			// Reading the configuration failed (a folder or a device named config.json…).
			output.error(output.colour.red('✗ ') + errorText(systemError(error), langOf(argv)));
			return 1;
		}
		output.error(`${error.message}\n\n${USAGE}`);
		return 2;
	}
	if (options === 'help') {
		output.line(USAGE);
		return 0;
	}
	try {
		const notes: Record<string, unknown> = {};
		const code = await dispatch({ ...options, notes }, output);
		const action = loggedAction(options);
		if (code === 0 && action !== null) await logged(options, action, notes, output);
		return code;
	} catch (error) {
		output.done();
		if (error instanceof ImportError) {
			output.error(output.colour.red('✗ ') + errorText(error, options.lang));
			return 1;
		}
		if (error instanceof ImportErrors) {
			for (const e of error.errors)
				output.error(output.colour.red('✗ ') + errorText(e, options.lang));
			return 1;
		}
		if (error instanceof ConfigError) {
			output.error(output.colour.red('✗ ') + configText(error, options.lang));
			return 1;
		}
		if (error instanceof AccountError) {
			output.error(output.colour.red('✗ ') + accountText(error, options.lang));
			return 1;
		}
		if (error instanceof UsageError) {
			output.error(error.message);
			return 2;
		}
		// Anything else (disk full, permissions, a name too long): one line, no stack trace.
		output.error(output.colour.red('✗ ') + errorText(systemError(error), options.lang));
		return 1;
	}
}

async function dispatch(options: CliOptions, output: Output): Promise<number> {
	switch (options.command) {
		case 'ingest':
			return runIngest(options, output);
		case 'units':
			return runUnits(options, output);
		case 'activity':
			return runActivity(options, output);
		case 'progress':
			return runProgress(options, output);
		case 'imports':
			return runImports(options, output);
		case 'rejects':
			return runRejects(options, output);
		case 'names':
			return runNames(options, output);
		case 'presets':
			return runPresets(options, output);
		case 'report':
			return runReport(options, output);
		case 'setup':
			return runSetup(options, output);
		case 'users':
			return runUsers(options, output);
	}
}

/** The change is made: a log that cannot be written is said, and the exit code says it too. */
async function logged(
	options: CliOptions,
	action: string,
	notes: Record<string, unknown>,
	output: Output
): Promise<void> {
	output.done();
	try {
		await recordCommand(options, action, notes);
	} catch (error) {
		const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
		throw new ImportError('audit_failed', {}, { detail });
	}
}

/** The --lang asked for, from arguments that may not parse. */
export function langOf(argv: string[]): Lang {
	const { values } = parseArgs({ args: argv, options: FLAGS, strict: false });
	return values.lang === 'en' ? 'en' : 'vi';
}

/** An unexpected failure as an ImportError: the file it concerns (if known) and its cause. */
export function systemError(error: unknown): ImportError {
	const { code, path: file } = (error ?? {}) as { code?: unknown; path?: unknown };
	const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
	return new ImportError(
		'system_error',
		typeof file === 'string' ? { file: path.basename(file) } : {},
		{ code: typeof code === 'string' ? code : '', detail }
	);
}
