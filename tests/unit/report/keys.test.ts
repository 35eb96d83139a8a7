import { describe, expect, it } from 'vitest';
import { backPath, deckAction, slideFromHash, stepTo } from '../../../src/lib/meeting/keys.ts';

describe('deckAction', () => {
	it('moves on with what a clicker or a presenter presses', () => {
		for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' '])
			expect(deckAction({ key })).toBe('next');
		for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp'])
			expect(deckAction({ key })).toBe('previous');
		expect(deckAction({ key: ' ', shiftKey: true })).toBe('previous');
		expect(deckAction({ key: 'Home' })).toBe('first');
		expect(deckAction({ key: 'End' })).toBe('last');
		expect(deckAction({ key: 'Escape' })).toBe('exit');
		expect(deckAction({ key: 'f' })).toBe('fullscreen');
	});

	it('leaves browser shortcuts and other keys alone', () => {
		expect(deckAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
		expect(deckAction({ key: 'p', ctrlKey: true })).toBeNull();
		expect(deckAction({ key: 'a' })).toBeNull();
	});
});

describe('stepTo', () => {
	it('stays within the deck', () => {
		expect(stepTo(0, 'previous', 8)).toBe(0);
		expect(stepTo(7, 'next', 8)).toBe(7);
		expect(stepTo(2, 'next', 8)).toBe(3);
		expect(stepTo(5, 'first', 8)).toBe(0);
		expect(stepTo(1, 'last', 8)).toBe(7);
	});
});

describe('slideFromHash and backPath', () => {
	it('opens the slide the address names', () => {
		expect(slideFromHash('#3', 8)).toBe(2);
		expect(slideFromHash('#9', 8)).toBe(0);
		expect(slideFromHash('', 8)).toBe(0);
	});

	it('returns only to pages of the dashboard', () => {
		expect(backPath('/districts')).toBe('/districts');
		expect(backPath('/units/436?asOf=x')).toBe('/units/436');
		for (const bad of [null, 'https://example.org/', '//example.org', '/meeting', 'districts'])
			expect(backPath(bad)).toBe('/');
	});
});
