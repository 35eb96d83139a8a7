/**
 * Re-encodes a UTF-16 or Windows-1258 CSV as UTF-8 for DuckDB (which has no Windows-1258)
 * without writing a personal value: the ID column's cells become their person keys, the birth
 * date its year, names and phone numbers are left out (privacy.ts). Every other byte is copied as
 * decoded, so the records, their order and their fields stay as the reader would see them; cells
 * are split as parseCsv splits them (a quote opens a quoted cell only at the cell's start).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { PersonKeyer } from '../person-key.ts';
import { birthToken, idToken } from '../privacy.ts';
import type { Header } from './header.ts';
import type { Sniffed } from './text-file.ts';

const KEEP = 0;
const ID = 1;
const BIRTH = 2;
const DROP = 3;

export async function transcodePrivately(
	file: string,
	sniffed: Sniffed,
	target: string,
	delimiter: string,
	header: Header,
	keyer: PersonKeyer
): Promise<void> {
	const kinds: number[] = [];
	const mark = (index: number | undefined, kind: number) => {
		if (index !== undefined) kinds[index] = kind;
	};
	mark(header.columns.idNumber, ID);
	mark(header.columns.birthDate, BIRTH);
	mark(header.columns.fullName, DROP);
	mark(header.columns.phone, DROP);
	const rewriter = new CellRewriter(kinds, delimiter, keyer);
	const decoder = new TextDecoder(sniffed.encoding);
	const out = createWriteStream(target, { mode: 0o600 });
	for await (const chunk of createReadStream(file, {
		start: sniffed.bom,
		highWaterMark: 1 << 20
	})) {
		const text = rewriter.push(decoder.decode(chunk as Buffer, { stream: true }));
		if (!out.write(text)) await once(out, 'drain');
	}
	out.end(rewriter.push(decoder.decode()) + rewriter.end());
	await once(out, 'finish');
}

export class CellRewriter {
	private field = 0;
	private quoted = false;
	/** A quote seen inside a quoted cell: doubled (a quote) or the cell's closing one. */
	private quotePending = false;
	private empty = true;
	/** The personal cell being read, unquoted. */
	private value = '';

	private readonly kinds: number[];
	private readonly delimiter: string;
	private readonly keyer: PersonKeyer;

	constructor(kinds: number[], delimiter: string, keyer: PersonKeyer) {
		this.kinds = kinds;
		this.delimiter = delimiter;
		this.keyer = keyer;
	}

	/** The rewritten text of the next piece of the file. */
	push(text: string): string {
		let out = '';
		// Start of the text still to copy: a personal cell's characters are not.
		let from = 0;
		for (let i = 0; i < text.length; i++) {
			const ch = text[i]!;
			const personal = (this.kinds[this.field] ?? KEEP) !== KEEP;
			if (this.quotePending) {
				this.quotePending = false;
				if (ch === '"') {
					if (personal) {
						this.value += '"';
						out += text.slice(from, i);
						from = i + 1;
					}
					continue;
				}
				this.quoted = false;
			}
			if (!this.quoted && (ch === this.delimiter || ch === '\n' || ch === '\r')) {
				if (personal) {
					out += text.slice(from, i) + this.replacement();
					from = i;
				}
				this.field = ch === this.delimiter ? this.field + 1 : 0;
				this.empty = true;
				continue;
			}
			if (this.quoted) {
				if (ch === '"') this.quotePending = true;
				else if (personal) this.value += ch;
			} else if (ch === '"' && this.empty) this.quoted = true;
			else if (personal) this.value += ch;
			this.empty = false;
			if (personal) {
				out += text.slice(from, i);
				from = i + 1;
			}
		}
		return out + text.slice(from);
	}

	/** What is left at the end of the file: a last personal cell, or an unclosed quote kept open. */
	end(): string {
		const kind = this.kinds[this.field] ?? KEEP;
		if (kind === KEEP) return '';
		if (this.quoted && !this.quotePending)
			// Still refused as an unclosed quote (read/csv.ts), without the text after it (the rest
			// of the file, other people's rows included).
			return '"';
		return this.replacement();
	}

	private replacement(): string {
		const kind = this.kinds[this.field] ?? KEEP;
		const value =
			kind === ID ? idToken(this.value, this.keyer) : kind === BIRTH ? birthToken(this.value) : '';
		this.value = '';
		const special = value.includes(this.delimiter) || /["\r\n]/.test(value);
		return special ? `"${value.replaceAll('"', '""')}"` : value;
	}
}
