/**
 * Who may do what: the one table of roles and actions, shared by the server's guards, the pages
 * (to hide what a user cannot do) and the CLI. The server checks it on every request; hiding a
 * button is only a courtesy.
 */
export const ROLES = ['viewer', 'officer', 'association', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
	name: string;
	role: Role;
	/** The unit whose subtree an officer acts for (a district, an agency); null for other roles. */
	unitCode: string | null;
}

/**
 * - read: the dashboard's pages, data endpoints and exports
 * - import: upload an export (an officer: rows of their unit only)
 * - remove: remove an import (an officer: imports that touched only their unit)
 * - names: accept, ignore or undo a name decision; re-match
 * - activity: load the association's activity sheet
 * - report: make the monthly report
 * - admin: users, the unit list, target presets, settings, the audit log
 */
export type Action = 'read' | 'import' | 'remove' | 'names' | 'activity' | 'report' | 'admin';

const ALLOWED: Record<Action, readonly Role[]> = {
	read: ROLES,
	import: ['officer', 'association', 'admin'],
	remove: ['officer', 'association', 'admin'],
	names: ['association', 'admin'],
	activity: ['association', 'admin'],
	report: ['association', 'admin'],
	admin: ['admin']
};

/** Whether the user may do the action at all (scope aside). Anonymous readers only when public. */
export function can(user: User | null, action: Action, publicRead: boolean): boolean {
	if (user === null) return action === 'read' && publicRead;
	return ALLOWED[action].includes(user.role);
}

/** Whether a unit is within the user's scope: everything, or for an officer their unit's subtree. */
export function inScope(
	user: User,
	unitCode: string,
	parentOf: (code: string) => string | null
): boolean {
	if (user.role !== 'officer') return true;
	if (user.unitCode === null) return false;
	const seen = new Set<string>();
	for (
		let code: string | null = unitCode;
		code !== null && !seen.has(code);
		code = parentOf(code)
	) {
		if (code === user.unitCode) return true;
		seen.add(code);
	}
	return false;
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}
