/**
 * Appends XML straight into a Buffer. Markup is ASCII and copied character by character, numbers
 * are written digit by digit, and only text goes through the UTF-8 encoder. This avoids building
 * one long string per batch: V8 would make it a rope of tens of thousands of pieces, and
 * flattening and encoding it cost as much as generating the XML.
 */
import { escapeText, isEscapeLike } from './xml-escape.ts';

export class XmlBuffer {
	private buf: Buffer;
	private pos = 0;

	constructor(capacity = 1 << 20) {
		this.buf = Buffer.allocUnsafe(capacity);
	}

	get length(): number {
		return this.pos;
	}

	/** The bytes so far; the buffer starts afresh (the returned one may still be in use). */
	take(): Buffer {
		const out = this.buf.subarray(0, this.pos);
		this.buf = Buffer.allocUnsafe(this.buf.length);
		this.pos = 0;
		return out;
	}

	/** Drops what was appended after `length` (which must be no more than the current length). */
	truncate(length: number): void {
		this.pos = Math.min(this.pos, length);
	}

	/** Markup or other ASCII-only text. */
	ascii(s: string): void {
		this.reserve(s.length);
		const buf = this.buf;
		let pos = this.pos;
		for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
		this.pos = pos;
	}

	/** Any text already escaped for XML. */
	utf8(s: string): void {
		this.reserve(s.length * 3);
		this.pos += this.buf.write(s, this.pos, 'utf8');
	}

	/**
	 * Text content, escaped and encoded in one pass. Plain characters are encoded here; the rare
	 * ones needing an escape (see xml-escape.ts) send the whole string through escapeText().
	 */
	text(s: string): void {
		this.reserve(s.length * 3);
		const buf = this.buf;
		let pos = this.pos;
		for (let i = 0; i < s.length; i++) {
			const c = s.charCodeAt(i);
			if (c < 0x80) {
				if (c < 32 || c === 38 || c === 60 || c === 62 || c === 95) {
					if (c !== 9 && c !== 10 && (c !== 95 || isEscapeLike(s, i))) {
						this.utf8(escapeText(s));
						return;
					}
				}
				buf[pos++] = c;
			} else if (c < 0x800) {
				buf[pos++] = 0xc0 | (c >> 6);
				buf[pos++] = 0x80 | (c & 63);
			} else if (c < 0xd800 || (c > 0xdfff && c < 0xfffe)) {
				buf[pos++] = 0xe0 | (c >> 12);
				buf[pos++] = 0x80 | ((c >> 6) & 63);
				buf[pos++] = 0x80 | (c & 63);
			} else {
				// surrogate pairs and non-characters: rare, let the general path handle them
				this.utf8(escapeText(s));
				return;
			}
		}
		this.pos = pos;
	}

	/** A non-negative integer below 2^53. */
	uint(n: number): void {
		if (n >= 0x80000000) {
			this.ascii(String(n));
			return;
		}
		this.reserve(10);
		const buf = this.buf;
		let at = this.pos + digitCount(n);
		this.pos = at;
		let m = n;
		do {
			const q = (m / 10) | 0;
			buf[--at] = 48 + m - q * 10;
			m = q;
		} while (m > 0);
	}

	/** Any finite number, as JavaScript prints it (a valid xsd:double). */
	number(n: number): void {
		if (Number.isSafeInteger(n) && n >= 0) this.uint(n);
		else this.ascii(String(n));
	}

	private reserve(bytes: number): void {
		if (this.pos + bytes <= this.buf.length) return;
		const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
		this.buf.copy(bigger, 0, 0, this.pos);
		this.buf = bigger;
	}
}

function digitCount(n: number): number {
	if (n < 10) return 1;
	if (n < 100) return 2;
	if (n < 1000) return 3;
	if (n < 10_000) return 4;
	if (n < 100_000) return 5;
	if (n < 1_000_000) return 6;
	if (n < 10_000_000) return 7;
	if (n < 100_000_000) return 8;
	return n < 1_000_000_000 ? 9 : 10;
}
