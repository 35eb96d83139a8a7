/**
 * Byte layouts of the zip records the writer needs (PKWARE APPNOTE 6.3), including the ZIP64
 * variants. Pure functions, so the ZIP64 paths can be tested without writing 4 GiB.
 */

/** Sizes and offsets at or above this do not fit a classic record and move to ZIP64 fields. */
export const ZIP32_LIMIT = 0xffffffff;
const ZIP64_VERSION = 45;
const DEFAULT_VERSION = 20;
/** Bit 3: sizes and CRC follow the data in a data descriptor. */
const FLAG_DATA_DESCRIPTOR = 0x0008;
/** Bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
const METHOD_DEFLATE = 8;

export interface EntryRecord {
	name: Buffer;
	crc32: number;
	compressedSize: number;
	uncompressedSize: number;
	/** Where its local header starts. */
	offset: number;
	/** Sizes came after the data (streamed entries). */
	dataDescriptor: boolean;
	/** The local header announced ZIP64 (so the data descriptor has 8-byte sizes). */
	zip64Local: boolean;
	dosTime: number;
	dosDate: number;
}

function flags(entry: EntryRecord): number {
	const utf8 = entry.name.some((b) => b >= 0x80) ? FLAG_UTF8 : 0;
	return (entry.dataDescriptor ? FLAG_DATA_DESCRIPTOR : 0) | utf8;
}

/**
 * The local file header. A streamed entry writes zeros for CRC and sizes; when it is known to
 * need ZIP64 in advance (`zip64Local`), it also carries a zero ZIP64 extra field, as Java and
 * Info-ZIP do.
 */
export function localHeader(entry: EntryRecord): Buffer {
	const extra = entry.zip64Local ? zip64Extra([0, 0]) : Buffer.alloc(0);
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(entry.zip64Local ? ZIP64_VERSION : DEFAULT_VERSION, 4);
	header.writeUInt16LE(flags(entry), 6);
	header.writeUInt16LE(METHOD_DEFLATE, 8);
	header.writeUInt16LE(entry.dosTime, 10);
	header.writeUInt16LE(entry.dosDate, 12);
	const known = !entry.dataDescriptor;
	header.writeUInt32LE(known ? entry.crc32 : 0, 14);
	const sizeField = entry.zip64Local ? ZIP32_LIMIT : 0;
	header.writeUInt32LE(known ? entry.compressedSize : sizeField, 18);
	header.writeUInt32LE(known ? entry.uncompressedSize : sizeField, 22);
	header.writeUInt16LE(entry.name.length, 26);
	header.writeUInt16LE(extra.length, 28);
	return Buffer.concat([header, entry.name, extra]);
}

/** Whether the entry's sizes need 8 bytes anywhere. */
export function needsZip64Sizes(entry: EntryRecord): boolean {
	return (
		entry.zip64Local || entry.compressedSize >= ZIP32_LIMIT || entry.uncompressedSize >= ZIP32_LIMIT
	);
}

/** Signature, CRC and sizes after a streamed entry's data: 16 bytes, or 24 with 8-byte sizes. */
export function dataDescriptor(entry: EntryRecord): Buffer {
	const wide = needsZip64Sizes(entry);
	const buf = Buffer.alloc(wide ? 24 : 16);
	buf.writeUInt32LE(0x08074b50, 0);
	buf.writeUInt32LE(entry.crc32, 4);
	if (wide) {
		buf.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
		buf.writeBigUInt64LE(BigInt(entry.uncompressedSize), 16);
	} else {
		buf.writeUInt32LE(entry.compressedSize, 8);
		buf.writeUInt32LE(entry.uncompressedSize, 12);
	}
	return buf;
}

/** ZIP64 extended information extra field (header id 1) holding the given 8-byte values. */
function zip64Extra(values: number[]): Buffer {
	const buf = Buffer.alloc(4 + 8 * values.length);
	buf.writeUInt16LE(0x0001, 0);
	buf.writeUInt16LE(8 * values.length, 2);
	values.forEach((v, i) => buf.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
	return buf;
}

/**
 * The central directory header. Any of uncompressed size, compressed size and offset that does
 * not fit 32 bits is written as 0xFFFFFFFF and stored, in that order, in the ZIP64 extra field.
 * An entry whose local header announced ZIP64 gets both sizes there.
 */
export function centralHeader(entry: EntryRecord, forceZip64 = false): Buffer {
	const wideSizes = forceZip64 || needsZip64Sizes(entry);
	const wideOffset = forceZip64 || entry.offset >= ZIP32_LIMIT;
	const values: number[] = [];
	if (wideSizes) values.push(entry.uncompressedSize, entry.compressedSize);
	if (wideOffset) values.push(entry.offset);
	const extra = values.length > 0 ? zip64Extra(values) : Buffer.alloc(0);
	const version = values.length > 0 ? ZIP64_VERSION : DEFAULT_VERSION;
	const header = Buffer.alloc(46);
	header.writeUInt32LE(0x02014b50, 0);
	header.writeUInt16LE(ZIP64_VERSION, 4); // made by: spec 4.5, MS-DOS attributes
	header.writeUInt16LE(version, 6);
	header.writeUInt16LE(flags(entry), 8);
	header.writeUInt16LE(METHOD_DEFLATE, 10);
	header.writeUInt16LE(entry.dosTime, 12);
	header.writeUInt16LE(entry.dosDate, 14);
	header.writeUInt32LE(entry.crc32, 16);
	header.writeUInt32LE(wideSizes ? ZIP32_LIMIT : entry.compressedSize, 20);
	header.writeUInt32LE(wideSizes ? ZIP32_LIMIT : entry.uncompressedSize, 24);
	header.writeUInt16LE(entry.name.length, 28);
	header.writeUInt16LE(extra.length, 30);
	// comment length, disk number, internal and external attributes: 0
	header.writeUInt32LE(wideOffset ? ZIP32_LIMIT : entry.offset, 42);
	return Buffer.concat([header, entry.name, extra]);
}

export interface DirectoryInfo {
	entries: number;
	/** Offset of the central directory. */
	offset: number;
	size: number;
}

export function needsZip64Directory(dir: DirectoryInfo): boolean {
	return dir.entries >= 0xffff || dir.offset >= ZIP32_LIMIT || dir.size >= ZIP32_LIMIT;
}

/**
 * Everything after the central directory: with ZIP64, the ZIP64 end record and its locator, then
 * the classic end record with its fields saturated (so readers know to look for ZIP64).
 */
export function endOfDirectory(dir: DirectoryInfo, forceZip64 = false): Buffer {
	const zip64 = forceZip64 || needsZip64Directory(dir);
	const parts: Buffer[] = [];
	if (zip64) {
		const record = Buffer.alloc(56);
		record.writeUInt32LE(0x06064b50, 0);
		record.writeBigUInt64LE(44n, 4); // size of the rest of the record
		record.writeUInt16LE(ZIP64_VERSION, 12);
		record.writeUInt16LE(ZIP64_VERSION, 14);
		// disk numbers at 16 and 20: 0
		record.writeBigUInt64LE(BigInt(dir.entries), 24);
		record.writeBigUInt64LE(BigInt(dir.entries), 32);
		record.writeBigUInt64LE(BigInt(dir.size), 40);
		record.writeBigUInt64LE(BigInt(dir.offset), 48);
		const locator = Buffer.alloc(20);
		locator.writeUInt32LE(0x07064b50, 0);
		locator.writeBigUInt64LE(BigInt(dir.offset + dir.size), 8);
		locator.writeUInt32LE(1, 16); // total number of disks
		parts.push(record, locator);
	}
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(zip64 ? 0xffff : dir.entries, 8);
	end.writeUInt16LE(zip64 ? 0xffff : dir.entries, 10);
	end.writeUInt32LE(zip64 ? ZIP32_LIMIT : dir.size, 12);
	end.writeUInt32LE(zip64 ? ZIP32_LIMIT : dir.offset, 16);
	parts.push(end);
	return Buffer.concat(parts);
}

/** MS-DOS time and date fields (local time, 2-second resolution) of a moment. */
export function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
	const year = Math.max(1980, date.getFullYear());
	return {
		dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
		dosDate: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()
	};
}
