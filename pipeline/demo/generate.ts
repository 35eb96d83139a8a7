/**
 * `npm run generate -- --out DIR [--rows N] [--snapshots monthly|final] [--formats csv,xlsx]`
 *
 * Writes the simulated Hà Tĩnh 2023 demo: the unit list, the association's activity sheet and the
 * registration exports. By default one export per month end, June–December 2023, each in another
 * shape of the programme's software; `--snapshots final` writes only 31/12/2023 in each format
 * (benchmarks). `--rows N` scales the province so the last snapshot holds about N rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemoConfig } from './config.ts';
import { writeActivitySheet } from './activity.ts';
import { writeExport } from './exports.ts';
import { Population } from './people.ts';
import { CANONICAL, SNAPSHOT_SHAPES } from './shapes.ts';
import { buildDemoUnits, unitsCsv } from './units.ts';
import type { XlsxWriterFactory } from './xlsx-writer.ts';

export interface GenerateOptions {
	out: string;
	rows?: number;
	snapshots: 'monthly' | 'final';
	formats: ('csv' | 'xlsx')[];
	log?: (line: string) => void;
	/** Writes the XLSX exports; default exceljs (the benchmark passes its own, tests/bench/xlsx/). */
	xlsxWriter?: XlsxWriterFactory;
}

export interface Generated {
	units: string;
	activity: string;
	exports: { file: string; asOf: string; rows: number }[];
}

export async function generate(options: GenerateOptions): Promise<Generated> {
	const log = options.log ?? (() => {});
	const config = loadDemoConfig();
	const full = new Population(config, buildDemoUnits(config));
	const scale = options.rows ? options.rows / full.total : 1;
	const units = buildDemoUnits(config, scale);
	const population = scale === 1 ? full : new Population(config, units);
	const byCode = new Map(units.map((u) => [u.code, u]));
	mkdirSync(path.join(options.out, 'exports'), { recursive: true });

	const unitsFile = path.join(options.out, 'units.csv');
	writeFileSync(unitsFile, unitsCsv(units));
	const activityFile = path.join(options.out, 'activity.xlsx');
	await writeActivitySheet(activityFile, config, units);
	log(`units ${unitsFile}: ${units.length} units; activity ${activityFile}`);

	const jobs =
		options.snapshots === 'monthly'
			? config.snapshots.map((asOf, i) => ({
					asOf,
					shape: SNAPSHOT_SHAPES[i % SNAPSHOT_SHAPES.length]!
				}))
			: options.formats.map((format) => ({
					asOf: config.snapshots.at(-1)!,
					shape: format === 'csv' ? { ...CANONICAL, format, dates: 'dmy' as const } : CANONICAL
				}));
	const exports = [];
	for (const { asOf, shape } of jobs) {
		const file = path.join(options.out, 'exports', `cdht-ha-tinh-${asOf}.${shape.format}`);
		const started = performance.now();
		const { rows } = await writeExport(population, byCode, shape, asOf, file, options.xlsxWriter);
		const seconds = (performance.now() - started) / 1000;
		log(`export ${file}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);
		exports.push({ file, asOf, rows });
	}
	return { units: unitsFile, activity: activityFile, exports };
}

const USAGE =
	'usage: npm run generate -- --out DIR [--rows N] [--snapshots monthly|final] [--formats csv,xlsx]';

export function parseGenerateArgs(argv: string[]): GenerateOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			out: { type: 'string' },
			rows: { type: 'string' },
			snapshots: { type: 'string', default: 'monthly' },
			formats: { type: 'string', default: 'csv,xlsx' }
		}
	});
	if (!values.out) throw new Error(`--out is required\n${USAGE}`);
	const rows = values.rows === undefined ? undefined : Number(values.rows);
	if (rows !== undefined && !(Number.isInteger(rows) && rows > 0))
		throw new Error(`--rows must be a whole number above 0\n${USAGE}`);
	if (values.snapshots !== 'monthly' && values.snapshots !== 'final')
		throw new Error(`--snapshots must be monthly or final\n${USAGE}`);
	const formats = values.formats.split(',');
	if (!formats.every((f) => f === 'csv' || f === 'xlsx'))
		throw new Error(`--formats takes csv, xlsx or both\n${USAGE}`);
	return {
		out: values.out,
		rows,
		snapshots: values.snapshots,
		formats: formats as ('csv' | 'xlsx')[]
	};
}

if (import.meta.main) {
	try {
		const options = parseGenerateArgs(process.argv.slice(2));
		await generate({ ...options, log: (line) => console.log(line) });
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(2);
	}
}
