/**
 * The published figures the dashboard shows by default (the latest snapshot, one preset), per
 * unit: the share its target measures, as published (confidential units rounded, see redact),
 * and its own target's threshold. `ingest --dry-run --json` and `imports remove --dry-run --json`
 * take them before and after the change on the working copy, so the import desk can say what a
 * file would do to the figures before anything changes.
 */
import type { Kysely } from 'kysely';
import type { IsoDate } from '../../dates.ts';
import { redact } from '../../progress.ts';
import type { TargetPreset } from '../../targets.ts';
import type { UnitKind } from '../../units.ts';
import { snapshotDates } from '../imports.ts';
import { progressOn } from '../progress.ts';
import type { Database } from '../schema.ts';

export interface PublishedShare {
	code: string;
	name: string;
	kind: UnitKind;
	parent: string | null;
	/** As published: rounded for a confidential unit, null when not published. */
	share: number | null;
	/** The unit's own target's threshold (an inherited one is only a comparison); null: none. */
	threshold: number | null;
	/** Published in coarse steps only: a preview must not show it move (see effect.ts). */
	confidential: boolean;
}

export interface Figures {
	/** The latest snapshot, which the pages show by default; null before any import. */
	asOf: IsoDate | null;
	preset: string;
	units: PublishedShare[];
}

export async function publishedFigures(
	db: Kysely<Database>,
	preset: TargetPreset
): Promise<Figures> {
	const asOf = (await snapshotDates(db)).at(-1) ?? null;
	if (asOf === null) return { asOf, preset: preset.id, units: [] };
	const units = (await progressOn(db, preset, asOf)).map(redact);
	return {
		asOf,
		preset: preset.id,
		units: units.map((u) => ({
			code: u.code,
			name: u.name,
			kind: u.kind,
			parent: u.parent,
			share: u.share,
			threshold: u.target && !u.targetInherited ? u.target.threshold : null,
			confidential: u.confidential
		}))
	};
}
