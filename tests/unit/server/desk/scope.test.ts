import { describe, expect, it } from 'vitest';
import type { User } from '../../../../src/lib/access.ts';
import { mayRemove, outOfScope, parentLookup } from '../../../../src/lib/server/desk/scope.ts';

const parentOf = parentLookup([
	{ code: '42', parent: null },
	{ code: '441', parent: '42' },
	{ code: '442', parent: '42' },
	{ code: '18001', parent: '441' },
	{ code: '18002', parent: '442' },
	{ code: 'SYT', parent: '42' }
]);
const officer = (unitCode: string): User => ({ name: 'lan', role: 'officer', unitCode });
const rows = [
	{ territory: '18001', organisation: null, rows: 10 },
	{ territory: '18002', organisation: null, rows: 3 },
	{ territory: '18002', organisation: 'SYT', rows: 2 },
	{ territory: '441', organisation: 'SYT', rows: 1 }
];

describe('the unit officer scope of an upload', () => {
	it("keeps a district officer's rows of their communes and refuses the others", () => {
		expect(outOfScope(officer('441'), rows, parentOf)).toEqual([rows[1], rows[2]]);
	});

	it('counts a row for an agency officer when the person works there, wherever they live', () => {
		expect(outOfScope(officer('SYT'), rows, parentOf)).toEqual([rows[0], rows[1]]);
	});

	it('refuses nothing to the association and admins, everything to an officer without a unit', () => {
		for (const role of ['association', 'admin'] as const)
			expect(outOfScope({ name: 'x', role, unitCode: null }, rows, parentOf)).toEqual([]);
		expect(outOfScope({ name: 'x', role: 'officer', unitCode: null }, rows, parentOf)).toEqual(
			rows
		);
	});

	it("lets an officer remove only an import of their unit's rows", () => {
		expect(mayRemove(officer('441'), rows.slice(0, 1), parentOf)).toBe(true);
		expect(mayRemove(officer('441'), rows, parentOf)).toBe(false);
		expect(mayRemove(officer('42'), rows, parentOf)).toBe(true);
	});

	it('leaves an import that counts no row (all rejected or held) to the association', () => {
		expect(mayRemove(officer('441'), [], parentOf)).toBe(false);
		expect(mayRemove({ name: 'hoa', role: 'association', unitCode: null }, [], parentOf)).toBe(
			true
		);
	});
});
