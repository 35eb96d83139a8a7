/**
 * The deck's keyboard: what a presentation clicker sends (PageDown/PageUp, arrows, space) and
 * what a presenter types. Pure, so the mapping is tested without a browser.
 */
export type DeckAction = 'next' | 'previous' | 'first' | 'last' | 'exit' | 'fullscreen';

export interface KeyPress {
	key: string;
	shiftKey?: boolean;
	ctrlKey?: boolean;
	altKey?: boolean;
	metaKey?: boolean;
}

export function deckAction(press: KeyPress): DeckAction | null {
	// Browser shortcuts (Ctrl+P to print, Alt+← to go back) keep working.
	if (press.ctrlKey || press.altKey || press.metaKey) return null;
	switch (press.key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
			return 'next';
		case ' ':
		case 'Spacebar':
			return press.shiftKey ? 'previous' : 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'Escape':
			return 'exit';
		case 'f':
		case 'F':
			return 'fullscreen';
		default:
			return null;
	}
}

/** The slide an action leads to, staying within the deck. */
export function stepTo(index: number, action: DeckAction, count: number): number {
	const last = Math.max(0, count - 1);
	switch (action) {
		case 'next':
			return Math.min(last, index + 1);
		case 'previous':
			return Math.max(0, index - 1);
		case 'first':
			return 0;
		case 'last':
			return last;
		default:
			return index;
	}
}

/** The slide a URL hash names ("#3" is the third), or the first. */
export function slideFromHash(hash: string, count: number): number {
	const n = Number.parseInt(hash.replace(/^#/, ''), 10);
	return Number.isInteger(n) && n >= 1 && n <= count ? n - 1 : 0;
}

/** Where Esc leads back to: a page of the dashboard, never another site or the deck itself. */
export function backPath(from: string | null): string {
	if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/meeting'))
		return '/';
	return from.split(/[?#]/)[0]!;
}
