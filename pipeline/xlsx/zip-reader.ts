import { once } from 'node:events';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { pipeline, type Readable, type TransformOptions } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { XlsxError, XlsxPartTooLarge } from './errors.ts';

/** Inflated chunks this large keep the per-chunk overhead (promises, string joins) negligible. */
const CHUNK_SIZE = 256 * 1024;
/** Room for a few chunks, so that inflating (in zlib's thread) runs ahead of the scanner. */
const INFLATE_OPTIONS: zlib.ZlibOptions & TransformOptions = {
	chunkSize: CHUNK_SIZE,
	readableHighWaterMark: 4 * CHUNK_SIZE
};

const MB = 2 ** 20;
/**
 * How far a part may inflate: a sheet of a million full rows fits in 1 GB; shared strings,
 * styles and the rest are far smaller in any real export. A zip bomb (3.6 MB growing to 3.4 GB)
 * is refused before it fills memory. CDHT_XLSX_MAX_PART (bytes) lowers or raises every limit.
 */
export function partLimit(name: string): number {
	const override = Number(process.env.CDHT_XLSX_MAX_PART);
	if (Number.isFinite(override) && override > 0) return override;
	return /^xl\/worksheets\//i.test(name) ? 1024 * MB : 256 * MB;
}

/**
 * Random access to the parts of a zip through its central directory (yauzl), so parts can be read
 * in any order whatever their order in the file. Every stream it hands out is tracked and
 * destroyed by close(), which resolves once the file descriptor is really closed.
 */
export class ZipArchive {
	readonly file: string;
	private readonly zip: yauzl.ZipFile;
	private readonly entries: Map<string, yauzl.Entry>;
	private readonly lowerCase = new Map<string, string>();
	private readonly live = new Set<Readable>();
	private closing: Promise<void> | null = null;

	private constructor(file: string, zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>) {
		this.file = file;
		this.zip = zip;
		this.entries = entries;
		for (const name of entries.keys()) this.lowerCase.set(name.toLowerCase(), name);
	}

	static async open(file: string): Promise<ZipArchive> {
		const zip = await openZip(file);
		try {
			return new ZipArchive(file, zip, await readEntries(zip));
		} catch (error) {
			await closeZip(zip);
			throw new XlsxError(file, `corrupt zip: ${messageOf(error)}`, { cause: error });
		}
	}

	/** The stored name of a part; zips made on Windows sometimes differ in case. */
	resolve(name: string): string | null {
		if (this.entries.has(name)) return name;
		return this.lowerCase.get(name.toLowerCase()) ?? null;
	}

	/**
	 * Uncompressed chunks of a part, checked against the size and CRC-32 in the central directory
	 * (raw deflate has no checksum of its own: damaged data often inflates to garbage silently).
	 */
	async *chunks(name: string): AsyncGenerator<Buffer, void, undefined> {
		const entry = this.entries.get(name);
		if (!entry) throw new XlsxError(this.file, `missing part ${name}`);
		// The inflated bytes are counted against the declared size below, so a part declared
		// within the limit cannot inflate beyond it either.
		const limit = partLimit(name);
		if (entry.uncompressedSize > limit) throw new XlsxPartTooLarge(this.file, name, limit);
		const stream = await this.openStream(entry);
		let size = 0;
		let crc = 0;
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				size += chunk.length;
				if (size > entry.uncompressedSize) break;
				crc = zlib.crc32(chunk, crc);
				yield chunk;
			}
			if (size !== entry.uncompressedSize) {
				throw new XlsxError(
					this.file,
					// In words: messages mask long numbers (they could be ID numbers).
					`corrupt zip entry ${name}: it inflates to ${size > entry.uncompressedSize ? 'more' : 'less'} than the size it declares`
				);
			}
			if (crc !== entry.crc32)
				throw new XlsxError(this.file, `corrupt zip entry ${name}: bad CRC-32`);
		} catch (error) {
			if (error instanceof XlsxError) throw error;
			if (this.closing) throw new XlsxError(this.file, `closed while reading ${name}`);
			throw new XlsxError(this.file, `corrupt zip entry ${name}: ${messageOf(error)}`, {
				cause: error
			});
		} finally {
			stream.destroy();
			this.live.delete(stream);
		}
	}

	async readBuffer(name: string): Promise<Buffer> {
		const parts: Buffer[] = [];
		for await (const chunk of this.chunks(name)) parts.push(chunk);
		return Buffer.concat(parts);
	}

	get closed(): boolean {
		return this.closing !== null;
	}

	close(): Promise<void> {
		this.closing ??= this.closeNow();
		return this.closing;
	}

	private async closeNow(): Promise<void> {
		for (const stream of this.live) stream.destroy();
		this.live.clear();
		await closeZip(this.zip);
	}

	private async openStream(entry: yauzl.Entry): Promise<Readable> {
		if (this.closing) throw new XlsxError(this.file, 'workbook is closed');
		if (entry.isEncrypted()) throw new XlsxError(this.file, `${entry.fileName} is encrypted`);
		const method = entry.compressionMethod;
		if (method !== 0 && method !== 8) {
			throw new XlsxError(this.file, `${entry.fileName} uses compression method ${method}`);
		}
		let raw: Readable;
		try {
			raw = await this.zip.openReadStreamPromise(entry, { decodeFileData: false });
		} catch (error) {
			throw new XlsxError(this.file, `corrupt zip entry ${entry.fileName}: ${messageOf(error)}`, {
				cause: error
			});
		}
		const stream =
			method === 0 ? raw : pipeline(raw, zlib.createInflateRaw(INFLATE_OPTIONS), () => {});
		if (this.closing) {
			stream.destroy();
			throw new XlsxError(this.file, 'workbook is closed');
		}
		this.live.add(stream);
		return stream;
	}
}

/**
 * Opens the file descriptor here rather than through yauzl.open(), whose failure path closes it
 * in the background: the promise must not settle while the descriptor is still open.
 */
async function openZip(file: string): Promise<yauzl.ZipFile> {
	let fd: number;
	try {
		fd = await promisify(fs.open)(file, 'r');
	} catch (error) {
		throw new XlsxError(file, `cannot open: ${messageOf(error)}`, { cause: error });
	}
	try {
		return await zipFromFd(fd);
	} catch (error) {
		await promisify(fs.close)(fd).catch(() => {});
		const message = messageOf(error);
		const problem = /central directory record signature not found/.test(message)
			? 'not an XLSX file (no zip central directory)'
			: `corrupt zip: ${message}`;
		throw new XlsxError(file, problem, { cause: error });
	}
}

/** yauzl over an open descriptor; from here on yauzl closes it (when the zip is closed). */
function zipFromFd(fd: number): Promise<yauzl.ZipFile> {
	return new Promise((resolve, reject) => {
		const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };
		yauzl.fromFd(fd, options, (error, zip) => {
			if (error) return reject(error);
			zip.on('error', () => {}); // reported through the promise or stream at hand
			resolve(zip);
		});
	});
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
	return new Promise((resolve, reject) => {
		const entries = new Map<string, yauzl.Entry>();
		zip.on('entry', (entry: yauzl.Entry) => {
			entries.set(entry.fileName, entry);
			zip.readEntry();
		});
		zip.once('end', () => resolve(entries));
		zip.once('error', reject);
		zip.readEntry();
	});
}

/** Resolves when the descriptor is closed (yauzl closes it once no stream holds it). */
async function closeZip(zip: yauzl.ZipFile): Promise<void> {
	if (!zip.isOpen) return;
	const closed = once(zip, 'close').then(
		() => undefined,
		() => undefined // a failed close(2) leaves nothing else to do
	);
	zip.close();
	await closed;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
