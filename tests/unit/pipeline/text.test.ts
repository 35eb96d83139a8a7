import { describe, expect, it } from 'vitest';
import { clean, editDistance, fold, stripDiacritics } from '../../../pipeline/text.ts';

describe('text folding', () => {
	it('folds case, diacritics (đ included), punctuation and spacing', () => {
		expect(fold('HUYỆN  Đức Thọ')).toBe('huyen duc tho');
		expect(fold('Huyện Đức Thọ'.normalize('NFD'))).toBe('huyen duc tho');
		expect(fold('Sở LĐ-TB&XH')).toBe('so ld tb xh');
		expect(fold('Xã/Phường/Thị trấn')).toBe('xa phuong thi tran');
		expect(stripDiacritics('Đặng Thị Ẩn')).toBe('Dang Thi An');
	});

	it('cleans to NFC with single spaces', () => {
		expect(clean(' Thị\u00a0trấn  Tây Sơn '.normalize('NFD'))).toBe('Thị trấn Tây Sơn');
		expect(clean('a\n b')).toBe('a b');
	});

	it('measures edit distance', () => {
		expect(editDistance('can loc', 'can lot')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('abc', 'abc')).toBe(0);
	});
});
