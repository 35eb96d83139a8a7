/**
 * A password for `users add` and `users passwd`: typed twice without echo at a terminal, or the
 * first line of stdin when piped (a script, a password manager). Never an argument: arguments
 * show in `ps` and in the shell's history.
 */
import type { Readable, Writable } from 'node:stream';

export interface PasswordSource {
	input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
	/** Where the prompts go (stderr, so stdout stays the command's output). */
	prompt: Writable;
}

export function stdinSource(): PasswordSource {
	return { input: process.stdin, prompt: process.stderr };
}

/** The first line of a piped input. */
async function firstLine(input: Readable): Promise<string> {
	let text = '';
	for await (const chunk of input) {
		text += String(chunk);
		if (/\r?\n/.test(text)) break;
	}
	return text.split(/\r?\n/)[0]!;
}

/** One line typed with echo off; Ctrl-C or Ctrl-D abandon it (null). */
function hiddenLine(source: PasswordSource, label: string): Promise<string | null> {
	const { input, prompt } = source;
	prompt.write(label);
	input.setRawMode!(true);
	input.resume();
	return new Promise((resolve) => {
		let typed = '';
		const finish = (value: string | null) => {
			input.setRawMode!(false);
			input.pause();
			input.off('data', onData);
			prompt.write('\n');
			resolve(value);
		};
		const onData = (chunk: Buffer) => {
			for (const c of chunk.toString('utf8')) {
				if (c === '\r' || c === '\n') return finish(typed);
				if (c === '\u0003' || c === '\u0004') return finish(null);
				if (c === '\u007f' || c === '\b') typed = [...typed].slice(0, -1).join('');
				else typed += c;
			}
		};
		input.on('data', onData);
	});
}

export type PasswordRead = { password: string } | { problem: 'mismatch' | 'cancelled' };

export async function readPassword(
	source: PasswordSource,
	labels: { first: string; again: string }
): Promise<PasswordRead> {
	if (!source.input.isTTY || !source.input.setRawMode)
		return { password: await firstLine(source.input) };
	const first = await hiddenLine(source, labels.first);
	if (first === null) return { problem: 'cancelled' };
	const again = await hiddenLine(source, labels.again);
	if (again === null) return { problem: 'cancelled' };
	return first === again ? { password: first } : { problem: 'mismatch' };
}
