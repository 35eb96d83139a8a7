/**
 * `npm run bench:xlsx-writers [-- --rows N]`
 *
 * Writes the benchmark's XLSX export (the canonical shape, N rows, default 1,000,000) with each
 * writer, each in its own process: `none` (the rows are made and dropped: the generator's own
 * cost), the hand-written writer the benchmark uses (tests/bench/xlsx/), and exceljs's streaming
 * writer (pipeline/demo/xlsx-writer.ts) with shared strings and with text in the cells. Prints
 * CPU seconds (steadier than wall time on a shared machine), the writer's rows per CPU second
 * (the `none` run's CPU taken off), peak RSS and the file's size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../../pipeline/demo/generate.ts';
import { createXlsxWriter, type XlsxWriterFactory } from '../../pipeline/demo/xlsx-writer.ts';
import { fmt, machine, NODE, table } from './measure.ts';
import { createXlsxWriter as createBenchWriter } from './xlsx/writer.ts';

const WRITERS: Record<string, XlsxWriterFactory> = {
	none: async () => ({ writeRows: async () => {}, close: async () => {} }),
	'hand-written (bench)': createBenchWriter,
	'exceljs, shared strings': createXlsxWriter,
	'exceljs, text in cells': (file, options) =>
		createXlsxWriter(file, { ...options, sharedStrings: false })
};

interface Run {
	rows: number;
	cpuS: number;
	wallS: number;
	rssMb: number;
	bytes: number;
}

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: { rows: { type: 'string', default: '1000000' }, child: { type: 'string' } }
});
const rows = Number(values.rows);

if (values.child !== undefined) {
	const out = mkdtempSync(path.join(tmpdir(), 'cdht-xlsx-bench-'));
	try {
		const started = performance.now();
		const generated = await generate({
			out,
			rows,
			snapshots: 'final',
			formats: ['xlsx'],
			xlsxWriter: WRITERS[values.child]
		});
		const cpu = process.cpuUsage();
		const file = generated.exports[0]!.file;
		const run: Run = {
			rows: generated.exports[0]!.rows,
			cpuS: (cpu.user + cpu.system) / 1e6,
			wallS: (performance.now() - started) / 1000,
			rssMb: process.resourceUsage().maxRSS / 1024,
			bytes: values.child === 'none' ? 0 : statSync(file).size
		};
		console.log(JSON.stringify(run));
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
} else {
	console.log(`Writing ${fmt(rows)} rows with each writer on ${machine()}`);
	const runs = new Map<string, Run>();
	for (const name of Object.keys(WRITERS)) {
		const output = execFileSync(
			NODE,
			[import.meta.filename, '--rows', String(rows), '--child', name],
			{ encoding: 'utf8' }
		);
		runs.set(name, JSON.parse(output.trim().split('\n').at(-1)!) as Run);
		process.stdout.write('.');
	}
	const base = runs.get('none')!.cpuS;
	console.log('\n');
	console.log(
		table(
			['writer', 'rows', 'CPU s', 'wall s', 'writer rows/CPU s', 'peak RSS MB', 'file MB'],
			[...runs].map(([name, r]) => [
				name,
				fmt(r.rows),
				r.cpuS.toFixed(1),
				r.wallS.toFixed(1),
				name === 'none' ? '' : fmt(r.rows / (r.cpuS - base)),
				fmt(r.rssMb),
				name === 'none' ? '' : (r.bytes / 1e6).toFixed(1)
			])
		)
	);
}
