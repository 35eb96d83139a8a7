/**
 * Failures outside a command's main block, through the real CLI (`node pipeline/bin.ts`): a
 * configuration that cannot be read, a bad option, an error thrown later by anything; each ends
 * in one line, no stack trace, at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../support/exports.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function cli(args: string[], nodeArgs: string[] = []) {
	const result = spawnSync(
		path.join(root, 'node_modules/.bin/node'),
		[...nodeArgs, 'pipeline/bin.ts', ...args],
		{ cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } }
	);
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'cli-errors-'));
const noStack = /\n\s+at |node:internal|^\s*\^/m;

describe('the CLI outside a command', () => {
	it('a folder named config.json: one line, exit 1', () => {
		const data = path.join(dir, 'folder');
		mkdirSync(path.join(data, 'config.json'), { recursive: true });
		const result = cli(['--data', data, 'imports', '--lang', 'en']);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			'✗ file config.json: system error: not a regular file (a device, pipe or folder)\n'
		);
	});

	it('config.json linked to /dev/zero: refused at once instead of read for ever', () => {
		const data = path.join(dir, 'zero');
		mkdirSync(data);
		symlinkSync('/dev/zero', path.join(data, 'config.json'));
		const started = Date.now();
		const result = cli(['--data', data, 'progress']);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			'✗ tệp config.json: lỗi hệ thống: không phải một tệp thường (thiết bị, ống hay thư mục)\n'
		);
		expect(Date.now() - started).toBeLessThan(20_000);
	});

	it.each([
		[['ingest', '--bogus', 'x.csv'], /^Unknown option '--bogus'/],
		[['ingest', '--db'], /^Option '--db <value>' argument missing/],
		[['progress', '--as-of', '2023-13-45'], /^--as-of must be a date YYYY-MM-DD/],
		[['frobnicate'], /^unknown command "frobnicate"/]
	])(
		'a usage mistake (%j): its message first, the usage after, exit 2, no stack',
		(args, first) => {
			const result = cli(args);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(first);
			expect(result.stderr).toContain('usage: npm run pipeline --');
			expect(result.stderr).not.toMatch(noStack);
		}
	);

	it('an error thrown later, by anything in the process: one line, exit 1', async () => {
		const { db } = await freshDatabase();
		// A module loaded before the CLI throws from a timer, while the command reads the database.
		const late = 'data:text/javascript,setTimeout(() => { throw new Error("late boom") }, 0)';
		const result = cli(['imports', '--db', db, '--lang', 'en'], ['--import', late]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe('✗ system error: late boom\n');
	});
});
