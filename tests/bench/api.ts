/**
 * `npm run bench:api [-- --rows N] [--big]`
 *
 * Serves the built app on a database of N generated registrations (default 1,000,000; --big:
 * 10,000,000; built by `npm run bench:ingest` first if missing) and measures, per page, the data
 * endpoint SvelteKit's client fetches (`/…/__data.json`): p50/p95 over 200 requests on days never
 * asked before (nothing cached) and again on a day already asked (cached); then 200 requests/s
 * on a mix of pages with autocannon, held for 20 s, with its p99; and the JavaScript each page
 * ships, gzipped, as Chromium loads it. Goals: p95 < 50 ms, p99 < 200 ms at 200 req/s, ≤ 250 KB.
 */
import autocannon from 'autocannon';
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { addDays } from '../../src/lib/dates.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../../src/lib/server/chromium.ts';
import { fmt, machine, measure, ROOT, table } from './measure.ts';
import { PAGES, pageLatencies, startServer } from './pages.ts';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: { rows: { type: 'string' }, big: { type: 'boolean' } }
});
const rows = values.big ? 10_000_000 : Number(values.rows ?? 1_000_000);
const dir = path.join(ROOT, 'data/bench', String(rows));
const db = path.join(dir, 'api.duckdb');

if (!existsSync(path.join(dir, 'generated.json'))) {
	throw new Error(
		`no generated data for ${rows} rows: run "npm run bench:ingest -- --rows ${rows}" first`
	);
}
if (!existsSync(db)) {
	const generated = JSON.parse(readFileSync(path.join(dir, 'generated.json'), 'utf8')) as {
		exports: { file: string }[];
	};
	// Imported under another name and renamed: a failed import leaves no half-made database.
	const partial = `${db}.partial`;
	copyFileSync(path.join(dir, 'base.duckdb'), partial);
	console.log(`Importing ${fmt(rows)} registrations into ${db} …`);
	measure('ingest', generated.exports.find((e) => e.file.endsWith('.csv'))!.file, partial);
	renameSync(partial, db);
}
const server = await startServer(db, 4411);
const BASE = server.base;
try {
	const pages = PAGES;
	const days = Array.from({ length: 200 }, (_, i) => addDays('2023-06-15', i));
	console.log(`Data endpoints, ${fmt(rows)} registrations, ${machine()}`);
	const latency = (await pageLatencies(BASE, pages, days, '2023-10-31')).map((l) => [
		l.page,
		l.newDay.p50.toFixed(1),
		l.newDay.p95.toFixed(1),
		l.cached.p50.toFixed(1),
		l.cached.p95.toFixed(1)
	]);
	console.log(
		table(
			['page data', 'p50 new day ms', 'p95 new day ms', 'p50 cached ms', 'p95 cached ms'],
			latency
		)
	);

	const load = await autocannon({
		url: BASE,
		connections: 20,
		overallRate: 200,
		duration: 20,
		requests: pages.map((p) => ({
			method: 'GET' as const,
			path: `${p === '/' ? '' : p}/__data.json?asOf=2023-10-31`
		}))
	});
	console.log(
		`\nLoad: 200 req/s asked for 20 s → ${fmt(load.requests.average)} req/s served, p50 ${load.latency.p50} ms, p97.5 ${load.latency.p97_5} ms, p99 ${load.latency.p99} ms, errors ${load.errors + load.non2xx}`
	);

	await javascriptWeights(pages);
} finally {
	await server.stop();
}

async function javascriptWeights(pages: string[]): Promise<void> {
	if (!existsSync(chromiumPath())) {
		console.log(`\nJavaScript per page: skipped (no ${chromiumPath()})`);
		return;
	}
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
	const weights: (string | number)[][] = [];
	for (const page of pages) {
		const tab = await browser.newPage();
		const sizes: number[] = [];
		tab.on('response', async (r) => {
			if (r.url().endsWith('.js')) sizes.push(gzipSync(await r.body()).length);
		});
		await tab.goto(`${BASE}${page}`, { waitUntil: 'networkidle' });
		await tab.waitForTimeout(300);
		weights.push([page, sizes.length, (sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(1)]);
		await tab.close();
	}
	await browser.close();
	console.log(`\n${table(['page', 'JS files', 'KB gzipped'], weights)}`);
}
