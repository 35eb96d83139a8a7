import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/lib/units.ts';
import { UnitMatcher } from '../../../pipeline/match.ts';

const unit = (
	code: string,
	name: string,
	kind: Unit['kind'],
	parent: string | null,
	aliases: string[] = []
): Unit => ({
	code,
	name,
	kind,
	parent,
	eligible: 100,
	confidential: false,
	aliases
});

const UNITS: Unit[] = [
	unit('42', 'Tỉnh Hà Tĩnh', 'province', null),
	unit('436', 'Thành phố Hà Tĩnh', 'district', '42'),
	unit('437', 'Thị xã Hồng Lĩnh', 'district', '42'),
	unit('443', 'Huyện Can Lộc', 'district', '42'),
	unit('447', 'Huyện Kỳ Anh', 'district', '42'),
	unit('449', 'Thị xã Kỳ Anh', 'district', '42'),
	unit('18070', 'Phường Trần Phú', 'commune', '436'),
	unit('18400', 'Thị trấn Nghèn', 'commune', '443'),
	unit('18403', 'Xã Thiên Lộc', 'commune', '443'),
	unit('18800', 'Xã Kỳ Tân', 'commune', '447'),
	unit('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'agency', '42', [
		'Sở LĐ-TB&XH',
		'Sở LĐTBXH'
	]),
	unit('CTHUE', 'Cục Thuế tỉnh', 'agency', '42'),
	unit('CAT', 'Công an tỉnh', 'armed_force', '42', ['CA tỉnh'])
];
const matcher = new UnitMatcher(UNITS);

describe('district names', () => {
	it.each([
		'Huyện Can Lộc',
		'Can Lộc',
		'H. Can Lộc',
		'H.Can Lộc',
		'huyện can lộc',
		'HUYỆN CAN LỘC',
		'Huyen Can Loc',
		'Huyện Can Lộc'.normalize('NFD'),
		'  Huyện   Can Lộc ',
		'Huyện Can Lộc,'
	])('%s is Can Lộc', (name) => {
		expect(matcher.district(name)).toEqual({ code: '443' });
	});

	it('lets the prefix decide between a district and a town of the same name', () => {
		expect(matcher.district('Huyện Kỳ Anh')).toEqual({ code: '447' });
		expect(matcher.district('H. Kỳ Anh')).toEqual({ code: '447' });
		expect(matcher.district('Thị xã Kỳ Anh')).toEqual({ code: '449' });
		expect(matcher.district('TX. Kỳ Anh')).toEqual({ code: '449' });
		expect(matcher.district('tx ky anh')).toEqual({ code: '449' });
	});

	it('never guesses when the prefix is missing or decides nothing', () => {
		expect(matcher.district('Kỳ Anh')).toEqual({
			problem: 'ambiguous',
			candidates: ['Huyện Kỳ Anh', 'Thị xã Kỳ Anh']
		});
		expect(matcher.district('TP. Kỳ Anh')).toMatchObject({ problem: 'ambiguous' });
	});

	it('accepts a wrong prefix on a name only one district has', () => {
		expect(matcher.district('Huyện Hồng Lĩnh')).toEqual({ code: '437' });
		expect(matcher.district('TP Hà Tĩnh')).toEqual({ code: '436' });
		expect(matcher.district('Hà Tĩnh')).toEqual({ code: '436' });
	});

	it('reports unknown names and suggests close ones', () => {
		expect(matcher.district('Huyện Can Lột')).toEqual({ problem: 'unknown', candidates: [] });
		expect(matcher.suggestDistrict('Huyện Can Lột')).toEqual(['Huyện Can Lộc']);
		expect(matcher.suggestDistrict('Huyện Thạch Kim Sơn')).toEqual([]);
	});
});

describe('commune names, within their district', () => {
	it('matches with or without prefix', () => {
		expect(matcher.commune('443', 'Thị trấn Nghèn')).toEqual({ code: '18400' });
		expect(matcher.commune('443', 'TT. Nghèn')).toEqual({ code: '18400' });
		expect(matcher.commune('443', 'Nghèn')).toEqual({ code: '18400' });
		expect(matcher.commune('443', 'xa thien loc')).toEqual({ code: '18403' });
		expect(matcher.commune('436', 'P. Trần Phú')).toEqual({ code: '18070' });
	});

	it('does not find a commune of another district', () => {
		expect(matcher.commune('443', 'Xã Kỳ Tân')).toMatchObject({ problem: 'unknown' });
		expect(matcher.suggestCommune('443', 'Xã Thiên Lột')).toEqual(['Xã Thiên Lộc']);
	});
});

describe('organisation names', () => {
	it('matches names and aliases however they are typed', () => {
		expect(matcher.organisation('Sở LĐ-TB&XH')).toEqual({ code: 'SLDTBXH' });
		expect(matcher.organisation('so ldtbxh')).toEqual({ code: 'SLDTBXH' });
		expect(matcher.organisation('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toEqual({
			code: 'SLDTBXH'
		});
		expect(matcher.organisation('Cục thuế tỉnh')).toEqual({ code: 'CTHUE' });
		expect(matcher.organisation('CA tỉnh')).toEqual({ code: 'CAT' });
	});

	it('treats "no workplace" words as no organisation, not as unknown names', () => {
		expect(matcher.organisation('Tự do')).toEqual({ code: '' });
		expect(matcher.organisation('Kinh doanh tự do')).toEqual({ code: '' });
	});

	it('reports other names as unknown, suggesting only near spellings', () => {
		expect(matcher.organisation('UBND xã Thạch Kim')).toEqual({
			problem: 'unknown',
			candidates: []
		});
		expect(matcher.suggestOrganisation('Cục Thuế tỉnhh')).toEqual(['Cục Thuế tỉnh']);
		expect(matcher.suggestOrganisation('Trường THCS Nghèn')).toEqual([]);
	});
});
