import { describe, expect, it } from 'vitest';
import { progressOf, type Progress } from '../../../../src/lib/server/desk/progress.ts';

const start: Progress = { fraction: 0, stage: null, file: '' };
const line = (o: object) => JSON.stringify(o);

describe('the import progress bar', () => {
	it('moves through the files in order, reading by its own fraction, then the figures', () => {
		const files = ['a.csv', 'b.xlsx'];
		const a = progressOf(line({ file: 'a.csv', stage: 'read', fraction: 0.5 }), files, start)!;
		expect(a.fraction).toBeCloseTo(((0.05 + 0.65 * 0.5) / 2) * 0.9);
		const b = progressOf(line({ file: 'b.xlsx', stage: 'load' }), files, a)!;
		expect(b).toEqual({ fraction: ((1 + 0.85) / 2) * 0.9, stage: 'load', file: 'b.xlsx' });
		expect(progressOf(line({ file: '', stage: 'aggregate' }), files, b)!.fraction).toBe(0.9);
	});

	it('never goes backwards and ignores lines that are not stages', () => {
		const late: Progress = { fraction: 0.8, stage: 'load', file: 'b' };
		expect(progressOf(line({ file: 'a', stage: 'hash' }), ['a', 'b'], late)!.fraction).toBe(0.8);
		expect(progressOf('✗ a.csv: the file is empty', ['a'], start)).toBeNull();
		expect(progressOf(line({ file: 'a', stage: 'dance' }), ['a'], start)).toBeNull();
		expect(progressOf('42', ['a'], start)).toBeNull();
	});
});
