import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cliActor, loggedAction, loggedArgument } from '../../../pipeline/audit.ts';
import type { Command } from '../../../pipeline/cli.ts';
import { readPassword } from '../../../pipeline/password-input.ts';

const action = (command: Command, args: string[] = [], dryRun = false) =>
	loggedAction({ command, args, dryRun });

describe('loggedAction', () => {
	it('logs the commands that change something, with their subcommand', () => {
		expect(action('ingest', ['a.csv'])).toBe('ingest');
		expect(action('units', ['u.csv'])).toBe('units');
		expect(action('activity', ['a.xlsx'])).toBe('activity');
		expect(action('imports', ['remove', '3'])).toBe('imports remove');
		for (const sub of ['accept', 'ignore', 'undo', 'rematch'])
			expect(action('names', [sub, 'x'])).toBe(`names ${sub}`);
	});

	it('leaves out reading commands, dry runs, and users (logged by the store itself)', () => {
		expect(action('ingest', ['a.csv'], true)).toBeNull();
		expect(action('imports', ['remove', '3'], true)).toBeNull();
		for (const [command, args] of [
			['progress', []],
			['imports', []],
			['rejects', ['1']],
			['names', []],
			['names', ['export']],
			['report', []],
			['setup', []],
			['users', ['add', 'lan']]
		] as [Command, string[]][])
			expect([command, ...args, action(command, args)]).toEqual([command, ...args, null]);
	});

	it('counts a command it does not know as a change', () => {
		expect(action('future' as Command, ['x'])).toBe('future');
	});
});

describe('loggedArgument', () => {
	it('keeps a file by its name only, with ID-like numbers masked; other text masked too', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'cdht-042090000001-'));
		const file = path.join(dir, 'dk 0912345678.csv');
		writeFileSync(file, '');
		expect(loggedArgument(file)).toBe('dk 09******78.csv');
		expect(loggedArgument('Xã 042090000001')).toBe('Xã 04********01');
		expect(loggedArgument('436')).toBe('436');
	});
});

describe('cliActor', () => {
	it('is the browser user when the server set CDHT_ACTOR, else the OS user', () => {
		const saved = process.env.CDHT_ACTOR;
		try {
			process.env.CDHT_ACTOR = 'lan';
			expect(cliActor()).toEqual({ actor: 'lan', source: 'web' });
			delete process.env.CDHT_ACTOR;
			expect(cliActor().source).toBe('cli');
			expect(cliActor().actor).not.toBe('');
		} finally {
			if (saved === undefined) delete process.env.CDHT_ACTOR;
			else process.env.CDHT_ACTOR = saved;
		}
	});
});

/** A fake terminal: raw mode recorded, keys typed as chunks, prompts collected. */
function terminal(keys: string[]) {
	const input = Object.assign(new PassThrough(), {
		isTTY: true,
		raw: [] as boolean[],
		setRawMode(raw: boolean) {
			this.raw.push(raw);
		}
	});
	const prompt = new PassThrough();
	let shown = '';
	prompt.on('data', (c) => (shown += c));
	setTimeout(function type() {
		const key = keys.shift();
		if (key === undefined) return;
		input.write(key);
		setTimeout(type, 5);
	}, 5);
	return { source: { input, prompt }, input, shown: () => shown };
}

describe('readPassword', () => {
	const labels = { first: 'Mật khẩu: ', again: 'Nhập lại: ' };

	it('reads the first line of a pipe', async () => {
		const input = new PassThrough();
		input.end('mật khẩu từ pipe\nthừa\n');
		expect(await readPassword({ input, prompt: new PassThrough() }, labels)).toEqual({
			password: 'mật khẩu từ pipe'
		});
	});

	it('asks twice at a terminal with echo off, backspace working', async () => {
		const t = terminal(['abcx', '\u007f', 'd\r', 'abcd\r']);
		expect(await readPassword(t.source, labels)).toEqual({ password: 'abcd' });
		expect(t.shown()).toBe('Mật khẩu: \nNhập lại: \n');
		expect(t.input.raw).toEqual([true, false, true, false]);
	});

	it('refuses two different passwords, and stops at Ctrl-C', async () => {
		expect(await readPassword(terminal(['abcd\r', 'abce\r']).source, labels)).toEqual({
			problem: 'mismatch'
		});
		expect(await readPassword(terminal(['ab\u0003']).source, labels)).toEqual({
			problem: 'cancelled'
		});
	});
});
