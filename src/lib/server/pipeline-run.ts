/**
 * The server runs the pipeline's commands as the CLI does, in a child process, so that a browser
 * import is the same code as a terminal one and the server keeps serving while it runs. One at a
 * time: the pipeline allows one writer per database and refuses a second one, so the server
 * queues its own instead of letting them collide.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { dataDir } from './config.ts';

export interface PipelineResult {
	/** The process's exit code; 1 for a refused command, as on the terminal. */
	code: number;
	stdout: string;
	stderr: string;
}

export interface PipelineOptions {
	/** Who asked for it: recorded as the actor of what the command changes. */
	actor?: string;
	/** Each line the command writes to stderr as it runs (its progress), without the newline. */
	onLine?: (line: string) => void;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `npm run pipeline -- <args>` against the server's data directory, after any earlier run. */
export function runPipeline(
	args: string[],
	options: PipelineOptions = {}
): Promise<PipelineResult> {
	const next = queue.then(() => spawnPipeline(args, options));
	queue = next.catch(() => undefined);
	return next;
}

function spawnPipeline(
	args: string[],
	{ actor, onLine }: PipelineOptions
): Promise<PipelineResult> {
	const bin = process.env.CDHT_PIPELINE ?? path.resolve('pipeline/bin.ts');
	const env = { ...process.env, CDHT_DATA: dataDir(), ...(actor ? { CDHT_ACTOR: actor } : {}) };
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bin, ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		let pending = '';
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => {
			err.push(chunk);
			if (!onLine) return;
			const lines = (pending + chunk.toString('utf8')).split(/\r?\n|\r/);
			pending = lines.pop() ?? '';
			for (const line of lines) if (line !== '') onLine(line);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			if (onLine && pending !== '') onLine(pending);
			resolve({
				code: code ?? 1,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8')
			});
		});
	});
}
