import { describe, expect, it } from 'vitest';
import {
	allowedParentKinds,
	ancestors,
	hierarchyOf,
	isUnitKind,
	UNIT_KINDS,
	type Unit
} from '../../../src/lib/units.ts';
import { unit } from './fixtures.ts';

describe('isUnitKind', () => {
	it('knows the five kinds and nothing else', () => {
		for (const kind of UNIT_KINDS) expect(isUnitKind(kind)).toBe(true);
		for (const kind of ['village', 'District', '', 'armed-force'])
			expect(isUnitKind(kind)).toBe(false);
	});
});

describe('hierarchyOf', () => {
	it.each([
		['province', 'both'],
		['district', 'territory'],
		['commune', 'territory'],
		['agency', 'organisation'],
		['armed_force', 'organisation']
	] as const)('%s → %s', (kind, expected) => {
		expect(hierarchyOf(kind)).toBe(expected);
	});
});

describe('allowedParentKinds', () => {
	it.each([
		['province', []],
		['district', ['province']],
		['commune', ['district']],
		['agency', ['province', 'agency']],
		['armed_force', ['province', 'armed_force']]
	] as const)('%s → %j', (kind, expected) => {
		expect(allowedParentKinds(kind)).toEqual(expected);
	});
});

describe('ancestors', () => {
	const lookup = (...units: Unit[]) => new Map(units.map((u) => [u.code, u]));
	const province = unit({ code: 'P', name: 'Tỉnh Hà Tĩnh', kind: 'province', parent: null });
	const district = unit({ code: 'D01', name: 'Huyện Hương Khê', kind: 'district', parent: 'P' });
	const commune = unit({ code: 'C01', name: 'Xã Hương Trà', kind: 'commune', parent: 'D01' });
	const agency = unit({ code: 'A01', name: 'Sở Giáo dục', kind: 'agency', parent: 'P' });
	const office = unit({ code: 'A01-1', name: 'Phòng Tổ chức', kind: 'agency', parent: 'A01' });
	const byCode = lookup(province, district, commune, agency, office);
	const codes = (units: Unit[]) => units.map((u) => u.code);

	it('lists the parent first, up to the root', () => {
		expect(codes(ancestors('C01', byCode))).toEqual(['D01', 'P']);
		expect(codes(ancestors('A01-1', byCode))).toEqual(['A01', 'P']);
		expect(codes(ancestors('D01', byCode))).toEqual(['P']);
		expect(ancestors('C01', byCode)[0]).toBe(district);
	});

	it('is empty for the root and for an unknown code', () => {
		expect(ancestors('P', byCode)).toEqual([]);
		expect(ancestors('X99', byCode)).toEqual([]);
	});

	it('stops at a parent missing from the lookup', () => {
		expect(codes(ancestors('C01', lookup(commune, district)))).toEqual(['D01']);
		expect(ancestors('C01', lookup(commune))).toEqual([]);
	});

	it('throws on a cycle, naming the unit and where the cycle closes', () => {
		const a = unit({ code: 'A', parent: 'B' });
		const b = unit({ code: 'B', parent: 'C' });
		const c = unit({ code: 'C', parent: 'A' });
		expect(() => ancestors('A', lookup(a, b, c))).toThrow('unit A: its parents form a cycle at A');
		const d = unit({ code: 'D', parent: 'B' });
		expect(() => ancestors('D', lookup(a, b, c, d))).toThrow(
			'unit D: its parents form a cycle at B'
		);
		const self = unit({ code: 'S', parent: 'S' });
		expect(() => ancestors('S', lookup(self))).toThrow('unit S: its parents form a cycle at S');
	});
});
