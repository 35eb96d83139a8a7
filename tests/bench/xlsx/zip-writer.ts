import fs from 'node:fs/promises';
import type { TransformOptions } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import {
	centralHeader,
	dataDescriptor,
	dosDateTime,
	endOfDirectory,
	localHeader,
	type EntryRecord
} from './zip-records.ts';

const deflateRaw = promisify(zlib.deflateRaw);
const CHUNK_SIZE = 256 * 1024;

export interface ZipWriterOptions {
	/** zlib level, 1 (fast) to 9 (small); default 6 as zip tools do. */
	level?: number;
	/** Write ZIP64 records even for small archives (tests; readers must cope either way). */
	forceZip64?: boolean;
}

/**
 * A zip written front to back: small parts in one go, large parts streamed through deflate (in
 * zlib's thread pool, so compression overlaps with the caller producing the next data) with a data
 * descriptor after them, then the central directory. ZIP64 records appear where sizes or offsets
 * pass 4 GiB.
 */
export class ZipWriter {
	private readonly out: fs.FileHandle;
	private readonly options: ZipWriterOptions;
	private readonly records: EntryRecord[] = [];
	private readonly stamp = dosDateTime(new Date());
	private position = 0;
	private busy = false;

	private constructor(out: fs.FileHandle, options: ZipWriterOptions) {
		this.out = out;
		this.options = options;
	}

	static async create(file: string, options: ZipWriterOptions = {}): Promise<ZipWriter> {
		return new ZipWriter(await fs.open(file, 'w'), options);
	}

	/** A part held in memory, with CRC and sizes in its local header. */
	async addFile(name: string, content: string | Buffer): Promise<void> {
		this.claim();
		const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
		const compressed = await deflateRaw(data, { level: this.level });
		const record = this.record(name, false);
		record.crc32 = zlib.crc32(data);
		record.uncompressedSize = data.length;
		record.compressedSize = compressed.length;
		await this.append(localHeader(record));
		await this.append(compressed);
		this.records.push(record);
		this.busy = false;
	}

	/** A streamed part; no other part can be added until its end(). */
	async beginEntry(name: string): Promise<ZipEntryStream> {
		this.claim();
		const record = this.record(name, true);
		await this.append(localHeader(record));
		return new ZipEntryStream(this, record);
	}

	/** Called by ZipEntryStream.end(). */
	async finishEntry(record: EntryRecord): Promise<void> {
		await this.append(dataDescriptor(record));
		this.records.push(record);
		this.busy = false;
	}

	async finish(): Promise<void> {
		this.claim();
		const force = this.options.forceZip64 === true;
		const offset = this.position;
		const headers = this.records.map((r) => centralHeader(r, force));
		const directory = Buffer.concat(headers);
		await this.append(directory);
		await this.append(
			endOfDirectory({ entries: headers.length, offset, size: directory.length }, force)
		);
		await this.out.close();
	}

	/** Closes the file after a failure; the caller removes it. */
	async abort(): Promise<void> {
		await this.out.close().catch(() => {});
	}

	get level(): number {
		return this.options.level ?? 6;
	}

	async append(data: Uint8Array): Promise<void> {
		let done = 0;
		while (done < data.length) {
			const { bytesWritten } = await this.out.write(data, done, data.length - done, null);
			done += bytesWritten;
		}
		this.position += data.length;
	}

	private record(name: string, streamed: boolean): EntryRecord {
		return {
			name: Buffer.from(name, 'utf8'),
			crc32: 0,
			compressedSize: 0,
			uncompressedSize: 0,
			offset: this.position,
			dataDescriptor: streamed,
			zip64Local: streamed && this.options.forceZip64 === true,
			...this.stamp
		};
	}

	private claim(): void {
		if (this.busy) throw new Error('zip writer: previous entry not finished');
		this.busy = true;
	}
}

/** Deflates what it is given into the archive, keeping CRC and sizes for the data descriptor. */
export class ZipEntryStream {
	private readonly zip: ZipWriter;
	private readonly record: EntryRecord;
	private readonly deflate: zlib.DeflateRaw;
	private readonly pumped: Promise<void>;
	private failure: unknown = null;

	constructor(zip: ZipWriter, record: EntryRecord) {
		this.zip = zip;
		this.record = record;
		// Generous buffers on both sides: the caller keeps producing XML while deflate (in zlib's
		// thread) works through the backlog, and deflate keeps going while a chunk is being written.
		const options: zlib.ZlibOptions & TransformOptions = {
			level: zip.level,
			chunkSize: CHUNK_SIZE,
			writableHighWaterMark: 4 * 1024 * 1024,
			readableHighWaterMark: 4 * CHUNK_SIZE
		};
		this.deflate = zlib.createDeflateRaw(options);
		this.pumped = this.pump();
		this.pumped.catch(() => {}); // surfaced by write() or end()
	}

	/** Resolves when the data is accepted; waits while deflate is behind. */
	async write(data: Buffer): Promise<void> {
		if (this.failure) throw this.failure;
		if (data.length === 0) return;
		this.record.crc32 = zlib.crc32(data, this.record.crc32);
		this.record.uncompressedSize += data.length;
		if (!this.deflate.write(data)) await this.drained();
	}

	async end(): Promise<void> {
		if (this.failure) throw this.failure;
		this.deflate.end();
		await this.pumped;
		await this.zip.finishEntry(this.record);
	}

	/** Moves compressed chunks to the file as deflate produces them, pausing it meanwhile. */
	private pump(): Promise<void> {
		const deflate = this.deflate;
		return new Promise((resolve, reject) => {
			const fail = (error: unknown): void => {
				this.failure ??= error;
				deflate.destroy();
				reject(this.failure);
			};
			// 'end' can come while the last chunk is still being written: wait for that write.
			let writing: Promise<void> = Promise.resolve();
			deflate.on('data', (chunk: Buffer) => {
				deflate.pause();
				this.record.compressedSize += chunk.length;
				writing = this.zip.append(chunk);
				writing.then(() => deflate.resume(), fail);
			});
			deflate.once('end', () => writing.then(resolve, fail));
			deflate.once('error', fail);
		});
	}

	private drained(): Promise<void> {
		const deflate = this.deflate;
		return new Promise((resolve, reject) => {
			const settle = (): void => {
				deflate.off('drain', settle);
				deflate.off('close', settle);
				if (this.failure) reject(this.failure);
				else resolve();
			};
			deflate.on('drain', settle);
			deflate.on('close', settle);
		});
	}
}
