/**
 * A unit officer acts for their unit's subtree only. A file is theirs when every counted row
 * names a unit of that subtree, as where the person lives (a district officer) or where they
 * work (an agency officer); a file with any other row is refused as a whole, with those rows
 * listed, so that nothing half-loaded has to be explained. An import may be removed by an officer
 * when all its rows are theirs in the same sense.
 */
import { inScope, type User } from '../../access.ts';
import type { TouchedUnits } from './touched.ts';

export type ParentOf = (code: string) => string | null;

export function parentLookup(units: { code: string; parent: string | null }[]): ParentOf {
	const parents = new Map(units.map((u) => [u.code, u.parent]));
	return (code) => parents.get(code) ?? null;
}

function rowInScope(user: User, row: TouchedUnits, parentOf: ParentOf): boolean {
	return (
		inScope(user, row.territory, parentOf) ||
		(row.organisation !== null && inScope(user, row.organisation, parentOf))
	);
}

/** The rows outside the user's scope (none for the association and admins). */
export function outOfScope(
	user: User,
	touched: TouchedUnits[],
	parentOf: ParentOf
): TouchedUnits[] {
	return touched.filter((row) => !rowInScope(user, row, parentOf));
}

/**
 * An import that counts no row (every row rejected or held back by its names) names no unit: it
 * is nobody's in particular, so not an officer's to remove (the association's).
 */
export function mayRemove(user: User, touched: TouchedUnits[], parentOf: ParentOf): boolean {
	if (user.role === 'officer' && touched.length === 0) return false;
	return outOfScope(user, touched, parentOf).length === 0;
}
