/**
 * DuckDB's CSV reader holds every cell of the file in DuckDB's memory, names and ID numbers
 * included. DuckDB does not clear memory it reuses, so any block it later writes (a spill file
 * under memory pressure, a segment of the database file: duckdb/duckdb#23382) can carry leftover
 * bytes of those cells. So the file is read by readCsv in a child process, on an in-memory
 * database that may not spill, and only the staging rows (keys, years, no names) come back,
 * through a named pipe that never touches the disk. The process that writes the database never
 * had a personal value in DuckDB's memory.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { execFileSync, fork } from 'node:child_process';
import { closeSync, constants, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from '../errors.ts';
import type { CsvRead } from './csv.ts';
import { STAGING } from './staging.ts';
import { tempFile } from '../temp-files.ts';
import { stagingTransfer } from './csv-transfer.ts';
import type { ChildMessage, ChildRequest } from './csv-child.ts';

/** The reading process's peak resident memory, largest of this process's reads (benchmarks). */
export const readingProcess = { peakRssMb: 0 };

const CHILD = fileURLToPath(new URL('./csv-child.ts', import.meta.url));

export async function readCsvIsolated(
	file: string,
	connection: DuckDBConnection,
	workDir: string,
	key: Buffer,
	memoryLimit: string,
	onProgress: (fraction: number) => void = () => {},
	/** The reading process's script: csv-child.ts; tests give one that fails on purpose. */
	script: string = CHILD
): Promise<CsvRead> {
	const pipe = tempFile(workDir, 'fifo');
	execFileSync('mkfifo', ['-m', '600', pipe]);
	const child = fork(script, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	try {
		const request: ChildRequest = { file, workDir, key: key.toString('hex'), pipe, memoryLimit };
		child.send(request);
		const name = path.basename(file);
		const staged = await nextResult(child, name, onProgress);
		// The child writes the rows once this side opens the pipe; both run at once.
		let inserting = true;
		const insert = connection
			.run(`INSERT INTO ${STAGING} ${stagingTransfer.readSql(pipe)}`)
			.finally(() => (inserting = false));
		const sent = nextResult(child, name, onProgress).catch(async (error: unknown) => {
			// A child that failed before opening the pipe would leave DuckDB waiting for it.
			while (inserting) {
				if (closeWriterEnd(pipe)) break;
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			throw error;
		});
		const [inserted, done] = await Promise.allSettled([insert, sent]);
		// This side's failure closes the pipe under the writer: its error, not "Broken pipe".
		if (inserted.status === 'rejected' && (done.status === 'fulfilled' || brokePipe(done, pipe)))
			throw loadingError(inserted.reason, name, memoryLimit);
		if (done.status === 'rejected') throw done.reason;
		readingProcess.peakRssMb = Math.max(readingProcess.peakRssMb, done.value.peakRssMb);
		const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${STAGING}`);
		const arrived = Number(count.getRows()[0]![0]);
		if (arrived !== staged.rows)
			throw new Error(`the reading process sent ${staged.rows} rows; ${arrived} arrived`);
		return staged.read;
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
		rmSync(pipe, { force: true });
	}
}

/** The reading process failed writing to the pipe (the reader closed it), not of its own. */
function brokePipe(done: PromiseRejectedResult, pipe: string): boolean {
	return !(done.reason instanceof ImportError) && String(done.reason).includes(pipe);
}

/** DuckDB's out-of-memory error here gets the same advice as in the reading process. */
function loadingError(error: unknown, file: string, memoryLimit: string): unknown {
	if (!(error instanceof Error) || !error.message.includes('Out of Memory Error')) return error;
	return new ImportError('csv_out_of_memory', { file }, { limit: memoryLimit });
}

/** Opens and closes the pipe's writing end, if a reader waits on it: the reader gets its end. */
function closeWriterEnd(pipe: string): boolean {
	try {
		closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
		return true;
	} catch {
		return false;
	}
}

interface Staged {
	read: CsvRead;
	rows: number;
	peakRssMb: number;
}

/** The child's next 'staged' or 'sent' message (progress on the way); its error is rethrown. */
function nextResult(
	child: ReturnType<typeof fork>,
	file: string,
	onProgress: (fraction: number) => void
): Promise<Staged> {
	return new Promise((resolve, reject) => {
		const off = () => {
			child.off('message', onMessage);
			child.off('exit', onExit);
		};
		const onMessage = (message: ChildMessage) => {
			if (message.kind === 'progress') return onProgress(message.fraction);
			off();
			if (message.kind === 'failed') {
				const { error } = message;
				reject(
					error.key
						? new ImportError(error.key, error.place, error.params)
						: new Error(error.message)
				);
			} else resolve(message);
		};
		const onExit = (code: number | null, signal: string | null) => {
			off();
			reject(new ImportError('csv_reader_ended', { file }, { detail: signal ?? `exit ${code}` }));
		};
		child.on('message', onMessage);
		child.on('exit', onExit);
	});
}
