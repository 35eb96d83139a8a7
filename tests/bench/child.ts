/**
 * One measured run, in its own process so its peak memory is its own: prints a JSON line with the
 * wall time (from after the imports) and the peak resident set size.
 *   child.ts ingest <file> <db>      the full pipeline ingest
 *   child.ts bare <file> <db>        DuckDB's read_csv into a table, nothing else
 *   child.ts remove <import> <db>    `imports remove <import>`
 */
import { readingProcess } from '../../pipeline/read/csv-isolated.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { run } from '../../pipeline/cli.ts';
import { memoryOutput } from '../../pipeline/tty.ts';

const [kind, file, db] = process.argv.slice(2);
const started = performance.now();
let rows: number;
if (kind === 'ingest') {
	const output = memoryOutput();
	const code = await run(['ingest', file!, '--db', db!], output);
	if (code !== 0) throw new Error(output.errors.join('\n'));
	// One summary line per file loaded (a folder of snapshots loads many).
	rows = [...output.lines.join('\n').matchAll(/: ([\d.]+) dòng đọc/g)].reduce(
		(sum, m) => sum + Number(m[1]!.replace(/\./g, '')),
		0
	);
} else if (kind === 'bare') {
	const instance = await DuckDBInstance.create(db!);
	const connection = await instance.connect();
	// The yardstick: every column as text, the three title lines skipped, bad lines (the totals
	// under the data) dropped, the table checkpointed to disk like the pipeline's.
	await connection.run(
		`CREATE TABLE raw AS SELECT * FROM read_csv('${file}', all_varchar = true, skip = 3, header = true, ignore_errors = true)`
	);
	await connection.run('CHECKPOINT');
	rows = (
		await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM raw')
	).getRowObjectsJson()[0]!.n as number;
	connection.closeSync();
	instance.closeSync();
} else if (kind === 'remove') {
	const output = memoryOutput();
	const code = await run(['imports', 'remove', file!, '--db', db!], output);
	if (code !== 0) throw new Error(output.errors.join('\n'));
	rows = 0;
} else {
	throw new Error(`unknown run ${kind}`);
}
const ms = performance.now() - started;
// A CSV is read in a process of its own (csv-isolated.ts): both peaks count, as if at once.
const rssMb = process.resourceUsage().maxRSS / 1024 + readingProcess.peakRssMb;
console.log(JSON.stringify({ kind, rows, ms, rssMb }));
