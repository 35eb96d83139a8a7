import { describe, expect, it } from 'vitest';
import { byShare, shareLabel, toRow, type UnitRow } from '../../../src/lib/rows.ts';
import { activity, progress, target } from './fixtures.ts';

describe('toRow', () => {
	it('keeps the counts, shares and target of a unit that is not confidential', () => {
		const sheet = activity();
		const flags = [{ kind: 'no_budget' as const }];
		const row = toRow(progress({ activity: sheet, flags, severity: 1100 }));
		expect(row).toEqual({
			code: 'D01',
			name: 'Huyện Hương Khê',
			kind: 'district',
			parent: 'P',
			confidential: false,
			eligible: 1000,
			registered: 600,
			recognised: 300,
			hasRows: true,
			share: 0.3,
			registeredShare: 0.6,
			recognisedShare: 0.3,
			digitalShare: 0.4,
			threshold: 0.5,
			deadline: '2023-04-11',
			expected: 0.25,
			projected: 0.55,
			paceClass: 'on_pace',
			flags,
			severity: 1100,
			lastRegistration: '2023-02-19',
			activity: sheet
		});
	});

	it('redacts the counts of a confidential unit and keeps its shares', () => {
		const row = toRow(
			progress({ code: 'LL1', kind: 'armed_force', parent: 'P', confidential: true })
		);
		expect([row.eligible, row.registered, row.recognised]).toEqual([null, null, null]);
		expect([row.share, row.registeredShare, row.recognisedShare, row.digitalShare]).toEqual([
			0.3, 0.6, 0.3, 0.4
		]);
		expect(row.confidential).toBe(true);
		expect(Object.values(row)).not.toContain(1000);
		expect(Object.values(row)).not.toContain(600);
		expect('digital' in row).toBe(false);
	});

	it('has no threshold or deadline without a target', () => {
		const row = toRow(progress({ target: null }));
		expect(row.threshold).toBeNull();
		expect(row.deadline).toBeNull();
	});

	it('takes threshold and deadline from the (inherited) target', () => {
		const parent = target({ threshold: 0.4, deadline: '2023-12-31' });
		const row = toRow(progress({ target: parent, targetInherited: true }));
		expect([row.threshold, row.deadline]).toEqual([0.4, '2023-12-31']);
	});
});

describe('byShare', () => {
	const row = (name: string, share: number | null): UnitRow =>
		toRow(progress({ code: name, name, share }));
	const names = (rows: UnitRow[]) => rows.map((r) => r.name);

	it('sorts the best share first and units without a share last', () => {
		const rows = [
			row('Kỳ Anh', null),
			row('Hương Khê', 0.124),
			row('Can Lộc', 0.523),
			row('Nghi Xuân', 0),
			row('Lộc Hà', 0.4)
		];
		expect(names(rows.sort(byShare))).toEqual([
			'Can Lộc',
			'Lộc Hà',
			'Hương Khê',
			'Nghi Xuân',
			'Kỳ Anh'
		]);
	});

	it('breaks ties and orders units without a share by Vietnamese name order', () => {
		// Vietnamese orders A < Â, D < Đ and U < Ư as letters of their own.
		const tied = ['Ân Thi', 'Đức Thọ', 'Ứng Hòa', 'Ao Lộc', 'Duy Tiên', 'Uông Bí'];
		const expected = ['Ao Lộc', 'Ân Thi', 'Duy Tiên', 'Đức Thọ', 'Uông Bí', 'Ứng Hòa'];
		expect(names(tied.map((n) => row(n, 0.3)).sort(byShare))).toEqual(expected);
		expect(names(tied.map((n) => row(n, null)).sort(byShare))).toEqual(expected);
	});

	it('returns 0 only for equal shares and names', () => {
		expect(byShare(row('Can Lộc', 0.5), row('Can Lộc', 0.5))).toBe(0);
		expect(byShare(row('Can Lộc', null), row('Can Lộc', null))).toBe(0);
		expect(byShare(row('Can Lộc', 0.5), row('Can Lộc', 0.4))).toBeLessThan(0);
		expect(byShare(row('Can Lộc', null), row('Can Lộc', 0))).toBe(1);
		expect(byShare(row('Can Lộc', 0), row('Can Lộc', null))).toBe(-1);
	});
});

describe('shareLabel', () => {
	it('says a confidential share too few people to publish is withheld, not missing', () => {
		expect(shareLabel(null, 'vi', { withheld: true, hasData: true })).toBe(
			'không công bố (đơn vị bảo mật)'
		);
		expect(shareLabel(null, 'en', { withheld: true, hasData: true })).toBe(
			'withheld (confidential unit)'
		);
	});

	it('says no data where there is none, and the share where there is one', () => {
		expect(shareLabel(null, 'vi', { withheld: false, hasData: false })).toBe('chưa có dữ liệu');
		expect(shareLabel(0.421, 'vi', { withheld: false, hasData: true })).toBe('42,1%');
	});
});
