/** What a name look-up answers: one unit (or group), or why not and which ones it could be. */

import type { Candidate } from '../../src/lib/names.ts';

export type { Candidate };

/**
 * `code` '' means "matched to nothing on purpose": a "no workplace" word, an ignored workplace.
 * `ignored`: a reviewer decided the name is not ours; it stays unmatched but is not listed again.
 */
export type Match =
	{ code: string } | { problem: 'unknown' | 'ambiguous' | 'ignored'; candidates: Candidate[] };

export function isMatched(m: Match): m is { code: string } {
	return 'code' in m;
}
