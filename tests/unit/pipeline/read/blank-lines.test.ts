import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankRecords, blankShifts } from '../../../../pipeline/read/blank-lines.ts';

describe('blank records', () => {
	it('finds empty records, ignoring newlines inside quotes, with CRLF or LF', async () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'blank-')), 'x.csv');
		writeFileSync(file, 'title\r\n\r\nheader\r\n"a\r\n\r\nb",1\r\n\r\n\r\nc,2\n\nd,3\n');
		expect(await blankRecords(file)).toEqual([2, 5, 6, 8]);
	});

	it('turns them into shifts of the reader running number', () => {
		// physical records 2, 5, 6, 8 blank → ordinals from 2 on are one further, from 4 on three, from 5 on four
		expect(blankShifts([2, 5, 6, 8])).toEqual([
			{ firstOrdinal: 2, shift: 1 },
			{ firstOrdinal: 4, shift: 3 },
			{ firstOrdinal: 5, shift: 4 }
		]);
		expect(blankShifts([])).toEqual([]);
	});
});
