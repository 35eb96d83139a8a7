import { describe, expect, it } from 'vitest';
import { PersonKeyer } from '../../../../pipeline/person-key.ts';
import { idToken } from '../../../../pipeline/privacy.ts';
import { CellRewriter } from '../../../../pipeline/read/private-transcode.ts';
import { parseCsv } from '../../../../pipeline/read/text-file.ts';

const keyer = new PersonKeyer(Buffer.alloc(32, 5));
// Column 0 kept, 1 the ID, 2 a birth date, 3 a name (dropped), 4 kept.
const KINDS = [0, 1, 2, 3, 0];

/** The text rewritten in pieces cut at every `cut`-th character. */
function rewrite(text: string, cut: number): string {
	const rewriter = new CellRewriter(KINDS, ',', keyer);
	let out = '';
	for (let i = 0; i < text.length; i += cut) out += rewriter.push(text.slice(i, i + cut));
	return out + rewriter.end();
}

describe('rewriting a CSV without its personal cells', () => {
	const text =
		'Huyện,"042 001 234 567","14/05/1987","Nguyễn ""Tí"", Văn",x""y\r\n' +
		'"a\nb",12345,abc,Lê Thị,"z"\n' +
		'short\n' +
		'k,042001234567,1987,"Ho\r\nTen",end';

	it('keeps every other cell and every record as parseCsv splits them, whatever the chunks', () => {
		const expected = [
			['Huyện', idToken('042001234567', keyer), '1987', '', 'x""y'],
			['a\nb', '#####', '', '', 'z'],
			['short'],
			['k', idToken('042001234567', keyer), '1987', '', 'end']
		];
		for (const cut of [1, 2, 3, 7, 1000]) {
			const out = rewrite(text, cut);
			expect(
				parseCsv(out, ',').map((r) => r.cells),
				`cut ${cut}`
			).toEqual(expected);
			for (const personal of ['Nguyễn', 'Tí', '14/05', '12345', 'Lê Thị', 'Ho'])
				expect(out).not.toContain(personal);
		}
	});

	it('keeps an unclosed quote open (the file is still refused), without the text after it', () => {
		const out = rewrite('a,"042001234567,1987\nb,c,d\n', 4);
		expect(out).toBe('a,"');
		expect(rewrite('a,b,c,"Nguyễn\nb,c,d\n', 3)).toBe('a,b,,"');
	});
});
