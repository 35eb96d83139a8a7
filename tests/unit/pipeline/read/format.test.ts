import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../pipeline/errors.ts';
import { detectFormat } from '../../../../pipeline/read/format.ts';
import { tempDir, writeZip } from '../xlsx/helpers.ts';

const dir = tempDir();

/** A 512-byte-sector OLE2 header whose directory (sector 0) holds entries with these names. */
function compoundFile(names: string[]): Buffer {
	const file = Buffer.alloc(1024);
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file);
	file.writeUInt16LE(9, 0x1e); // sectors of 2^9 bytes
	file.writeUInt32LE(0, 0x30); // the directory starts at sector 0, right after the header
	names.forEach((name, i) => file.write(`${name}\0`, 512 + i * 128, 'utf16le'));
	return file;
}

async function refusal(name: string, content: Buffer | Map<string, string>): Promise<string> {
	const file = path.join(dir, name);
	if (content instanceof Map) await writeZip(file, content);
	else writeFileSync(file, content);
	try {
		return await detectFormat(file);
	} catch (error) {
		if (error instanceof ImportError) return error.key;
		throw error;
	}
}

describe('detectFormat', () => {
	it('tells an old Excel workbook from other compound files by its workbook stream', async () => {
		expect(await refusal('a.xls', compoundFile(['Root Entry', 'Workbook']))).toBe('xls_file');
		expect(await refusal('b.xls', compoundFile(['Root Entry', 'Book']))).toBe('xls_file');
		expect(await refusal('c.doc', compoundFile(['Root Entry', 'WordDocument']))).toBe(
			'unsupported_format'
		);
	});

	it('tells an OpenDocument spreadsheet from an XLSX package by its mimetype entry', async () => {
		const ods = new Map([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]);
		expect(await refusal('a.ods', ods)).toBe('ods_file');
		// A text document is no spreadsheet: the XLSX reader then says what is missing.
		const odt = new Map([['mimetype', 'application/vnd.oasis.opendocument.text']]);
		expect(await refusal('a.odt', odt)).toBe('xlsx');
		expect(await refusal('a.xlsx', new Map([['xl/workbook.xml', '<workbook/>']]))).toBe('xlsx');
	});

	it('reads text as CSV, UTF-16 included, and refuses other binaries', async () => {
		expect(await refusal('a.csv', Buffer.from('STT,Số CCCD\n'))).toBe('csv');
		expect(await refusal('b.csv', Buffer.from('\ufeffSTT', 'utf16le'))).toBe('csv');
		expect(await refusal('c.bin', Buffer.from([1, 2, 0, 4, 5]))).toBe('unsupported_format');
	});
});
