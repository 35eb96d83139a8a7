import { describe, expect, it } from 'vitest';
import { printMoves } from '../../../pipeline/commands/moves.ts';
import { memoryOutput } from '../../../pipeline/tty.ts';
import { unit } from '../lib/fixtures.ts';

describe('printMoves', () => {
	it("prints a confidential unit's shares rounded as published, never its counts", () => {
		const out = memoryOutput();
		const secret = unit({
			code: 'F1',
			name: 'Công an tỉnh',
			kind: 'armed_force',
			confidential: true,
			eligible: 1543
		});
		printMoves(out, 'vi', {
			rematched: false,
			moves: [
				{
					unit: secret,
					before: { registered: 1200, recognised: 1212 },
					after: { registered: 1237, recognised: 1237 }
				}
			],
			open: { names: 0, rows: 0 },
			latest: '2023-10-31'
		});
		const line = out.lines.find((l) => l.includes('Công an tỉnh'))!;
		// 1,212 and 1,237 of 1,543: 78,5% and 80,2% at one decimal; 79,0% and 80,0% as published.
		expect(line).toContain('79,0% → 80,0%');
		for (const n of ['1.237', '1.543', '1237', '1543']) expect(line).not.toContain(n);
	});
});
