/**
 * Output for people at a terminal and for scripts: a live status line with a spinner on a TTY,
 * plain lines otherwise (CI logs, cron mails, pipes). Colour only on a TTY.
 */
export interface Output {
	line(text: string): void;
	error(text: string): void;
	/** A transient status (replaced by the next one), with a bar when the fraction done is known; ignored when not a terminal. */
	status(text: string, fraction?: number): void;
	/** Clears the status line. */
	done(): void;
	readonly isTty: boolean;
	readonly colour: Colour;
}

export interface Colour {
	green(text: string): string;
	red(text: string): string;
	yellow(text: string): string;
	dim(text: string): string;
	bold(text: string): string;
}

const plain: Colour = {
	green: (t) => t,
	red: (t) => t,
	yellow: (t) => t,
	dim: (t) => t,
	bold: (t) => t
};
const ansi = (code: number) => (t: string) => `\x1b[${code}m${t}\x1b[0m`;
const coloured: Colour = {
	green: ansi(32),
	red: ansi(31),
	yellow: ansi(33),
	dim: ansi(2),
	bold: ansi(1)
};
const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';

export function terminalOutput(
	stdout: NodeJS.WriteStream = process.stdout,
	stderr: NodeJS.WriteStream = process.stderr
): Output {
	const isTty = Boolean(stdout.isTTY) && !process.env.CI;
	let current = '';
	let bar = '';
	let frame = 0;
	let timer: NodeJS.Timeout | null = null;
	const started = Date.now();
	const draw = () => {
		const seconds = ((Date.now() - started) / 1000).toFixed(0);
		stdout.write(
			`\r\x1b[2K${SPINNER[frame++ % SPINNER.length]} ${current}${bar} ${coloured.dim(`${seconds}s`)}`
		);
	};
	const clear = () => {
		if (timer) clearInterval(timer);
		timer = null;
		if (isTty && current) stdout.write('\r\x1b[2K');
		current = '';
	};
	return {
		isTty,
		colour: isTty ? coloured : plain,
		line(text) {
			const pending = current;
			clear();
			stdout.write(text + '\n');
			if (pending && isTty) this.status(pending);
		},
		error(text) {
			clear();
			stderr.write(text + '\n');
		},
		status(text, fraction) {
			if (!isTty) return;
			current = text;
			bar = fraction === undefined ? '' : ` ${progressBar(fraction)}`;
			timer ??= setInterval(draw, 100);
			timer.unref();
			draw();
		},
		done: clear
	};
}

/** "[██████░░░░░░░░░░░░░░]  30%" */
export function progressBar(fraction: number, width = 20): string {
	const f = Math.min(1, Math.max(0, fraction));
	const full = Math.round(f * width);
	return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.round(f * 100)).padStart(3)}%`;
}

/** Output kept in memory: for tests, and for callers that run commands quietly. */
export function memoryOutput(): Output & { lines: string[]; errors: string[] } {
	const lines: string[] = [];
	const errors: string[] = [];
	return {
		lines,
		errors,
		isTty: false,
		colour: plain,
		line: (text) => void lines.push(text),
		error: (text) => void errors.push(text),
		status: () => {},
		done: () => {}
	};
}

/**
 * Text from data shown at a terminal: C0 and C1 control characters (ESC starts a sequence that
 * recolours, moves the cursor or retitles the window) and DEL as visible `\u001b` escapes.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function visible(text: string): string {
	return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
