import { describe, expect, it } from 'vitest';
import { can, inScope, isRole, ROLES, type Action, type User } from '../../../src/lib/access.ts';

const user = (role: User['role'], unitCode: string | null = null): User => ({
	name: 'u',
	role,
	unitCode
});
const ACTIONS: Action[] = ['read', 'import', 'remove', 'names', 'activity', 'report', 'admin'];

describe('can', () => {
	it('lets an anonymous reader read only when the dashboard is public', () => {
		expect(can(null, 'read', true)).toBe(true);
		expect(can(null, 'read', false)).toBe(false);
		for (const action of ACTIONS.filter((a) => a !== 'read'))
			expect(can(null, action, true)).toBe(false);
	});

	it('gives each role exactly its actions', () => {
		const table = Object.fromEntries(
			ROLES.map((role) => [role, ACTIONS.filter((a) => can(user(role), a, false))])
		);
		expect(table).toEqual({
			viewer: ['read'],
			officer: ['read', 'import', 'remove'],
			association: ['read', 'import', 'remove', 'names', 'activity', 'report'],
			admin: ACTIONS
		});
	});
});

describe('inScope', () => {
	const parents: Record<string, string | null> = { '42': null, '436': '42', '18100': '436' };
	const parentOf = (code: string) => parents[code] ?? null;

	it('limits an officer to their unit and what lies under it', () => {
		const officer = user('officer', '436');
		expect(inScope(officer, '436', parentOf)).toBe(true);
		expect(inScope(officer, '18100', parentOf)).toBe(true);
		expect(inScope(officer, '42', parentOf)).toBe(false);
		expect(inScope(officer, '999', parentOf)).toBe(false);
	});

	it('gives an officer without a unit nothing, and other roles everything', () => {
		expect(inScope(user('officer'), '436', parentOf)).toBe(false);
		expect(inScope(user('association'), '436', parentOf)).toBe(true);
	});

	it('ends on a cycle in the unit tree', () => {
		const cyclic = (code: string) => (code === 'a' ? 'b' : 'a');
		expect(inScope(user('officer', 'z'), 'a', cyclic)).toBe(false);
	});
});

describe('isRole', () => {
	it('knows the four roles', () => {
		expect(ROLES.every(isRole)).toBe(true);
		expect(isRole('root')).toBe(false);
	});
});
