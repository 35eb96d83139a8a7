import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import {
	centralHeader,
	dataDescriptor,
	endOfDirectory,
	localHeader,
	ZIP32_LIMIT,
	type EntryRecord
} from '../../bench/xlsx/zip-records.ts';
import { ZipWriter } from '../../bench/xlsx/zip-writer.ts';
import { tempDir } from '../pipeline/xlsx/helpers.ts';

const dir = tempDir();
const GiB = 1024 ** 3;

function entry(overrides: Partial<EntryRecord> = {}): EntryRecord {
	return {
		name: Buffer.from('xl/worksheets/sheet1.xml'),
		crc32: 0x12345678,
		compressedSize: 1000,
		uncompressedSize: 5000,
		offset: 100,
		dataDescriptor: true,
		zip64Local: false,
		dosTime: 0,
		dosDate: 0x21,
		...overrides
	};
}

/** The ZIP64 extra field (id 1) of a central header, as 8-byte values. */
function zip64Values(header: Buffer): number[] {
	const nameLength = header.readUInt16LE(28);
	const extraLength = header.readUInt16LE(30);
	const extra = header.subarray(46 + nameLength, 46 + nameLength + extraLength);
	if (extra.length === 0) return [];
	expect(extra.readUInt16LE(0)).toBe(1);
	const values: number[] = [];
	for (let at = 4; at < 4 + extra.readUInt16LE(2); at += 8)
		values.push(Number(extra.readBigUInt64LE(at)));
	return values;
}

describe('zip records', () => {
	it('writes classic records for small entries', () => {
		const header = centralHeader(entry());
		expect(header.readUInt32LE(0)).toBe(0x02014b50);
		expect(header.readUInt16LE(6)).toBe(20);
		expect(header.readUInt16LE(8)).toBe(0x0008);
		expect(header.readUInt32LE(16)).toBe(0x12345678);
		expect(header.readUInt32LE(20)).toBe(1000);
		expect(header.readUInt32LE(24)).toBe(5000);
		expect(header.readUInt32LE(42)).toBe(100);
		expect(zip64Values(header)).toEqual([]);
		const descriptor = dataDescriptor(entry());
		expect(descriptor).toHaveLength(16);
		expect([
			descriptor.readUInt32LE(0),
			descriptor.readUInt32LE(8),
			descriptor.readUInt32LE(12)
		]).toEqual([0x08074b50, 1000, 5000]);
		const local = localHeader(entry());
		expect([local.readUInt32LE(14), local.readUInt32LE(18), local.readUInt32LE(22)]).toEqual([
			0, 0, 0
		]);
	});

	it('moves sizes past 4 GiB into a ZIP64 extra field and an 8-byte data descriptor', () => {
		const big = entry({ uncompressedSize: 5 * GiB, compressedSize: 600_000_000 });
		const header = centralHeader(big);
		expect(header.readUInt16LE(6)).toBe(45);
		expect(header.readUInt32LE(20)).toBe(ZIP32_LIMIT);
		expect(header.readUInt32LE(24)).toBe(ZIP32_LIMIT);
		expect(header.readUInt32LE(42)).toBe(100);
		expect(zip64Values(header)).toEqual([5 * GiB, 600_000_000]);
		const descriptor = dataDescriptor(big);
		expect(descriptor).toHaveLength(24);
		expect(Number(descriptor.readBigUInt64LE(8))).toBe(600_000_000);
		expect(Number(descriptor.readBigUInt64LE(16))).toBe(5 * GiB);
	});

	it('moves an offset past 4 GiB into the extra field', () => {
		const header = centralHeader(entry({ offset: 4 * GiB + 7 }));
		expect(header.readUInt32LE(42)).toBe(ZIP32_LIMIT);
		expect(header.readUInt32LE(20)).toBe(1000);
		expect(zip64Values(header)).toEqual([4 * GiB + 7]);
	});

	it('writes a ZIP64 end record and locator when the directory needs them', () => {
		const small = endOfDirectory({ entries: 9, offset: 5000, size: 700 });
		expect(small).toHaveLength(22);
		expect([small.readUInt16LE(10), small.readUInt32LE(12), small.readUInt32LE(16)]).toEqual([
			9, 700, 5000
		]);

		const big = endOfDirectory({ entries: 9, offset: 5 * GiB, size: 700 });
		expect(big).toHaveLength(56 + 20 + 22);
		expect(big.readUInt32LE(0)).toBe(0x06064b50);
		expect(Number(big.readBigUInt64LE(32))).toBe(9);
		expect(Number(big.readBigUInt64LE(40))).toBe(700);
		expect(Number(big.readBigUInt64LE(48))).toBe(5 * GiB);
		expect(big.readUInt32LE(56)).toBe(0x07064b50);
		expect(Number(big.readBigUInt64LE(56 + 8))).toBe(5 * GiB + 700);
		expect(big.readUInt32LE(76)).toBe(0x06054b50);
		expect([big.readUInt16LE(76 + 10), big.readUInt32LE(76 + 16)]).toEqual([0xffff, ZIP32_LIMIT]);

		expect(endOfDirectory({ entries: 70_000, offset: 10, size: 10 })).toHaveLength(98);
	});
});

describe('ZipWriter', () => {
	const contents = new Map<string, Buffer>([
		['small.txt', Buffer.from('xin chào '.repeat(20))],
		['empty.txt', Buffer.alloc(0)],
		['streamed.xml', Buffer.from('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50_000))]
	]);

	async function build(name: string, forceZip64: boolean): Promise<string> {
		const f = path.join(dir, name);
		const zip = await ZipWriter.create(f, { forceZip64 });
		await zip.addFile('small.txt', contents.get('small.txt')!);
		await zip.addFile('empty.txt', contents.get('empty.txt')!);
		const stream = await zip.beginEntry('streamed.xml');
		const data = contents.get('streamed.xml')!;
		for (let at = 0; at < data.length; at += 100_000)
			await stream.write(data.subarray(at, at + 100_000));
		await stream.end();
		await zip.finish();
		return f;
	}

	/** Every entry through yauzl, with its CRC checked (yauzl checks only sizes). */
	async function readBack(f: string): Promise<Map<string, Buffer>> {
		const zip = await yauzl.openPromise(f, { lazyEntries: false, strictFileNames: true });
		const out = new Map<string, Buffer>();
		try {
			for await (const e of zip.eachEntry()) {
				const stream = await zip.openReadStreamPromise(e);
				const chunks: Buffer[] = [];
				for await (const chunk of stream) chunks.push(chunk as Buffer);
				const data = Buffer.concat(chunks);
				expect(zlib.crc32(data) >>> 0, e.fileName).toBe(e.crc32);
				out.set(e.fileName, data);
			}
		} finally {
			zip.close();
		}
		return out;
	}

	for (const forceZip64 of [false, true]) {
		it(`writes an archive yauzl and unzip accept${forceZip64 ? ' (ZIP64 forced)' : ''}`, async () => {
			const f = await build(`archive-${forceZip64}.zip`, forceZip64);
			expect(await readBack(f)).toEqual(contents);
			const bytes = fs.readFileSync(f);
			const hasZip64End = bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
			expect(hasZip64End).toBe(forceZip64);
			try {
				expect(execFileSync('unzip', ['-t', f], { encoding: 'utf8' })).toContain(
					'No errors detected'
				);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		});
	}
});
