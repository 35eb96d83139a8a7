import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../pipeline/errors.ts';
import { errorText } from '../../../pipeline/messages.ts';
import { visible } from '../../../pipeline/tty.ts';

describe('data-derived text at a terminal', () => {
	it('shows C0, DEL and C1 control characters as escapes, leaving other text alone', () => {
		expect(visible('Xã \x1b[31mĐỏ\x1b[0m\r\n\x07\x7f\x9b“Hà Tĩnh”')).toBe(
			'Xã \\u001b[31mĐỏ\\u001b[0m\\u000d\\u000a\\u0007\\u007f\\u009b“Hà Tĩnh”'
		);
	});

	it('escapes them in every message parameter and place, the one way text reaches the CLI', () => {
		const error = new ImportError(
			'csv_malformed',
			{ file: 'a\x1b]0;owned\x07.csv', column: 'C\x1b[2J' },
			{ detail: 'x\x1b[1Ay' }
		);
		const text = errorText(error, 'en');
		expect([...text].every((c) => visible(c) === c)).toBe(true);
		expect(text).toContain('a\\u001b]0;owned\\u0007.csv');
		expect(text).toContain('x\\u001b[1Ay');
	});

	it('words a full disk as one a user can act on', () => {
		const error = new ImportError(
			'system_error',
			{ file: 'cdht.duckdb' },
			{ code: 'ENOSPC', detail: 'ENOSPC: no space left on device, write' }
		);
		expect(errorText(error, 'en')).toBe(
			'file cdht.duckdb: system error: the disk is full; free some space and run again'
		);
		expect(errorText(error, 'vi')).toMatch(/^tệp cdht\.duckdb: lỗi hệ thống: ổ đĩa đã đầy/);
	});
});
