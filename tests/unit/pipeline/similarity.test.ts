import { describe, expect, it } from 'vitest';
import { rarityWeights, sameWord, wordSimilarity } from '../../../pipeline/names/similarity.ts';

describe('sameWord', () => {
	it.each([
		['truong', 'truong', true],
		['truong', 'truongg', true], // a letter added
		['truong', 'truon', true], // a letter dropped
		['truong', 'trxong', true], // a letter changed
		['truong', 'tuorng', false], // two letters swapped: two edits
		['truong', 'truonggg', false],
		['abcd', 'abce', true],
		['abcde', 'xbcdf', false], // first and last letters differ
		['so', 'se', false], // too short to tell a typo from another word
		['ban', 'bann', false],
		['', '', true]
	])('%s ~ %s is %s', (a, b, same) => {
		expect(sameWord(a, b)).toBe(same);
		expect(sameWord(b, a)).toBe(same);
	});
});

describe('rarityWeights', () => {
	it('weighs a word shared by every name less than a rare one, and an unseen word most', () => {
		const weight = rarityWeights([
			['so', 'y', 'te'],
			['so', 'tai', 'chinh'],
			['so', 'noi', 'vu']
		]);
		expect(weight('so')).toBeCloseTo(1);
		expect(weight('te')).toBeGreaterThan(weight('so'));
		expect(weight('nowhere')).toBeGreaterThanOrEqual(weight('te'));
	});
});

describe('wordSimilarity', () => {
	const weight = rarityWeights([
		['so', 'y', 'te'],
		['so', 'tai', 'chinh'],
		['so', 'giao', 'duc', 'dao', 'tao']
	]);

	it('is 1 for the same words in any order and 0 for nothing shared', () => {
		expect(wordSimilarity(['so', 'y', 'te'], ['te', 'y', 'so'], weight)).toBeCloseTo(1);
		expect(wordSimilarity(['cong', 'an'], ['so', 'y', 'te'], weight)).toBe(0);
		expect(wordSimilarity([], [], weight)).toBe(0);
	});

	it('keeps a name missing one common word close, and closer than one missing a rare word', () => {
		const missingCommon = wordSimilarity(['y', 'te'], ['so', 'y', 'te'], weight);
		const missingRare = wordSimilarity(['so', 'y'], ['so', 'y', 'te'], weight);
		expect(missingCommon).toBeGreaterThan(0.7);
		expect(missingCommon).toBeGreaterThan(missingRare);
	});

	it('counts a word typed a letter off as shared, and pairs each word once', () => {
		expect(wordSimilarity(['so', 'giao', 'ducc'], ['so', 'giao', 'duc'], weight)).toBeLessThan(1);
		expect(
			wordSimilarity(
				['so', 'giao', 'ducx', 'dao', 'tao'],
				['so', 'giao', 'duca', 'dao', 'tao'],
				weight
			)
		).toBeCloseTo(1);
		expect(wordSimilarity(['tao', 'tao'], ['tao'], weight)).toBeLessThan(1);
	});
});
