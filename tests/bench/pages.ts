/**
 * Shared by bench:api and bench:history: serve the built app on a database and time each page's
 * data endpoint (`/…/__data.json`, what SvelteKit's client fetches), on days never asked before
 * (nothing cached) and again on one day already asked (cached).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../../src/lib/dates.ts';
import { median, NODE, ROOT } from './measure.ts';

export const PAGES = [
	'/',
	'/districts',
	'/agencies',
	'/armed-forces',
	'/laggards',
	'/units/444',
	'/units/CAT',
	'/imports'
];

export interface Server {
	base: string;
	process: ChildProcess;
	/** Peak resident set size so far, from /proc (null where there is no /proc). */
	peakRssMb(): number | null;
	stop(): Promise<void>;
}

export async function startServer(db: string, port: number): Promise<Server> {
	if (!existsSync(path.join(ROOT, 'build/index.js')))
		throw new Error('no build: run "npm run build" first');
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(NODE, ['build'], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CDHT_DB: db },
		stdio: 'ignore'
	});
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return {
		base,
		process: child,
		peakRssMb() {
			try {
				const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
				const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
				return kb ? Number(kb) / 1024 : null;
			} catch {
				return null;
			}
		},
		async stop() {
			if (child.exitCode !== null) return;
			const exited = once(child, 'exit');
			child.kill();
			await exited;
		}
	};
}

export function percentile(values: number[], p: number): number {
	return [...values].sort((a, b) => a - b)[
		Math.min(values.length - 1, Math.floor((values.length * p) / 100))
	]!;
}

export interface PageLatency {
	page: string;
	newDay: { p50: number; p95: number };
	cached: { p50: number; p95: number };
}

async function timed(url: string): Promise<number> {
	const t = performance.now();
	const response = await fetch(url);
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return performance.now() - t;
}

/** One request per new day, then as many on `cachedDay`, page by page. */
export async function pageLatencies(
	base: string,
	pages: string[],
	newDays: IsoDate[],
	cachedDay: IsoDate
): Promise<PageLatency[]> {
	const results: PageLatency[] = [];
	for (const page of pages) {
		const data = `${base}${page === '/' ? '' : page}/__data.json`;
		const cold: number[] = [];
		for (const day of newDays) cold.push(await timed(`${data}?asOf=${day}`));
		const warm: number[] = [];
		for (let i = 0; i < newDays.length; i++) warm.push(await timed(`${data}?asOf=${cachedDay}`));
		results.push({
			page,
			newDay: { p50: median(cold), p95: percentile(cold, 95) },
			cached: { p50: median(warm), p95: percentile(warm, 95) }
		});
	}
	return results;
}
