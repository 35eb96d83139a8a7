/**
 * `npm run bench:ingest [-- --rows N] [--big] [--runs K]`
 *
 * Generates N registration rows (default 1,000,000; --big: 10,000,000) as one CSV and one XLSX
 * export, then measures, each in its own process and K times (default 3): the full ingest of the
 * CSV, the full ingest of the XLSX, and a bare DuckDB read_csv of the same CSV into a table.
 * Prints medians, rows/s, peak RSS and the ratio to bare DuckDB. Goals: CSV ≥ 0.7× bare; XLSX ≥
 * 100,000 rows/s; peak RSS < 1 GB at 1M rows.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { run } from '../../pipeline/cli.ts';
import { generate } from '../../pipeline/demo/generate.ts';
import { memoryOutput } from '../../pipeline/tty.ts';
import { fmt, machine, measure, median, ROOT, table, type Measured } from './measure.ts';
import { createXlsxWriter } from './xlsx/writer.ts';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: {
		rows: { type: 'string' },
		big: { type: 'boolean' },
		runs: { type: 'string', default: '3' }
	}
});
const rows = values.big ? 10_000_000 : Number(values.rows ?? 1_000_000);
const runs = Number(values.runs);
const dir = path.join(ROOT, 'data/bench', String(rows));
mkdirSync(dir, { recursive: true });

const marker = path.join(dir, 'generated.json');
if (!existsSync(marker)) {
	console.log(
		`Generating ${fmt(rows)} rows as CSV and XLSX in ${dir} (once; kept for later runs) …`
	);
	const generated = await generate({
		out: dir,
		rows,
		snapshots: 'final',
		formats: ['csv', 'xlsx'],
		log: (l) => console.log(`  ${l}`),
		// Not exceljs: four to five times the CPU and gigabytes at these sizes, and its files
		// would change what the XLSX ingest measures (README.md, Benchmarks).
		xlsxWriter: createXlsxWriter
	});
	writeFileSync(marker, JSON.stringify(generated));
}
const generated = JSON.parse(readFileSync(marker, 'utf8')) as Awaited<ReturnType<typeof generate>>;
const csv = generated.exports.find((e) => e.file.endsWith('.csv'))!.file;
const xlsx = generated.exports.find((e) => e.file.endsWith('.xlsx'))!.file;

const base = path.join(dir, 'base.duckdb');
if (!existsSync(base)) {
	const output = memoryOutput();
	if ((await run(['units', generated.units, '--db', base], output)) !== 0)
		throw new Error(output.errors.join('\n'));
}

function repeat(kind: string, file: string): Measured[] {
	const results: Measured[] = [];
	for (let i = 0; i < runs; i++) {
		const db = path.join(dir, `run-${kind}.duckdb`);
		rmSync(db, { force: true });
		if (kind !== 'bare') copyFileSync(base, db);
		results.push(measure(kind === 'bare' ? 'bare' : 'ingest', file, db));
		rmSync(db, { force: true });
		process.stdout.write('.');
	}
	return results;
}

console.log(`Measuring ${runs} runs each on ${machine()}`);
const bare = repeat('bare', csv);
const csvRuns = repeat('csv', csv);
const xlsxRuns = repeat('xlsx', xlsx);
console.log('\n');
const bareRate = bare[0]!.rows / (median(bare.map((r) => r.ms)) / 1000);
const line = (name: string, results: Measured[]) => {
	const seconds = median(results.map((r) => r.ms)) / 1000;
	const rate = results[0]!.rows / seconds;
	return [
		name,
		fmt(results[0]!.rows),
		seconds.toFixed(2),
		fmt(rate),
		fmt(median(results.map((r) => r.rssMb))),
		(rate / bareRate).toFixed(2)
	];
};
console.log(
	table(
		['run', 'rows', 'median s', 'rows/s', 'peak RSS MB', '× bare'],
		[
			line('bare DuckDB read_csv (CSV)', bare),
			line('full ingest, CSV', csvRuns),
			line('full ingest, XLSX', xlsxRuns)
		]
	)
);
