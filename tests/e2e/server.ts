/**
 * Pieces the browser tests share: the CLI run as a user types it (the password on stdin), a
 * private app server of their own beside the shared one of setup.ts, and signing in through
 * /login, in the page or with fetch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Credentials {
	name: string;
	password: string;
}

/**
 * `node pipeline/bin.ts <args>` with `env` added to this process's environment and `stdin`
 * written to its input: its exit code and what it wrote on stderr (also passed through).
 */
export function cli(
	args: string[],
	stdin = '',
	env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'pipeline/bin.ts'), ...args], {
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: ['pipe', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			process.stderr.write(chunk);
		});
		child.on('exit', (code) => resolve({ code: code ?? 1, stderr }));
		child.stdin.end(stdin);
	});
}

/** Waits until `url` answers 200, failing early if the server has exited. */
export async function waitFor(url: string, server: ChildProcess): Promise<void> {
	for (let i = 0; i < 200; i++) {
		if (server.exitCode !== null) throw new Error(`the app server exited with ${server.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the app server did not answer at ${url}`);
}

/** A port nobody listens on now, chosen by the system. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error())
			);
		});
	});
}

export interface PrivateServer {
	url: string;
	/** Kills the server and waits for it to exit. */
	stop(): Promise<void>;
}

/**
 * The production build on a port of its own, with `env` added (CDHT_DB, CDHT_ACCOUNTS, …).
 * With `config`, a config.json in `dir` (data/config.json with its paths made absolute and
 * `config` over it) is its data directory (CDHT_DATA).
 */
export async function startServer(options: {
	env: NodeJS.ProcessEnv;
	dir?: string;
	config?: Record<string, unknown>;
}): Promise<PrivateServer> {
	const env = { ...options.env };
	if (options.config) {
		if (!options.dir) throw new Error('startServer: a config needs a dir');
		const config = JSON.parse(readFileSync(path.join(ROOT, 'data/config.json'), 'utf8'));
		writeFileSync(
			path.join(options.dir, 'config.json'),
			JSON.stringify({
				...config,
				targets: path.join(ROOT, 'data', config.targets),
				boundaries: path.join(ROOT, 'data', config.boundaries),
				...options.config
			})
		);
		env.CDHT_DATA = options.dir;
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['build'], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			// adapter-node takes the site for HTTPS unless told: form posts over plain HTTP would
			// fail SvelteKit's origin check (as they should for a site reached otherwise).
			ORIGIN: url,
			...env
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const stop = async () => {
		if (server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise((r) => server.once('exit', r));
		server.kill();
		await exited;
	};
	try {
		await waitFor(`${url}/health`, server);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, stop };
}

/** Signs in with fetch (as a script would): the status and the session cookie, if any. */
export async function login(baseUrl: string, user: Credentials) {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ name: user.name, password: user.password, next: '/' })
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
	return { status: response.status, cookie };
}

/** Signs in on the login page, as a person does, and waits to leave it. */
export async function signIn(page: Page, baseUrl: string, user: Credentials): Promise<void> {
	await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
	await page.fill('input[name=name]', user.name);
	await page.fill('input[name=password]', user.password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/login'),
		page.click('form[method=POST] button[type=submit]')
	]);
}
