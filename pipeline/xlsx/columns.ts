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
