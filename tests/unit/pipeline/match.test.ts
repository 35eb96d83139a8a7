import { beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/lib/units.ts';
import { UnitMatcher, type NameDecision } from '../../../pipeline/match.ts';
import { loadVocabulary, type Vocabulary } from '../../../pipeline/names/vocabulary.ts';

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

const HA_TINH: Unit[] = [
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

/** Quảng Ngãi's Bình Sơn has two communes whose names differ only by a tone mark. */
const QUANG_NGAI: Unit[] = [
	unit('51', 'Tỉnh Quảng Ngãi', 'province', null),
	unit('524', 'Huyện Bình Sơn', 'district', '51'),
	unit('527', 'Huyện Sơn Tịnh', 'district', '51'),
	unit('21046', 'Xã Bình Thạnh', 'commune', '524'),
	unit('21091', 'Xã Bình Thanh', 'commune', '524'),
	unit('21043', 'Xã Bình Thuận', 'commune', '524'),
	unit('CAT', 'Công an tỉnh', 'armed_force', '51'),
	unit('CTHUE', 'Cục Thuế tỉnh', 'agency', '51'),
	unit('SGDDT', 'Sở Giáo dục và Đào tạo', 'agency', '51'),
	unit('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'agency', '51'),
	unit('SYT', 'Sở Y tế', 'agency', '51'),
	unit('STC', 'Sở Tài chính', 'agency', '51'),
	unit('BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', 'armed_force', '51'),
	unit('BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'armed_force', '51'),
	unit('MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'agency', '51'),
	unit('VPUB', 'Văn phòng Ủy ban nhân dân tỉnh', 'agency', '51'),
	unit('TINHUY', 'Tỉnh ủy', 'agency', '51'),
	unit('TINHDOAN', 'Tỉnh đoàn', 'agency', '51')
];

let vocabulary: Vocabulary;
let matcher: UnitMatcher;
let quangNgai: UnitMatcher;
beforeAll(async () => {
	vocabulary = await loadVocabulary(null);
	matcher = new UnitMatcher(HA_TINH, vocabulary);
	quangNgai = new UnitMatcher(QUANG_NGAI, vocabulary);
});

const codes = (list: { code: string }[]) => list.map((c) => c.code);

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
			candidates: [
				{ code: '447', name: 'Huyện Kỳ Anh' },
				{ code: '449', name: 'Thị xã Kỳ Anh' }
			]
		});
		expect(matcher.district('TP. Kỳ Anh')).toMatchObject({ problem: 'ambiguous' });
		expect(matcher.district('Ky Anh')).toMatchObject({ problem: 'ambiguous' });
	});

	it('accepts a wrong prefix on a name only one district has', () => {
		expect(matcher.district('Huyện Hồng Lĩnh')).toEqual({ code: '437' });
		expect(matcher.district('TP Hà Tĩnh')).toEqual({ code: '436' });
		expect(matcher.district('Hà Tĩnh')).toEqual({ code: '436' });
	});

	it('reports unknown names and suggests close ones', () => {
		expect(matcher.district('Huyện Can Lột')).toEqual({ problem: 'unknown', candidates: [] });
		expect(matcher.suggest('district', '', 'Huyện Can Lột')).toEqual([
			{ code: '443', name: 'Huyện Can Lộc' }
		]);
		expect(matcher.suggest('district', '', 'Huyện Thạch Kim Sơn')).toEqual([]);
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
		expect(matcher.suggest('commune', '443', 'Xã Thiên Lột')).toEqual([
			{ code: '18403', name: 'Xã Thiên Lộc' }
		]);
	});
});

describe('twins that differ only by diacritics', () => {
	it('takes the exact official name first', () => {
		expect(quangNgai.commune('524', 'Xã Bình Thạnh')).toEqual({ code: '21046' });
		expect(quangNgai.commune('524', 'Xã Bình Thanh')).toEqual({ code: '21091' });
		expect(quangNgai.commune('524', 'XÃ BÌNH THẠNH')).toEqual({ code: '21046' });
		expect(quangNgai.commune('524', 'Bình Thanh')).toEqual({ code: '21091' });
		expect(quangNgai.commune('524', 'Xã Bình Thạnh'.normalize('NFD'))).toEqual({ code: '21046' });
		expect(quangNgai.commune('524', '  xã   bình thanh ')).toEqual({ code: '21091' });
	});

	it('calls a name without diacritics ambiguous, listing both, never unknown', () => {
		expect(quangNgai.commune('524', 'Xa Binh Thanh')).toEqual({
			problem: 'ambiguous',
			candidates: [
				{ code: '21046', name: 'Xã Bình Thạnh' },
				{ code: '21091', name: 'Xã Bình Thanh' }
			]
		});
		expect(quangNgai.commune('524', 'Bình Thành')).toMatchObject({ problem: 'ambiguous' });
	});

	it('still folds diacritics where only one unit answers', () => {
		expect(quangNgai.commune('524', 'Xa Binh Thuan')).toEqual({ code: '21043' });
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

	it.each([
		['Công an tỉnh Quảng Ngãi', 'CAT'],
		['Công an Quảng Ngãi', 'CAT'],
		['CA tỉnh Quảng Ngãi', 'CAT'],
		['Cục Thuế tỉnh Quảng Ngãi', 'CTHUE'],
		['Cục thuế Quảng Ngãi', 'CTHUE'],
		['Sở Giáo dục & Đào tạo', 'SGDDT'],
		['Sở Giáo dục - Đào tạo', 'SGDDT'],
		['Sở GD&ĐT', 'SGDDT'],
		['Sở GD&ĐT tỉnh Quảng Ngãi', 'SGDDT'],
		['Sở GDĐT', 'SGDDT'],
		['Sở LĐ-TB&XH', 'SLDTBXH'],
		['Sở Lao động, Thương binh và Xã hội', 'SLDTBXH'],
		['Bộ CHQS tỉnh', 'BCHQS'],
		['BCH Quân sự tỉnh', 'BCHQS'],
		['Bộ Chỉ huy quân sự tỉnh Quảng Ngãi', 'BCHQS'],
		['BCH BĐBP tỉnh', 'BDBP'],
		['Bộ CH BĐBP Quảng Ngãi', 'BDBP'],
		['UB MTTQ Việt Nam tỉnh', 'MTTQ'],
		['Văn phòng UBND tỉnh Quảng Ngãi', 'VPUB'],
		['VP UBND tỉnh', 'VPUB'],
		['Tỉnh ủy Quảng Ngãi', 'TINHUY'],
		['Tỉnh đoàn Quảng Ngãi', 'TINHDOAN']
	])('%s is %s in Quảng Ngãi, as offices write it', (name, code) => {
		expect(quangNgai.organisation(name)).toEqual({ code });
	});

	it('does not let the province name make different units one', () => {
		expect(quangNgai.organisation('Quảng Ngãi')).toMatchObject({ problem: 'unknown' });
		expect(quangNgai.organisation('Tỉnh Quảng Ngãi')).toMatchObject({ problem: 'unknown' });
		expect(quangNgai.organisation('UBND xã Bình Thạnh')).toMatchObject({ problem: 'unknown' });
	});

	it('suggests by words, so an abbreviation or a missing word is close', () => {
		expect(codes(quangNgai.suggest('workplace', '', 'Sở Giáo dục'))).toContain('SGDDT');
		expect(codes(quangNgai.suggest('workplace', '', 'STC'))).toEqual(['STC']);
		expect(codes(quangNgai.suggest('workplace', '', 'Phòng Sở Y tế Quảng Ngãi'))[0]).toBe('SYT');
		expect(codes(quangNgai.suggest('workplace', '', 'Ban Chỉ huy quân sự'))).toContain('BCHQS');
		expect(codes(matcher.suggest('workplace', '', 'Cục Thuế tỉnhh'))).toEqual(['CTHUE']);
		expect(matcher.suggest('workplace', '', 'Trường THCS Nghèn')).toEqual([]);
		expect(quangNgai.suggest('workplace', '', 'Công ty TNHH Hòa Bình')).toEqual([]);
	});

	it('reports other names as unknown', () => {
		expect(matcher.organisation('UBND xã Thạch Kim')).toEqual({
			problem: 'unknown',
			candidates: []
		});
	});
});

describe('groups', () => {
	it.each([
		['CBCCVC', 'civil_servant'],
		['Cán bộ công chức viên chức', 'civil_servant'],
		['LLVT', 'armed_forces'],
		['Học sinh, sinh viên', 'student'],
		['HSSV', 'student'],
		['Nông dân', 'farmer'],
		['Người cao tuổi', 'elderly'],
		['Cán bộ, công chức, viên chức', 'civil_servant'],
		['học sinh', 'student'],
		['Ngư dân', 'fisher'],
		['Khác', 'citizen'],
		['civil_servant', 'civil_servant']
	])('%s is %s', (label, code) => {
		expect(matcher.group(label)).toEqual({ code });
	});

	it('leaves other labels unknown, with the closest groups', () => {
		expect(matcher.group('Tiểu thương')).toMatchObject({ problem: 'unknown' });
		expect(codes(matcher.suggest('group', '', 'Hội viên khuyến học'))).toContain('member');
	});
});

describe("a reviewer's decisions", () => {
	const decisions: NameDecision[] = [
		{ field: 'district', scope: '', raw: 'Huyện Can Lột', code: '443' },
		{ field: 'commune', scope: '524', raw: 'Xa Binh Thanh', code: '21091' },
		{ field: 'workplace', scope: '', raw: 'Công ty Điện lực', code: null },
		{ field: 'district', scope: '', raw: 'Huyện Nghi Lộc', code: null },
		{ field: 'group', scope: '', raw: 'Tiểu thương', code: 'worker' }
	];

	it('come before every other rule, matched as written (case and spacing folded)', () => {
		const m = new UnitMatcher([...HA_TINH, ...QUANG_NGAI.slice(1)], vocabulary, decisions);
		expect(m.district('huyện  can lột')).toEqual({ code: '443' });
		expect(m.commune('524', 'Xa Binh Thanh')).toEqual({ code: '21091' });
		expect(m.commune('527', 'Xa Binh Thanh')).toMatchObject({ problem: 'unknown' });
		expect(m.organisation('Công ty Điện lực')).toEqual({ code: '' });
		expect(m.district('Huyện Nghi Lộc')).toEqual({ problem: 'ignored', candidates: [] });
		expect(m.group('Tiểu thương')).toEqual({ code: 'worker' });
	});
});
