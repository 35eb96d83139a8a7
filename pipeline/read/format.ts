/**
 * What kind of file an export is, told by its content, not its name: CSV text or an XLSX
 * package are read; an OpenDocument spreadsheet (.ods) or an old binary Excel workbook (.xls)
 * are refused with what to do (save it as .xlsx), anything else binary as not a CSV or XLSX.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../errors.ts';
import { ZipArchive } from '../xlsx/zip-reader.ts';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
// The workbook stream of an .xls ("Workbook" since Excel 97, "Book" before), in UTF-16.
const XLS_STREAMS = ['Workbook', 'Book'].map((n) => Buffer.from(`${n}\0`, 'utf16le'));

export async function detectFormat(file: string): Promise<'csv' | 'xlsx'> {
	const name = path.basename(file);
	// A FIFO or a link to /dev/zero would block the open or the read for ever: only a regular
	// file (after following links) is opened.
	const info = await stat(file).catch(() => null);
	if (info === null) throw new ImportError('not_found', { file: name });
	if (!info.isFile()) throw new ImportError('not_regular_file', { file: name });
	let handle;
	try {
		handle = await open(file, 'r');
	} catch {
		throw new ImportError('not_found', { file: name });
	}
	try {
		const head = Buffer.alloc(8);
		const { bytesRead } = await handle.read(head, 0, 8, 0);
		if (head.subarray(0, 4).equals(ZIP)) {
			if (await isOds(file)) throw new ImportError('ods_file', { file: name });
			return 'xlsx';
		}
		if (head.equals(OLE2)) {
			if (await isXls(handle)) throw new ImportError('xls_file', { file: name });
			throw new ImportError('unsupported_format', { file: name });
		}
		// Other binaries: say so rather than parse noise (UTF-16 text has NULs too).
		if (
			bytesRead > 0 &&
			head.subarray(0, bytesRead).includes(0) &&
			!(head[0] === 0xff || head[0] === 0xfe || head[1] === 0)
		) {
			throw new ImportError('unsupported_format', { file: name });
		}
		return 'csv';
	} finally {
		await handle.close();
	}
}

/** A zip whose `mimetype` entry names an OpenDocument spreadsheet. */
async function isOds(file: string): Promise<boolean> {
	let zip: ZipArchive;
	try {
		zip = await ZipArchive.open(file);
	} catch {
		return false; // a damaged zip: the XLSX reader words that
	}
	try {
		const entry = zip.resolve('mimetype');
		if (entry === null) return false;
		return (await zip.readBuffer(entry)).toString('latin1').trim() === ODS_MIMETYPE;
	} catch {
		return false;
	} finally {
		await zip.close();
	}
}

/**
 * An OLE2 compound file (also .doc, .msg, ...) whose first directory sector lists a workbook
 * stream: the header gives the sector size and where the directory starts.
 */
async function isXls(handle: FileHandle): Promise<boolean> {
	const header = Buffer.alloc(512);
	await handle.read(header, 0, 512, 0);
	const sectorSize = 1 << header.readUInt16LE(0x1e);
	const first = header.readUInt32LE(0x30);
	if (sectorSize > 1 << 16 || first >= 0xfffffffa) return false;
	const directory = Buffer.alloc(sectorSize);
	const { bytesRead } = await handle.read(directory, 0, sectorSize, (first + 1) * sectorSize);
	const entries = directory.subarray(0, bytesRead);
	// Each 128-byte entry starts with its name; a match must start an entry.
	return XLS_STREAMS.some((stream) => {
		for (let at = entries.indexOf(stream); at !== -1; at = entries.indexOf(stream, at + 1))
			if (at % 128 === 0) return true;
		return false;
	});
}
