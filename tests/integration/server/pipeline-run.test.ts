import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/lib/server/pipeline-run.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cdht-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runPipeline', () => {
	it('runs the CLI with the server data directory and the actor, one command at a time', async () => {
		const fake = path.join(dir, 'fake.ts');
		writeFileSync(
			fake,
			`process.stderr.write('step 1\\rstep 2\\n');
			 await new Promise((r) => setTimeout(r, Number(process.argv[2])));
			 console.log(JSON.stringify({ data: process.env.CDHT_DATA, actor: process.env.CDHT_ACTOR, t: Date.now() }));
			 process.exitCode = Number(process.argv[3]);`
		);
		process.env.CDHT_PIPELINE = fake;
		process.env.CDHT_DATA = dir;
		try {
			const lines: string[] = [];
			const slow = runPipeline(['300', '0'], { actor: 'lan', onLine: (l) => lines.push(l) });
			const fast = runPipeline(['0', '1']);
			const [a, b] = await Promise.all([slow, fast]);
			expect(a.code).toBe(0);
			expect(b.code).toBe(1);
			const first = JSON.parse(a.stdout);
			expect(first).toMatchObject({ data: dir, actor: 'lan' });
			expect(JSON.parse(b.stdout).actor).toBeUndefined();
			expect(JSON.parse(b.stdout).t).toBeGreaterThanOrEqual(first.t);
			expect(lines).toEqual(['step 1', 'step 2']);
		} finally {
			delete process.env.CDHT_PIPELINE;
			delete process.env.CDHT_DATA;
		}
	});
});
