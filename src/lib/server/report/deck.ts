/**
 * What the meeting deck shows: the month comparison (redacted, like every page) and its charts
 * drawn on the server as scalable SVG — sharp on any projector and on paper, with every value
 * written on the chart rather than in a tooltip.
 */
import type { IsoDate } from '../../dates.ts';
import type { Lang } from '../../format.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';
import type { Db } from '../db.ts';
import { snapshotInForce } from '../progress.ts';
import { changesData } from '../pages/changes.ts';
import { districtBoundaries } from '../pages/shared.ts';
import { districtMapSvg, rankedBarsSvg, scalableSvg } from './charts.ts';
import { topLevelOf, type MonthComparison, type ReportUnit } from './model.ts';

export interface DeckCharts {
	/** Null without district boundaries: the slide shows its table alone. */
	map: string | null;
	districts: string;
	/** Agencies in two halves, side by side: thirty bars in one chart would be unreadable. */
	agencies: string[];
	armedForces: string;
}

export interface DeckData {
	comparison: MonthComparison;
	charts: DeckCharts;
	snapshot: IsoDate | null;
	mapSource: string | null;
}

const thresholdOf = (units: ReportUnit[]) =>
	units.find((u) => u.threshold !== null)?.threshold ?? null;

/** Splits a ranked list in two columns, the first the longer. */
export function halves<T>(items: T[]): T[][] {
	const cut = Math.ceil(items.length / 2);
	return items.length > 12 ? [items.slice(0, cut), items.slice(cut)] : [items];
}

function deckCharts(comparison: MonthComparison, lang: Lang): DeckCharts {
	const boundaries = districtBoundaries();
	const districts = topLevelOf(comparison.units.district);
	const agencies = topLevelOf(comparison.units.agency).filter((u) => u.share !== null);
	const armed = topLevelOf(comparison.units.armed_force);
	const agencyThreshold = thresholdOf(agencies);
	// Drawn small and scaled up on the slide: 14 px text becomes about 20 px at 1280×720.
	return {
		map: boundaries.geojson
			? scalableSvg(districtMapSvg(boundaries.geojson, districts, lang, 900, 620, 18))
			: null,
		districts: scalableSvg(rankedBarsSvg(districts, thresholdOf(districts), lang, 900, 34)),
		agencies: halves(agencies).map((half) =>
			scalableSvg(rankedBarsSvg(half, agencyThreshold, lang, 560, 30))
		),
		armedForces: scalableSvg(rankedBarsSvg(armed, thresholdOf(armed), lang, 900, 60))
	};
}

export async function deckData(db: Db, preset: TargetPreset, view: View): Promise<DeckData> {
	const [comparison, snapshot] = await Promise.all([
		changesData(db, preset, view.asOf),
		snapshotInForce(db.kysely, view.asOf)
	]);
	return {
		comparison,
		charts: deckCharts(comparison, view.lang),
		snapshot,
		mapSource: districtBoundaries().source
	};
}
