/**
 * Appends XML straight into a Buffer. Markup is ASCII and copied character by character, numbers
 * are written digit by digit, and only text goes through the UTF-8 encoder. This avoids building
 * one long string per batch: V8 would make it a rope of tens of thousands of pieces, and
 * flattening and encoding it cost as much as generating the XML.
 */
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

	/** Markup or other ASCII-only text. */
	ascii(s: string): void {
		this.reserve(s.length);
		const buf = this.buf;
		let pos = this.pos;
		for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
		this.pos = pos;
	}

	/** Any text (already escaped for XML). */
	utf8(s: string): void {
		this.reserve(s.length * 3);
		this.pos += this.buf.write(s, this.pos, 'utf8');
	}

	/** A non-negative integer below 2^53. */
	uint(n: number): void {
		this.reserve(16);
		let digits = 1;
		for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
		const buf = this.buf;
		let at = this.pos + digits;
		this.pos = at;
		let m = n;
		do {
			buf[--at] = 48 + (m % 10);
			m = Math.floor(m / 10);
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
