import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAt, scanRecords, skipShifts } from '../../../../pipeline/read/records.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'records-'));
const scan = async (name: string, text: string, delimiter = ',') => {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	const { blanks, records, starts, unclosedQuote } = await scanRecords(file, delimiter);
	return { blanks, records, starts: [...starts], ...(unclosedQuote && { unclosedQuote }) };
};

describe('record scan', () => {
	it('finds empty records, ignoring newlines inside quotes, with CRLF or LF', async () => {
		expect(
			await scan('x.csv', 'title\r\n\r\nheader\r\n"a\r\n\r\nb",1\r\n\r\n\r\nc,2\n\nd,3\n')
		).toEqual({ blanks: [2, 5, 6, 8], records: 9, starts: [0, 7, 9, 17, 29, 31, 33, 37, 38] });
	});

	it('counts a last record without a line break, and trailing empty records', async () => {
		expect(await scan('open.csv', 'a,b\n1,2')).toEqual({ blanks: [], records: 2, starts: [0, 4] });
		expect(await scan('trailing.csv', 'a,b\n1,2\n\n\r\n')).toEqual({
			blanks: [3, 4],
			records: 4,
			starts: [0, 4, 8, 9]
		});
		expect(await scan('empty.csv', '')).toEqual({ blanks: [], records: 0, starts: [] });
		expect(await scan('unclosed.csv', 'a\n"b\nc')).toEqual({
			blanks: [],
			records: 2,
			starts: [0, 2],
			unclosedQuote: { record: 2, offset: 2 }
		});
	});

	it('counts records across read chunks (quotes and CRLF split at 1 MiB)', async () => {
		const row = `"x\n${'y'.repeat(1000)}",1\r\n`;
		const text = 'h\r\n' + row.repeat(3000) + '\r\nlast';
		const { blanks, records, starts } = await scan('big.csv', text);
		expect({ blanks, records }).toEqual({ blanks: [3002], records: 3003 });
		expect(starts[2999]).toBe(3 + 2998 * row.length);
		expect(starts[3002]).toBe(text.length - 4);
	});

	it('finds the record holding a byte', async () => {
		const file = path.join(dir, 'at.csv');
		writeFileSync(file, 'ab\n"c\nd"\n\ne');
		const found = await scanRecords(file);
		expect([0, 1, 2, 3, 5, 8, 9, 10].map((b) => recordAt(found, b))).toEqual([
			1, 1, 1, 2, 2, 2, 3, 4
		]);
	});
});

describe('skip shifts', () => {
	it('turns skipped records into shifts of the reader running number', () => {
		// records 2, 5, 6, 8 skipped → ordinals from 2 on are one further, from 4 on three, from 5 on four
		expect(skipShifts([2, 5, 6, 8])).toEqual([
			{ firstOrdinal: 2, shift: 1 },
			{ firstOrdinal: 4, shift: 3 },
			{ firstOrdinal: 5, shift: 4 }
		]);
		expect(skipShifts([1, 2, 3])).toEqual([{ firstOrdinal: 1, shift: 3 }]);
		expect(skipShifts([])).toEqual([]);
	});
});

describe('quotes as Excel reads them', () => {
	it('opens a quoted field only at the start of a field', async () => {
		// `Danh "đợt 1` is text with a quote in it: the line break after it ends the record.
		expect(await scan('stray.csv', 'Danh "đợt 1\nnăm"\na;"b\n\nc";d\n', ';')).toMatchObject({
			blanks: [],
			records: 3
		});
	});

	it('keeps a doubled quote inside a quoted field, even split across chunks', async () => {
		const pad = 'x'.repeat((1 << 20) - 2);
		// The pair "" straddles the 1 MiB chunk boundary: the field stays open over the line break.
		const text = `"${pad}""\n"\nnext\n`;
		expect(text.indexOf('""') + 1).toBe(1 << 20);
		expect(await scan('pair.csv', text)).toMatchObject({ blanks: [], records: 2 });
	});
});
