/**
 * Rows read in JavaScript (from XLSX sheets), handed to DuckDB as a file it reads with its
 * parallel CSV reader: one line per row, the row number and then the kept fields (in staging's
 * order), separated by the unit separator. The ID number is written as its person key and the
 * birth date as its year (privacy.ts): the file holds no personal value. Far cheaper than the appender, which converts value
 * by value, or one text per batch split again in SQL. The file holds the same text staging
 * would, lives in the database's folder only while the read runs, and is removed after it (see
 * read/xlsx.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { PersonKeyer } from '../person-key.ts';
import { birthToken, idToken } from '../privacy.ts';
import { KEPT_FIELDS } from './fields.ts';
import { STAGING, stagingColumn } from './staging.ts';

/** Unit separator between fields, and the quote around text with a line break in it. */
export const FIELD_SEPARATOR = '\x1f';
export const QUOTE = '\x02';
const SEP = 0x1f;
const LF = 0x0a;
const QUOTE_BYTE = 0x02;
/** Characters that cannot stand in a field as they are (control characters on purpose). */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\x1f\x02\n\r]/;
const FLUSH_AT = 1 << 20;
const ID_FIELD = KEPT_FIELDS.indexOf('idNumber');
const BIRTH_FIELD = KEPT_FIELDS.indexOf('birthDate');
/**
 * Excel's own limit on a cell's characters: a longer kept cell was not written by a spreadsheet
 * program (a hostile or broken file), and DuckDB's reader would refuse its line without a place.
 */
export const MAX_CELL_CHARACTERS = 32_767;

/** A kept cell longer than MAX_CELL_CHARACTERS: the row and the kept field's index. */
export class CellTooLarge extends Error {
	readonly row: number;
	readonly field: number;

	constructor(row: number, field: number) {
		super(`cell too large in row ${row}`);
		this.row = row;
		this.field = field;
	}
}

export class RowFile {
	readonly path: string;
	rows = 0;
	private readonly fd: number;
	private buf = Buffer.allocUnsafe(FLUSH_AT + (1 << 16));
	private pos = 0;
	/** The kept field the next value is for. */
	private at = 0;
	private row = 0;
	private readonly keyer: PersonKeyer;

	constructor(path: string, keyer: PersonKeyer) {
		this.path = path;
		this.keyer = keyer;
		this.fd = openSync(path, 'w', 0o600);
	}

	/** Starts a row with its number. */
	start(row: number): void {
		this.reserve(16);
		this.uint(row);
		this.row = row;
		this.rows++;
		this.at = 0;
	}

	/** A field: null and '' are both empty (DuckDB reads them as NULL). */
	field(value: string | null): void {
		const at = this.at++;
		if (value !== null && value.length > MAX_CELL_CHARACTERS) throw new CellTooLarge(this.row, at);
		if (value !== null && at === ID_FIELD) value = idToken(value, this.keyer);
		else if (value !== null && at === BIRTH_FIELD) value = birthToken(value);
		if (value === null || value === '') {
			this.reserve(1);
			this.buf[this.pos++] = SEP;
			return;
		}
		this.reserve(value.length * 3 + 3);
		this.buf[this.pos++] = SEP;
		if (!SPECIAL.test(value)) {
			this.pos += this.buf.write(value, this.pos, 'utf8');
			return;
		}
		// Unit separators become spaces (no export means one); line breaks stay, quoted.
		const text = value.replaceAll(FIELD_SEPARATOR, ' ').replaceAll(QUOTE, ' ');
		this.reserve(text.length * 3 + 3);
		this.buf[this.pos++] = QUOTE_BYTE;
		this.pos += this.buf.write(text, this.pos, 'utf8');
		this.buf[this.pos++] = QUOTE_BYTE;
	}

	/** A field whose UTF-8 bytes need no quoting (see xlsx/fast-sheet.ts). */
	fieldBytes(bytes: Uint8Array, start: number, end: number): void {
		if (this.at === ID_FIELD || this.at === BIRTH_FIELD) {
			this.field(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8'));
			return;
		}
		const length = end - start;
		// A character is 1 to 4 bytes: only a field of more bytes than the limit may be too long.
		if (length > MAX_CELL_CHARACTERS) {
			this.field(Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString('utf8'));
			return;
		}
		this.at++;
		this.reserve(length + 1);
		const buf = this.buf;
		let pos = this.pos;
		buf[pos++] = SEP;
		if (length > 32) buf.set(bytes.subarray(start, end), pos);
		else for (let i = start; i < end; i++) buf[pos + i - start] = bytes[i]!;
		this.pos = pos + length;
	}

	end(): void {
		this.reserve(1);
		this.buf[this.pos++] = LF;
		if (this.pos >= FLUSH_AT) this.flush();
	}

	close(): void {
		this.flush();
		closeSync(this.fd);
	}

	private uint(n: number): void {
		const digits = String(n);
		this.pos += this.buf.write(digits, this.pos, 'latin1');
	}

	private reserve(bytes: number): void {
		if (this.pos + bytes <= this.buf.length) return;
		this.flush();
		if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(bytes);
	}

	private flush(): void {
		let at = 0;
		while (at < this.pos) at += writeSync(this.fd, this.buf, at, this.pos - at);
		this.pos = 0;
	}
}

/** A row file into staging, by DuckDB's parallel reader (rows carry their numbers). */
export async function loadRows(connection: DuckDBConnection, rows: RowFile): Promise<void> {
	const names = ['row', ...KEPT_FIELDS.map(stagingColumn)];
	const columns = names.map((n) => `'${n}': '${n === 'row' ? 'INTEGER' : 'VARCHAR'}'`).join(', ');
	await connection.run(
		`INSERT INTO ${STAGING} (${names.join(', ')})
		SELECT * FROM read_csv($1, delim = $2, quote = $3, escape = $3, header = false,
			auto_detect = false, columns = {${columns}}, new_line = '\\n', max_line_size = 4194304)`,
		[rows.path, FIELD_SEPARATOR, QUOTE]
	);
}
