import { describe, expect, it } from 'vitest';
import { filterChoices, fold, indexChoices, type Choice } from '../../../src/lib/unit-search.ts';

const CHOICES: Choice[] = [
	{ code: '436', name: 'Huyện Can Lộc', hint: '' },
	{ code: '437', name: 'Huyện Hương Khê', hint: '' },
	{ code: '18463', name: 'Xã Thiên Lộc', hint: 'Huyện Can Lộc' },
	{ code: '18430', name: 'Thị trấn Đồng Lộc', hint: 'Huyện Can Lộc' },
	{ code: '18520', name: 'Xã Cẩm Lộc', hint: 'Huyện Cẩm Xuyên' },
	{ code: 'CA', name: 'Công an tỉnh', hint: '' }
];
const index = indexChoices(CHOICES);
const codes = (q: string, limit?: number) => filterChoices(index, q, limit).map((c) => c.code);

describe('fold', () => {
	it('drops tone and vowel marks, reads đ as d, lower-cases and collapses spaces', () => {
		expect(fold('  Thị trấn  ĐỒNG Lộc ')).toBe('thi tran dong loc');
		expect(fold('Cẩm Xuyên')).toBe('cam xuyen');
	});
	it('folds the decomposed form a Mac keyboard types the same as the composed one', () => {
		expect(fold('Lộc'.normalize('NFD'))).toBe(fold('Lộc'.normalize('NFC')));
	});
});

describe('filterChoices', () => {
	it('finds "Can Lộc" typed without diacritics, the district before its communes', () => {
		expect(codes('can loc')).toEqual(['436', '18430', '18463']);
	});
	it('needs every word: "cam loc" is the commune of Cẩm Xuyên, not Can Lộc', () => {
		expect(codes('cam loc')).toEqual(['18520']);
	});
	it('finds by code, the exact code first', () => {
		expect(codes('436')).toEqual(['436']);
		expect(codes('ca')[0]).toBe('CA');
	});
	it('puts names that start with the query before names that only contain it', () => {
		expect(codes('huong')).toEqual(['437']);
		// "an" starts a word of "Công an tỉnh" but sits inside "Can" and "Thiên"
		expect(codes('an')[0]).toBe('CA');
		expect(codes('xa')).toEqual(['18520', '18463']);
		expect(codes('dong')).toEqual(['18430']);
	});
	it('lists everything (up to the limit) for an empty query, and nothing for a stranger', () => {
		expect(codes('  ')).toHaveLength(CHOICES.length);
		expect(codes('', 2)).toHaveLength(2);
		expect(codes('ky anh')).toEqual([]);
	});
});
