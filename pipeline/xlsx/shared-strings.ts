import { MalformedXml } from './errors.ts';
import { isStartTag, readRichText, Tags } from './rich-text.ts';

const SST = /<([A-Za-z_][\w.-]*:)?sst(?=[\s/>])[^>]*>/;

/** Carried-over text longer than this waits for an item end before it is scanned again. */
const DEFER_FROM = 1 << 20;

/**
 * Reads sharedStrings.xml chunk by chunk into an array (the only thing the reader keeps in
 * memory), one `<si>` at a time, carrying an unfinished item over to the next chunk.
 */
export class SharedStringsScanner {
	readonly strings: string[] = [];
	private readonly decoder = new TextDecoder('utf-8', { fatal: true });
	private tags: Tags | null = null;
	private carry = '';
	/** Text after a long `carry` with no item end in it: joined once one comes (or at the end). */
	private pending: string[] = [];
	private closed = false;

	pushBytes(chunk: Uint8Array): void {
		let text: string;
		try {
			text = this.decoder.decode(chunk, { stream: true });
		} catch {
			throw new MalformedXml(`invalid UTF-8 after string ${this.strings.length}`);
		}
		this.pushText(text);
	}

	pushText(text: string): void {
		if (this.closed) return;
		// A carry this long is an item in progress, not a tag cut in two: scanning it again with
		// every chunk until its end comes would read it over and over.
		if (this.tags && this.carry.length >= DEFER_FROM && !text.includes(this.tags.siEnd)) {
			this.pending.push(text);
			return;
		}
		const xml = this.carry + this.pending.join('') + text;
		this.pending = [];
		let pos = 0;
		if (this.tags === null) {
			const m = SST.exec(xml);
			if (!m) {
				const lt = xml.lastIndexOf('<');
				this.carry = lt === -1 ? '' : xml.slice(lt);
				return;
			}
			this.tags = new Tags(m[1] ?? '');
			pos = m.index + m[0].length;
			if (m[0].endsWith('/>')) {
				this.closed = true;
				return;
			}
		}
		pos = this.scanItems(xml, pos);
		this.carry = this.closed ? '' : xml.slice(pos);
	}

	end(): string[] {
		this.pushText(this.decoder.decode());
		if (this.pending.length > 0) {
			const xml = this.carry + this.pending.join('');
			this.pending = [];
			this.scanItems(xml, 0);
		}
		if (!this.closed) throw new MalformedXml('unexpected end of XML (truncated?)');
		return this.strings;
	}

	private scanItems(xml: string, pos: number): number {
		const tags = this.tags!;
		const sstEnd = `</${tags.prefix}sst>`;
		for (;;) {
			const lt = xml.indexOf('<', pos);
			if (lt === -1) return xml.length;
			if (xml.length - lt < sstEnd.length) return lt;
			if (isStartTag(xml, lt, tags.si)) {
				const gt = xml.indexOf('>', lt);
				if (gt === -1) return lt;
				if (xml.charCodeAt(gt - 1) === 47) {
					this.strings.push('');
					pos = gt + 1;
					continue;
				}
				const close = xml.indexOf(tags.siEnd, gt);
				if (close === -1) return lt;
				this.strings.push(readRichText(xml, gt + 1, close, tags));
				pos = close + tags.siEnd.length;
			} else if (xml.startsWith(sstEnd, lt)) {
				this.closed = true;
				return xml.length;
			} else if (xml.charCodeAt(lt + 1) === 33 || xml.charCodeAt(lt + 1) === 63) {
				const gt = xml.indexOf('>', lt); // comment or processing instruction
				if (gt === -1) return lt;
				pos = gt + 1;
			} else {
				// <extLst> after the items
				const gt = xml.indexOf('>', lt);
				if (gt === -1) return lt;
				pos = gt + 1;
			}
		}
	}
}
