/**
 * Global setup of the browser tests: a small simulated province generated and imported through
 * the pipeline, the production build of the app serving it, and Chromium found on the machine.
 * With CI=true a missing Chromium fails the run; elsewhere the browser tests say they are skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { generate } from '../../pipeline/demo/generate.ts';
import { run } from '../../pipeline/cli.ts';
import { unitsCsv } from '../../pipeline/demo/units.ts';
import { readUnitList } from '../../pipeline/units.ts';
import { memoryOutput } from '../../pipeline/tty.ts';
import { CHROMIUM } from './browser.ts';
import { waitFor } from './server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Rows in the last snapshot: enough for every page to have something to say, quick to build. */
const ROWS = 30_000;
/** A district whose name carries HTML (its real name stays as an alias, so its rows still match). */
export const HOSTILE_UNIT = { code: '439', name: '<img src=x onerror="window.__xss=1">' };

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dbPath: string;
		browserAvailable: boolean;
	}
}

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: 'inherit'
		});
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))
		);
	});
}

export default async function setup(project: TestProject) {
	const browserAvailable = existsSync(CHROMIUM);
	if (!browserAvailable && process.env.CI) {
		throw new Error(
			`${CHROMIUM} is missing: browser tests are required in CI (apt-get install -y chromium)`
		);
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'cdht-e2e-'));
	const dbPath = path.join(dir, 'cdht.duckdb');
	const generated = await generate({
		out: path.join(dir, 'demo'),
		rows: ROWS,
		snapshots: 'monthly',
		formats: ['csv', 'xlsx']
	});
	const units = await readUnitList(generated.units);
	const hostile = units.find((u) => u.code === HOSTILE_UNIT.code)!;
	hostile.aliases.push(hostile.name);
	hostile.name = HOSTILE_UNIT.name;
	writeFileSync(generated.units, unitsCsv(units));
	for (const args of [
		['units', generated.units],
		['activity', generated.activity],
		['ingest', path.join(dir, 'demo/exports')]
	]) {
		const output = memoryOutput();
		const code = await run([...args, '--db', dbPath], output);
		if (code !== 0)
			throw new Error(`pipeline ${args[0]} failed (${code}): ${output.errors.join('\n')}`);
	}
	if (!process.env.CDHT_E2E_SKIP_BUILD || !existsSync(path.join(ROOT, 'build/index.js'))) {
		await sh(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn']);
	}
	const port = 4300 + Math.floor(Math.random() * 500);
	const server = spawn(process.execPath, ['build'], {
		cwd: ROOT,
		// ORIGIN: adapter-node otherwise takes the origin for https, and SvelteKit then refuses
		// every form POST from the page (http) as cross-site.
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			CDHT_DB: dbPath
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitFor(baseUrl, server);
	process.env.CDHT_E2E_URL = baseUrl;
	project.provide('baseUrl', baseUrl);
	project.provide('dbPath', dbPath);
	project.provide('browserAvailable', browserAvailable);
	return async () => {
		server.kill();
		await new Promise((r) => server.once('exit', r));
		rmSync(dir, { recursive: true, force: true });
	};
}
