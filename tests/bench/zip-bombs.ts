/**
 * Zip bombs against the XLSX reader: a 3.4 GB inline-string cell, shared-strings part and styles
 * part (a few MB on disk), each declared at its true size and declared just under its part's
 * limit (the reader then inflates up to the limit before it stops), and a part as large as its
 * limit allows, all of it real. Built in a temp dir, deflated
 * as generated (nothing large is written or kept), and each ingested by the real CLI under
 * `/usr/bin/time -v`: wall time, peak RSS and the one line it ends with. Goal: every one refused,
 * exit 1, under 60 s and 1.5 GB.
 *
 *   node tests/bench/zip-bombs.ts [--gb 3.4]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { partLimit } from '../../pipeline/xlsx/zip-reader.ts';
import { freshDatabase, HEADER } from '../support/exports.ts';
import {
	deflatePart,
	inlineRows,
	workbookParts,
	writeRawXlsx,
	type Deflated,
	type RawPart
} from '../support/raw-xlsx.ts';
import { NODE, ROOT, table } from './measure.ts';

const { values } = parseArgs({ options: { gb: { type: 'string', default: '3.4' } } });
const BYTES = Math.round(Number(values.gb) * 1e9);
const BLOCK = Buffer.alloc(16 << 20, 'A');

/** `size` bytes of one letter, in 16 MB pieces. */
function* filler(size: number): Generator<Buffer> {
	for (let left = size; left > 0; left -= BLOCK.length)
		yield left >= BLOCK.length ? BLOCK : BLOCK.subarray(0, left);
}

/** A part: `open`, then filler up to `size` bytes in all, then `close`. */
function* around(open: string, size: number, close: string): Generator<Buffer | string> {
	yield open;
	yield* filler(size - Buffer.byteLength(open) - Buffer.byteLength(close));
	yield close;
}

const TITLE = ['Tính đến ngày 31/07/2023'];
const head = [...inlineRows([TITLE, HEADER])].join('');

interface Bomb {
	name: string;
	/** The part that explodes. */
	part: string;
	/** The part's text, `size` bytes. */
	content: (size: number) => Iterable<Buffer | string>;
	/** The rest of the workbook around the exploding part. */
	parts: (bomb: RawPart) => RawPart[];
}

const bombs: Bomb[] = [
	{
		name: 'inline-string cell',
		part: 'xl/worksheets/sheet1.xml',
		content: (size) =>
			around(
				`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${head}<row r="3"><c r="E3" t="inlineStr"><is><t>`,
				size,
				'</t></is></c></row></sheetData></worksheet>'
			),
		parts: (bomb) => [...workbookParts([]).filter((p) => p.name !== bomb.name), bomb]
	},
	{
		name: 'shared strings',
		part: 'xl/sharedStrings.xml',
		content: (size) =>
			around(
				'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
				size,
				'</t></si></sst>'
			),
		parts: (bomb) => workbookParts(inlineRows([TITLE, HEADER]), { sharedStrings: bomb })
	},
	{
		name: 'styles',
		part: 'xl/styles.xml',
		content: (size) =>
			around(
				'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="',
				size,
				'"/></numFmts></styleSheet>'
			),
		parts: (bomb) => workbookParts(inlineRows([TITLE, HEADER]), { styles: bomb })
	}
];

interface Run {
	seconds: number;
	rssMb: number;
	code: number | null;
	line: string;
}

function ingest(file: string, db: string): Run {
	const result = spawnSync(
		'/usr/bin/time',
		[
			'-v',
			NODE,
			'pipeline/bin.ts',
			'ingest',
			file,
			'--db',
			db,
			'--as-of',
			'2023-07-31',
			'--lang',
			'en'
		],
		{
			cwd: ROOT,
			encoding: 'utf8',
			timeout: 600_000,
			env: { ...process.env, NO_COLOR: '1' }
		}
	);
	const stderr = result.stderr;
	const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
		stderr
	);
	const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
	const code = /Exit status: (\d+)/.exec(stderr);
	const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
	const line =
		[...result.stdout.split('\n'), ...stderr.split('\n')].find((l) => l.startsWith('✗')) ??
		(result.stdout + stderr).split('\n').find((l) => l.trim()) ??
		'';
	return {
		seconds,
		rssMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN,
		code: code ? Number(code[1]) : result.status,
		line
	};
}

const dir = mkdtempSync(path.join(tmpdir(), 'zip-bombs-'));
const { db } = await freshDatabase();
const rows: (string | number)[][] = [];
let n = 0;
try {
	for (const bomb of bombs) {
		const started = performance.now();
		const deflated: Deflated = await deflatePart(bomb.content(BYTES));
		console.error(
			`${bomb.name}: ${deflated.size} bytes deflated to ${deflated.data.length} in ${Math.round(performance.now() - started)} ms`
		);
		// The worst a part within its limit can do: all of it real.
		const full = await deflatePart(bomb.content(partLimit(bomb.part) - 1));
		for (const declared of ['true size', 'just under the limit', 'limit, all real'] as const) {
			const used = declared === 'limit, all real' ? full : deflated;
			const declaredSize =
				declared === 'just under the limit' ? partLimit(bomb.part) - 1 : used.size;
			const part: RawPart = { name: bomb.part, content: [], deflated: used, declaredSize };
			const file = path.join(dir, `${bomb.name.replace(/\W+/g, '-')}-${++n}.xlsx`);
			await writeRawXlsx(file, bomb.parts(part));
			const run = ingest(file, db);
			rows.push([
				`${bomb.name}, declared ${declared}`,
				(statSync(file).size / 2 ** 20).toFixed(1),
				run.code ?? '?',
				run.seconds.toFixed(1),
				run.rssMb,
				run.line.slice(0, 110)
			]);
			rmSync(file);
		}
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], {
	encoding: 'utf8'
}).trim();
console.log(`${(BYTES / 1e9).toFixed(1)} GB inflated; ${cpu}`);
console.log(table(['bomb', 'file MB', 'exit', 'wall s', 'peak RSS MB', 'message'], rows));
