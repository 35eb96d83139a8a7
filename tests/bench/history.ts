/**
 * `npm run bench:history [-- --people N --months K] [--big] [--runs R]`
 *
 * Builds a history of N people (default 200,000; --big 1,000,000) over K monthly snapshots
 * (default 24; --big 90): the first month lists half of them, each later month adds an equal share
 * of the rest and changes the state of 5% of those already listed (tests/bench/history-model.ts).
 * The history is imported once, in one `ingest` of the K files (the aggregates are rebuilt once),
 * and cached under data/bench/history/<N>x<K>-g<generator version>/. Then, each in its own
 * process, on a copy, R times in turn (default 3; medians): a 20,000-row export of one district
 * dated the month after, into the history and into a database holding only the unit list; a full
 * snapshot of everyone that month; removing it again; a bare DuckDB read_csv of the same file; the database size per stored row and per
 * person-version; and every page's data endpoint at that history, on new days and cached. Prints
 * each step's time and peak RSS, and the ratios against the goals of the history-at-scale issue.
 */
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { addDays, daysBetween, endOfMonth, type IsoDate } from '../../src/lib/dates.ts';
import { run } from '../../pipeline/cli.ts';
import { withWorkingCopy } from '../../pipeline/workspace.ts';
import { loadDemoConfig, type DemoConfig } from '../../pipeline/demo/config.ts';
import { writeExport, type PeopleSource } from '../../pipeline/demo/exports.ts';
import { Population, type Person } from '../../pipeline/demo/people.ts';
import { CANONICAL, type Shape } from '../../pipeline/demo/shapes.ts';
import { buildDemoUnits, unitsCsv } from '../../pipeline/demo/units.ts';
import { memoryOutput } from '../../pipeline/tty.ts';
import { HISTORY_GENERATOR_VERSION, HistoryModel } from './history-model.ts';
import { fmt, machine, measure, median, ROOT, table, type Measured } from './measure.ts';
import { PAGES, pageLatencies, startServer, type PageLatency } from './pages.ts';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: {
		people: { type: 'string' },
		months: { type: 'string' },
		big: { type: 'boolean' },
		cache: { type: 'string' },
		runs: { type: 'string', default: '3' }
	}
});
const people = values.big ? 1_000_000 : Number(values.people ?? 200_000);
const months = values.big ? 90 : Number(values.months ?? 24);
const runs = Number(values.runs);
if (
	!(Number.isInteger(people) && people > 0 && Number.isInteger(months) && months >= 1) ||
	!(Number.isInteger(runs) && runs >= 1)
)
	throw new Error(
		'usage: npm run bench:history -- [--people N --months K] [--big] [--runs R] [--cache DIR]'
	);
const DISTRICT_ROWS = 20_000;
const cache = path.resolve(values.cache ?? path.join(ROOT, 'data/bench/history'));
const dir = path.join(cache, `${people}x${months}-g${HISTORY_GENERATOR_VERSION}`);

/** "YYYY-MM" of month m of the history, which starts in January 2023. */
const monthKey = (m: number) => new Date(Date.UTC(2023, m, 1)).toISOString().slice(0, 7);
const asOf = (m: number): IsoDate => endOfMonth(monthKey(m));
const dayIn = (m: number, k: number): IsoDate =>
	`${monthKey(m)}-${String(1 + (k % 28)).padStart(2, '0')}`;

interface Generated {
	units: string;
	history: string;
	full: string;
	district: { code: string; file: string };
	/** Rows of the K history files that are new or changed against the month before. */
	personVersions: number;
}

const generated = existsSync(path.join(dir, 'generated.json'))
	? (JSON.parse(readFileSync(path.join(dir, 'generated.json'), 'utf8')) as Generated)
	: await generateHistory();

const base = path.join(dir, 'base.duckdb');
if (!existsSync(base)) {
	const output = memoryOutput();
	if ((await run(['units', generated.units, '--db', `${base}.partial`], output)) !== 0)
		throw new Error(output.errors.join('\n'));
	renameSync(`${base}.partial`, base);
}
const history = path.join(dir, 'history.duckdb');
const builtFile = path.join(dir, 'built.json');
if (!existsSync(history)) {
	console.log(`Importing the ${months} snapshots in one ingest (once; kept for later runs) …`);
	// Imported under another name and renamed: a failed import leaves no half-made history.
	const partial = path.join(dir, 'history.partial.duckdb');
	copyFileSync(base, partial);
	const built = measure('ingest', generated.history, partial);
	renameSync(partial, history);
	writeFileSync(builtFile, JSON.stringify(built));
	// The snapshots are in the database now; at --big their CSV would be about 11 GB.
	rmSync(generated.history, { recursive: true, force: true });
}
const built = JSON.parse(readFileSync(builtFile, 'utf8')) as Measured;
// A database cached by an older version gets the current schema once, here: otherwise every step
// would pay the upgrade (a full rebuild of the aggregates) on its copy.
for (const db of [base, history])
	await withWorkingCopy(db, async () => undefined, { changed: () => false });

const runDb = path.join(dir, 'run.duckdb');
const fresh = (from: string | null) => {
	for (const f of [runDb, `${runDb}.wal`]) rmSync(f, { force: true });
	if (from) copyFileSync(from, runDb);
	return runDb;
};

console.log(`Measuring ${runs} runs of each step on ${machine()}`);
// The steps take turns, run after run, so that a noisy minute on a shared machine does not fall
// on one step only; each is reported by its median time and its highest peak RSS.
const runsOf = {
	districtIntoHistory: [],
	districtIntoEmpty: [],
	full: [],
	removed: [],
	bare: []
} as Record<'districtIntoHistory' | 'districtIntoEmpty' | 'full' | 'removed' | 'bare', Measured[]>;
for (let i = 0; i < runs; i++) {
	runsOf.districtIntoHistory.push(measure('ingest', generated.district.file, fresh(history)));
	runsOf.districtIntoEmpty.push(measure('ingest', generated.district.file, fresh(base)));
	runsOf.full.push(measure('ingest', generated.full, fresh(history)));
	runsOf.removed.push(measure('remove', String(await lastImport(runDb)), runDb));
	runsOf.bare.push(measure('bare', generated.full, fresh(null)));
	process.stdout.write('.');
}
const middle = (results: Measured[]): Measured => ({
	rows: results[0]!.rows,
	ms: median(results.map((r) => r.ms)),
	rssMb: Math.max(...results.map((r) => r.rssMb))
});
const districtIntoHistory = middle(runsOf.districtIntoHistory);
const districtIntoEmpty = middle(runsOf.districtIntoEmpty);
const full = middle(runsOf.full);
const removed = middle(runsOf.removed);
const bare = middle(runsOf.bare);
fresh(null);
const storedRows = await scalar(history, 'SELECT count(*)::BIGINT AS n FROM import_row');
const size = statSync(history).size;

const server = await startServer(fresh(history), 4412);
let latencies: PageLatency[];
let serverRssMb: number | null;
try {
	const first = `${monthKey(0)}-01`;
	const span = daysBetween(first, asOf(months - 1));
	const n = Math.min(200, span + 1);
	const days = Array.from({ length: n }, (_, i) => addDays(first, Math.floor((i * span) / n)));
	latencies = await pageLatencies(server.base, PAGES, days, asOf(months - 1));
} finally {
	serverRssMb = server.peakRssMb();
	await server.stop();
}
fresh(null);

const s = (m: Measured) => (m.ms / 1000).toFixed(2);
const steps: [string, Measured][] = [
	[`build: ${months} snapshots in one ingest (cached)`, built],
	['one district → history', districtIntoHistory],
	['one district → units only', districtIntoEmpty],
	['full snapshot → history', full],
	['imports remove (that snapshot)', removed],
	['bare DuckDB read_csv (same file)', bare]
];
console.log(`\nHistory: ${fmt(people)} people × ${months} monthly snapshots (${dir})\n`);
console.log(
	table(
		['step', 'rows', 'median s', 'peak RSS MB'],
		steps.map(([name, m]) => [name, m.rows ? fmt(m.rows) : '', s(m), fmt(m.rssMb)])
	)
);
console.log(
	`\nDatabase ${(size / 2 ** 20).toFixed(1)} MB: ${fmt(storedRows)} stored rows (${(size / storedRows).toFixed(0)} B each); ${fmt(generated.personVersions)} person-versions (new or changed), ${(size / generated.personVersions).toFixed(0)} B each.\n`
);
console.log(
	table(
		['page data', 'p50 new day ms', 'p95 new day ms', 'p50 cached ms', 'p95 cached ms'],
		latencies.map((l) => [
			l.page,
			l.newDay.p50.toFixed(1),
			l.newDay.p95.toFixed(1),
			l.cached.p50.toFixed(1),
			l.cached.p95.toFixed(1)
		])
	)
);

const worstP95 = Math.max(...latencies.flatMap((l) => [l.newDay.p95, l.cached.p95]));
const peakRss = Math.max(serverRssMb ?? 0, ...steps.map(([, m]) => m.rssMb));
const ratio = (value: number, goal: string, met: boolean) => [
	value.toFixed(2),
	goal,
	met ? 'met' : 'NOT met'
];
console.log(
	`\n${table(
		['goal', 'measured', 'goal', 'status'],
		[
			[
				'district into history ÷ into units only',
				...ratio(
					districtIntoHistory.ms / districtIntoEmpty.ms,
					'≤ 1.5',
					districtIntoHistory.ms <= 1.5 * districtIntoEmpty.ms
				)
			],
			[
				'full snapshot speed × bare read_csv',
				...ratio(bare.ms / full.ms, '≥ 0.7', bare.ms / full.ms >= 0.7)
			],
			[
				'remove ÷ import of the snapshot',
				...ratio(removed.ms / full.ms, '≤ 2', removed.ms <= 2 * full.ms)
			],
			[
				'worst page p95 ms (new day or cached)',
				worstP95.toFixed(1),
				'< 50',
				worstP95 < 50 ? 'met' : 'NOT met'
			],
			[
				`peak RSS MB (server ${serverRssMb === null ? '?' : fmt(serverRssMb)})`,
				fmt(peakRss),
				'< 2,048',
				peakRss < 2048 ? 'met' : 'NOT met'
			]
		]
	)}`
);

async function lastImport(db: string): Promise<number> {
	return scalar(db, 'SELECT max(id)::BIGINT AS n FROM import');
}

async function scalar(db: string, query: string): Promise<number> {
	const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	try {
		const connection = await instance.connect();
		const rows = (await connection.runAndReadAll(query)).getRowObjectsJson();
		connection.closeSync();
		return Number(rows[0]!.n);
	} finally {
		instance.closeSync();
	}
}

/**
 * The demo's people (names, ID numbers, units, spelling of the words) with the history model's
 * months and changes; no defects and no spelling variants of the units, so that a row differs
 * from the month before only when the model changes the person.
 */
async function generateHistory(): Promise<Generated> {
	const started = performance.now();
	const demo = loadDemoConfig();
	const config: DemoConfig = {
		...demo,
		messiness: Object.fromEntries(
			Object.keys(demo.messiness).map((k) => [k, 0])
		) as DemoConfig['messiness']
	};
	const scale = people / new Population(config, buildDemoUnits(config)).total;
	const units = buildDemoUnits(config, scale);
	const population = new Population(config, units);
	const byCode = new Map(units.map((u) => [u.code, u]));
	// Month `months` is the one after the history: the district export and the full snapshot.
	const model = new HistoryModel(population.total, months + 1, config.seed);
	const shape: Shape = { ...CANONICAL, format: 'csv', dates: 'dmy' };
	const historyDir = path.join(dir, 'snapshots');
	for (const sub of [historyDir, path.join(dir, 'new')]) mkdirSync(sub, { recursive: true });
	const unitsFile = path.join(dir, 'units.csv');
	writeFileSync(unitsFile, unitsCsv(units));

	const personAt = (p: Person, m: number): Person => {
		const version = model.version(p.index, m);
		const first = version > 0 ? model.firstChange(p.index)! : null;
		// The first change recognises the person; every change turns their digital skills over.
		return {
			...p,
			defect: null,
			registeredOn: dayIn(model.joinMonth(p.index), p.index),
			outcome: first === null ? 'pending' : 'recognised',
			decidedOn: first === null ? p.decidedOn : dayIn(first, p.index + 7),
			digitalSkills: p.digitalSkills !== (version % 2 === 1)
		};
	};
	let personVersions = 0;
	const monthView = (m: number, keep: (p: Person) => boolean = () => true): PeopleSource => ({
		config,
		*people() {
			for (const p of population.people()) {
				if (model.joinMonth(p.index) > m || !keep(p)) continue;
				if (
					m < months &&
					(model.joinMonth(p.index) === m ||
						model.version(p.index, m) > model.version(p.index, m - 1))
				)
					personVersions++;
				yield personAt(p, m);
			}
		}
	});
	const write = async (source: PeopleSource, m: number, file: string) => {
		const { rows } = await writeExport(source, byCode, shape, asOf(m), file);
		console.log(`  ${path.relative(ROOT, file)}: ${fmt(rows)} rows`);
		return rows;
	};

	console.log(`Generating ${fmt(people)} people × ${months} snapshots in ${dir} …`);
	for (let m = 0; m < months; m++)
		await write(monthView(m), m, path.join(historyDir, `cdht-${asOf(m)}.csv`));
	const full = await write(
		monthView(months),
		months,
		path.join(dir, 'new', `full-${asOf(months)}.csv`)
	);

	// The district with the most people registered in its communes (not through an agency).
	const perDistrict = new Map<string, number>();
	for (const p of population.people())
		if (!p.organisationCode)
			perDistrict.set(p.districtCode, (perDistrict.get(p.districtCode) ?? 0) + 1);
	const code = [...perDistrict].sort((a, b) => b[1] - a[1])[0]![0];
	const districtFile = path.join(dir, 'new', `district-${code}-${asOf(months)}.csv`);
	let taken = 0;
	await write(
		monthView(
			months,
			(p) => !p.organisationCode && p.districtCode === code && taken++ < DISTRICT_ROWS
		),
		months,
		districtFile
	);
	console.log(
		`  (${fmt(full)} rows in the full snapshot; ${((performance.now() - started) / 1000).toFixed(1)} s)`
	);

	const result: Generated = {
		units: unitsFile,
		history: historyDir,
		full: path.join(dir, 'new', `full-${asOf(months)}.csv`),
		district: { code, file: districtFile },
		personVersions
	};
	writeFileSync(path.join(dir, 'generated.json'), JSON.stringify(result));
	return result;
}
