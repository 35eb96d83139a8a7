/**
 * A small province for the report's unit tests, two days apart: a district that reaches its
 * target during the month, one far behind, an agency that becomes flagged, and an armed-force
 * unit with counts too distinctive to appear anywhere by chance.
 */
import type { IsoDate } from '../../../src/lib/dates.ts';
import {
	unitProgress,
	type UnitActivity,
	type UnitCounts,
	type UnitProgress
} from '../../../src/lib/progress.ts';
import type { TargetPreset } from '../../../src/lib/targets.ts';
import type { Unit } from '../../../src/lib/units.ts';
import { buildReport, type ReportModel } from '../../../src/lib/server/report/model.ts';

export const AS_OF = '2023-10-31';
export const PREVIOUS = '2023-09-30';

const target = (id: string, kind: 'district' | 'agency' | 'armed_force', threshold: number) => ({
	id,
	label: { vi: `Chỉ tiêu ${id}`, en: `Target ${id}` },
	appliesTo: { kind },
	metric: 'recognised' as const,
	threshold,
	start: '2023-01-01',
	deadline: '2023-12-31',
	milestones: [],
	source: { document: 'Công văn 1/UBND-VX1', item: id }
});

export const PRESET: TargetPreset = {
	id: 'test',
	name: { vi: 'Thử', en: 'Test' },
	source: 'Công văn số 1/UBND-VX1 của UBND tỉnh',
	rules: { paceMargin: 0.05, farBehindRatio: 0.5, projectionWindowDays: 30, inactivityDays: 30 },
	targets: [
		target('districts', 'district', 0.4),
		target('agencies', 'agency', 1),
		target('armed', 'armed_force', 1)
	]
};

/** The armed force's real counts: none of them may leave the server. */
export const SECRET = {
	eligible: 987_654,
	registered: 876_543,
	recognised: 765_432,
	previousRegistered: 800_001,
	previousRecognised: 700_003
};

const UNITS: Unit[] = [
	{
		code: 'P',
		name: 'Tỉnh Hà Tĩnh',
		kind: 'province',
		parent: null,
		eligible: 1_003_000,
		confidential: false,
		aliases: []
	},
	{
		code: 'D1',
		name: 'Huyện Can Lộc',
		kind: 'district',
		parent: 'P',
		eligible: 1000,
		confidential: false,
		aliases: []
	},
	{
		code: 'D2',
		name: 'Huyện Hương Khê',
		kind: 'district',
		parent: 'P',
		eligible: 2000,
		confidential: false,
		aliases: []
	},
	{
		code: 'C1',
		name: 'Xã Thử',
		kind: 'commune',
		parent: 'D1',
		eligible: 500,
		confidential: false,
		aliases: []
	},
	{
		code: 'A1',
		name: 'Sở Tư pháp',
		kind: 'agency',
		parent: 'P',
		eligible: 60,
		confidential: false,
		aliases: []
	},
	{
		code: 'F1',
		name: 'Công an tỉnh',
		kind: 'armed_force',
		parent: 'P',
		eligible: SECRET.eligible,
		confidential: true,
		aliases: []
	}
];

const counts = (registered: number, recognised: number, lastRegistration: IsoDate): UnitCounts => ({
	registered,
	recognised,
	digital: Math.floor(recognised / 2),
	registeredWindowAgo: Math.floor(registered * 0.8),
	recognisedWindowAgo: Math.floor(recognised * 0.8),
	digitalWindowAgo: 0,
	lastRegistration
});

const NOW: Record<string, UnitCounts> = {
	P: counts(880_000, 770_000, AS_OF),
	D1: counts(700, 420, AS_OF),
	D2: counts(500, 300, AS_OF),
	C1: counts(300, 200, AS_OF),
	A1: counts(60, 60, AS_OF),
	F1: counts(SECRET.registered, SECRET.recognised, AS_OF)
};

const BEFORE: Record<string, UnitCounts> = {
	P: counts(810_000, 704_000, PREVIOUS),
	D1: counts(600, 380, PREVIOUS),
	D2: counts(400, 200, PREVIOUS),
	C1: counts(250, 150, PREVIOUS),
	A1: counts(60, 60, PREVIOUS),
	F1: counts(SECRET.previousRegistered, SECRET.previousRecognised, PREVIOUS)
};

/** The agency's sheet records "no budget" only in October: flagged this month, not last. */
const ACTIVITY: Record<string, [UnitActivity | null, UnitActivity | null]> = {
	A1: [
		{ trainings: 1, trainedPeople: 5, budget: null, budgetAmount: null, lastReport: null },
		{ trainings: 1, trainedPeople: 5, budget: false, budgetAmount: 0, lastReport: null }
	],
	F1: [
		{ trainings: 2, trainedPeople: 123_457, budget: true, budgetAmount: 1, lastReport: null },
		{ trainings: 2, trainedPeople: 123_457, budget: true, budgetAmount: 1, lastReport: null }
	]
};

function progressOn(day: IsoDate, table: Record<string, UnitCounts>, which: 0 | 1): UnitProgress[] {
	const districtTarget = PRESET.targets[0]!;
	return UNITS.map((u) =>
		unitProgress(
			u,
			table[u.code],
			ACTIVITY[u.code]?.[which] ?? null,
			PRESET,
			day,
			u.kind === 'commune' ? districtTarget : null
		)
	);
}

export const current = () => progressOn(AS_OF, NOW, 1);
export const previous = () => progressOn(PREVIOUS, BEFORE, 0);

export function model(overrides: Partial<Parameters<typeof buildReport>[0]> = {}): ReportModel {
	return buildReport({
		preset: PRESET,
		asOf: AS_OF,
		previousAsOf: PREVIOUS,
		current: current(),
		previous: previous(),
		month: '2023-10',
		partial: false,
		snapshot: AS_OF,
		previousSnapshot: PREVIOUS,
		issued: '2023-11-05',
		simulated: true,
		curve: [
			{ day: '2023-01-01', registered: null, recognised: null, target: 0 },
			{ day: '2023-09-30', registered: 810_000, recognised: 704_000, target: 300_000 },
			{ day: '2023-10-31', registered: 880_000, recognised: 770_000, target: 334_000 },
			{ day: '2023-12-31', registered: null, recognised: null, target: 401_200 }
		],
		...overrides
	});
}
