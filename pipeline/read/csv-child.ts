/**
 * The reading process of csv-isolated.ts: reads one CSV export with readCsv on an in-memory
 * database that cannot spill (no temporary directory), then writes the staging rows to the pipe.
 * Under too small a memory limit the read fails with DuckDB's out-of-memory error: it never
 * writes a block to disk.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { ImportError, type Place } from '../errors.ts';
import type { MessageKey, MessageParams } from '../messages.ts';
import { PersonKeyer, registerPersonKey } from '../person-key.ts';
import { readCsv, type CsvRead } from './csv.ts';
import { stagingTransfer } from './csv-transfer.ts';
import { createStaging, STAGING } from './staging.ts';

export interface ChildRequest {
	file: string;
	workDir: string;
	/** The person-key secret, hex. */
	key: string;
	pipe: string;
	memoryLimit: string;
}

export type ChildMessage =
	| { kind: 'progress'; fraction: number }
	/** Read: the rows follow on the pipe ('staged'), then were all written ('sent'). */
	| { kind: 'staged' | 'sent'; read: CsvRead; rows: number; peakRssMb: number }
	| {
			kind: 'failed';
			error: { key?: MessageKey; place?: Place; params?: MessageParams; message: string };
	  };

function send(message: ChildMessage): Promise<void> {
	return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function run(request: ChildRequest): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:', {
		memory_limit: request.memoryLimit,
		temp_directory: ''
	});
	const connection = await instance.connect();
	const key = Buffer.from(request.key, 'hex');
	registerPersonKey(connection, key);
	await createStaging(connection);
	const read = await readCsv(
		request.file,
		connection,
		request.workDir,
		new PersonKeyer(key),
		(fraction) => void send({ kind: 'progress', fraction })
	);
	const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${STAGING}`);
	const rows = Number(count.getRows()[0]![0]);
	const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
	await send({ kind: 'staged', read, rows, peakRssMb: peakRssMb() });
	await connection.run(stagingTransfer.writeSql(request.pipe));
	await send({ kind: 'sent', read, rows, peakRssMb: peakRssMb() });
	connection.closeSync();
	instance.closeSync();
}

/**
 * DuckDB's out-of-memory error, wherever in the read it came (sniffing, parsing, keying, sending,
 * raw or wrapped as an unreadable line): this process cannot spill, so the only remedy is more
 * memory, and the user is told so.
 */
function outOfMemory(error: unknown, request: ChildRequest): ImportError | null {
	if (!(error instanceof Error) || !error.message.includes('Out of Memory Error')) return null;
	return new ImportError(
		'csv_out_of_memory',
		{ file: path.basename(request.file) },
		{ limit: request.memoryLimit }
	);
}

let finished = false;
// The loading process died (killed mid-import): nobody will take the rows.
process.on('disconnect', () => {
	if (!finished) process.exit(1);
});
process.once('message', (request: ChildRequest) => {
	run(request)
		.catch(async (error: unknown) => {
			const refused = outOfMemory(error, request) ?? error;
			const failed =
				refused instanceof ImportError
					? {
							key: refused.key,
							place: refused.place,
							params: refused.params,
							message: refused.message
						}
					: { message: refused instanceof Error ? refused.message : String(refused) };
			await send({ kind: 'failed', error: failed });
		})
		.finally(() => {
			finished = true;
			process.disconnect();
		});
});
