/**
 * Everything a match depends on — the unit list with its aliases, the reviewer's decisions and the
 * vocabulary files — read once per command, with a fingerprint: stored imports are re-matched
 * whenever the fingerprint differs from the one their matches were made with.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/lib/server/db.ts';
import { listDecisions } from '../../src/lib/server/names.ts';
import { listUnits } from '../../src/lib/server/units.ts';
import type { Unit } from '../../src/lib/units.ts';
import { UnitMatcher, type NameDecision } from '../match.ts';
import { loadVocabulary, type Vocabulary } from './vocabulary.ts';

export interface Matching {
	matcher: UnitMatcher;
	units: Unit[];
	vocabulary: Vocabulary;
	decisions: NameDecision[];
	fingerprint: string;
}

export const FINGERPRINT_SETTING = 'match_fingerprint';

export async function matchingContext(db: Db, dataDir: string | null): Promise<Matching> {
	const [units, stored, vocabulary] = await Promise.all([
		listUnits(db.kysely),
		listDecisions(db.kysely),
		loadVocabulary(dataDir)
	]);
	const decisions = stored.map(({ field, scope, raw, code }) => ({ field, scope, raw, code }));
	const fingerprint = createHash('sha256')
		.update(
			JSON.stringify({
				units: units.map((u) => [u.code, u.name, u.kind, u.parent, u.aliases]),
				decisions,
				vocabulary
			})
		)
		.digest('hex');
	return {
		matcher: new UnitMatcher(units, vocabulary, decisions),
		units,
		vocabulary,
		decisions,
		fingerprint
	};
}
