import { describe, expect, it } from 'vitest';
import {
	MAX_UPLOAD_FILES,
	megabytes,
	uploadLimit,
	uploadProblem
} from '../../../../src/lib/server/desk/limits.ts';

const MB = 1024 * 1024;

describe('upload limits', () => {
	it('reads the limit from CDHT_UPLOAD_LIMIT_MB, 50 MB by default, and refuses nonsense', () => {
		expect(uploadLimit({})).toBe(50 * MB);
		expect(uploadLimit({ CDHT_UPLOAD_LIMIT_MB: '2.5' })).toBe(2.5 * MB);
		expect(() => uploadLimit({ CDHT_UPLOAD_LIMIT_MB: 'lots' })).toThrow(/CDHT_UPLOAD_LIMIT_MB/);
		expect(() => uploadLimit({ CDHT_UPLOAD_LIMIT_MB: '0' })).toThrow(/CDHT_UPLOAD_LIMIT_MB/);
	});

	it('refuses no file, a file that is not an export, and an upload over the limit', () => {
		expect(uploadProblem([{ name: '', size: 0 }], MB)).toEqual({ kind: 'no_file' });
		expect(
			uploadProblem(
				[
					{ name: 'a.csv', size: 10 },
					{ name: 'b.pdf', size: 10 }
				],
				MB
			)
		).toEqual({ kind: 'not_export', file: 'b.pdf' });
		expect(
			uploadProblem(
				[
					{ name: 'a.XLSX', size: MB / 2 },
					{ name: 'b.csv', size: MB / 2 + 1 }
				],
				MB
			)
		).toEqual({ kind: 'too_large', size: MB + 1, limit: MB });
		expect(uploadProblem([{ name: 'a.xlsx', size: MB }], MB)).toBeNull();
	});

	it('refuses more files than MAX_UPLOAD_FILES in one upload, however small', () => {
		const files = (n: number) =>
			Array.from({ length: n }, (_, i) => ({ name: `${i}.csv`, size: 1 }));
		expect(uploadProblem(files(MAX_UPLOAD_FILES), MB)).toBeNull();
		expect(uploadProblem(files(MAX_UPLOAD_FILES + 1), MB)).toEqual({
			kind: 'too_many',
			count: MAX_UPLOAD_FILES + 1,
			max: MAX_UPLOAD_FILES
		});
	});

	it('words sizes in whole megabytes, rounded up', () => {
		expect(megabytes(50 * MB, 'vi')).toBe('50 MB');
		expect(megabytes(50 * MB + 1, 'en')).toBe('51 MB');
		expect(megabytes(1500 * MB, 'vi')).toBe('1.500 MB');
	});
});
