/**
 * Builders shared by the tests of the pure modules under src/lib: a target, rules and units with
 * round numbers, so expected shares come out exact.
 */
import { readFileSync } from 'node:fs';
import type { PaceClass } from '../../../src/lib/pace.ts';
import type { UnitActivity, UnitCounts, UnitProgress } from '../../../src/lib/progress.ts';
import {
	parsePreset,
	type Rules,
	type Target,
	type TargetPreset
} from '../../../src/lib/targets.ts';
import type { Unit } from '../../../src/lib/units.ts';

export const RULES: Rules = {
	paceMargin: 0.05,
	farBehindRatio: 0.5,
	projectionWindowDays: 10,
	inactivityDays: 30
};

/**
 * 100 days from 2023-01-01 to 2023-04-11 towards 50%: the expected share is 0.5% a day, so 25%
 * on day 50 (2023-02-20), with 50 days left.
 */
export function target(overrides: Partial<Target> = {}): Target {
	return {
		id: 'districts',
		label: { vi: 'Huyện', en: 'Districts' },
		appliesTo: { kind: 'district' },
		metric: 'recognised',
		threshold: 0.5,
		start: '2023-01-01',
		deadline: '2023-04-11',
		milestones: [],
		source: { document: 'Kế hoạch 1/KH-UBND', item: '1' },
		...overrides
	};
}

export const MIDWAY = '2023-02-20';

export function preset(targets: Target[], rules: Rules = RULES): TargetPreset {
	return {
		id: 'test',
		name: { vi: 'Thử', en: 'Test' },
		source: 'Kế hoạch 1/KH-UBND',
		rules,
		targets
	};
}

export function unit(overrides: Partial<Unit> = {}): Unit {
	return {
		code: 'D01',
		name: 'Huyện Hương Khê',
		kind: 'district',
		parent: 'P',
		eligible: 1000,
		confidential: false,
		aliases: [],
		...overrides
	};
}

export function counts(overrides: Partial<UnitCounts> = {}): UnitCounts {
	return {
		registered: 600,
		recognised: 300,
		digital: 120,
		registeredWindowAgo: 500,
		recognisedWindowAgo: 250,
		digitalWindowAgo: 100,
		lastRegistration: '2023-02-19',
		...overrides
	};
}

export function activity(overrides: Partial<UnitActivity> = {}): UnitActivity {
	return {
		trainings: 2,
		trainedPeople: 40,
		budget: true,
		budgetAmount: 5_000_000,
		lastReport: '2023-01-31',
		...overrides
	};
}

/** A computed progress record with every field set, for the modules that consume one. */
export function progress(overrides: Partial<UnitProgress> = {}): UnitProgress {
	return {
		code: 'D01',
		name: 'Huyện Hương Khê',
		kind: 'district',
		parent: 'P',
		confidential: false,
		eligible: 1000,
		registered: 600,
		recognised: 300,
		digital: 120,
		hasRows: true,
		registeredShare: 0.6,
		recognisedShare: 0.3,
		digitalShare: 0.4,
		target: target(),
		targetInherited: false,
		share: 0.3,
		expected: 0.25,
		projected: 0.55,
		paceClass: 'on_pace' satisfies PaceClass,
		flags: [],
		severity: 0,
		lastRegistration: '2023-02-19',
		activity: null,
		...overrides
	};
}

/** A preset shipped under data/targets/, parsed as the server parses it. */
export function realPreset(id: 'ha-tinh-2023' | 'cu-chi-2023'): TargetPreset {
	const file = new URL(`../../../data/targets/${id}.json`, import.meta.url);
	return parsePreset(JSON.parse(readFileSync(file, 'utf8')), `${id}.json`);
}
