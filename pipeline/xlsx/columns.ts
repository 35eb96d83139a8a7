/** Column letters ("A", "Z", "AA", "XFD") for a 0-based index. */
export function columnLetters(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const rem = (n - 1) % 26;
		out = String.fromCharCode(65 + rem) + out;
		n = (n - 1 - rem) / 26;
	}
	return out;
}

/** Excel's last column, XFD. */
export const MAX_COLUMNS = 16_384;

/**
 * 0-based column of a cell reference such as "AB12" read from `text` between `start` and `end`,
 * without slicing; -1 when the reference has no letters.
 */
export function columnIndexAt(text: string, start: number, end: number): number {
	let col = 0;
	let i = start;
	for (; i < end; i++) {
		const c = text.charCodeAt(i) | 0x20; // lower-case, so "ab12" works too
		if (c < 97 || c > 122) break;
		col = col * 26 + (c - 96);
	}
	return i === start ? -1 : col - 1;
}
