import { describe, expect, it } from 'vitest';
import { mainTarget, parsePreset, targetsFor, type Target } from '../../../src/lib/targets.ts';
import { ConfigError } from '../../../src/lib/config-errors.ts';
import { preset, realPreset, target } from './fixtures.ts';

/** A valid preset file as parsed JSON; each case below breaks one thing. */
function valid() {
	return {
		id: 'test-2023',
		name: { vi: 'Thử 2023', en: 'Test 2023' },
		source: 'Kế hoạch 1/KH-UBND',
		rules: { paceMargin: 0.05, farBehindRatio: 0.5, projectionWindowDays: 30, inactivityDays: 30 },
		targets: [
			{
				id: 'districts',
				label: { vi: '40% công dân', en: '40% of citizens' },
				appliesTo: { kind: 'district' },
				metric: 'recognised',
				threshold: 0.4,
				start: '2023-01-01',
				deadline: '2023-12-31',
				source: { document: 'Kế hoạch 1/KH-UBND', item: '5' }
			},
			{
				id: 'can-loc',
				label: { vi: 'Can Lộc 50%', en: 'Can Lộc 50%' },
				appliesTo: { unit: 'D02' },
				metric: 'registered',
				threshold: 0.5,
				start: '2023-01-01',
				deadline: '2023-12-31',
				milestones: [
					{ date: '2023-09-30', share: 0.3 },
					{ date: '2023-03-31', share: 0.1 }
				],
				source: { document: 'Kế hoạch 2/KH-UBND', item: '1' }
			}
		]
	};
}

type Json = ReturnType<typeof valid>;
type Anything = Record<string, unknown>;

function parseError(json: unknown): ConfigError {
	try {
		parsePreset(json, 'test.json');
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return error as ConfigError;
	}
	throw new Error('parsePreset accepted an invalid preset');
}

describe('parsePreset', () => {
	it('reads a valid preset, sorting milestones and defaulting them to none', () => {
		const p = parsePreset(valid(), 'test.json');
		expect(p.id).toBe('test-2023');
		expect(p.name).toEqual({ vi: 'Thử 2023', en: 'Test 2023' });
		expect(p.rules).toEqual({
			paceMargin: 0.05,
			farBehindRatio: 0.5,
			projectionWindowDays: 30,
			inactivityDays: 30
		});
		expect(p.targets).toHaveLength(2);
		expect(p.targets[0]).toEqual({
			id: 'districts',
			label: { vi: '40% công dân', en: '40% of citizens' },
			appliesTo: { kind: 'district' },
			metric: 'recognised',
			threshold: 0.4,
			start: '2023-01-01',
			deadline: '2023-12-31',
			milestones: [],
			source: { document: 'Kế hoạch 1/KH-UBND', item: '5' }
		});
		expect(p.targets[1]!.appliesTo).toEqual({ unit: 'D02' });
		expect(p.targets[1]!.milestones).toEqual([
			{ date: '2023-03-31', share: 0.1 },
			{ date: '2023-09-30', share: 0.3 }
		]);
	});

	it('accepts thresholds and shares at the bounds 0 and 1', () => {
		const json = valid();
		json.targets[0]!.threshold = 1;
		json.targets[1]!.threshold = 0;
		json.rules.paceMargin = 0;
		json.rules.farBehindRatio = 1;
		const p = parsePreset(json, 'test.json');
		expect(p.targets.map((t) => t.threshold)).toEqual([1, 0]);
		expect(p.rules.paceMargin).toBe(0);
		expect(p.rules.farBehindRatio).toBe(1);
	});

	const cases: [string, (json: Json) => unknown, string][] = [
		['a root that is not an object', () => [], '$ = []: expected an object { … }'],
		['a null root', () => null, '$ = null: expected an object { … }'],
		[
			'missing rules',
			(j) => ({ ...j, rules: undefined }),
			'$.rules (missing): expected an object { … }'
		],
		[
			'a missing rule',
			(j) => ({ ...j, rules: { ...j.rules, paceMargin: undefined } }),
			'$.rules.paceMargin (missing): expected a share between 0 and 1'
		],
		[
			'a pace margin written in percent',
			(j) => ({ ...j, rules: { ...j.rules, paceMargin: 5 } }),
			'$.rules.paceMargin = 5: a share is written as a decimal: 5% is 0.05'
		],
		[
			'a pace margin above 100%',
			(j) => ({ ...j, rules: { ...j.rules, paceMargin: 500 } }),
			'$.rules.paceMargin = 500: expected a share between 0 and 1'
		],
		[
			'a window of 0 days',
			(j) => ({ ...j, rules: { ...j.rules, projectionWindowDays: 0 } }),
			'$.rules.projectionWindowDays = 0: expected a whole number above 0'
		],
		[
			'a fractional inactivity',
			(j) => ({ ...j, rules: { ...j.rules, inactivityDays: 1.5 } }),
			'$.rules.inactivityDays = 1.5: expected a whole number above 0'
		],
		['targets not a list', (j) => ({ ...j, targets: {} }), '$.targets = {}: expected a list [ … ]'],
		['an empty id', (j) => ({ ...j, id: ' ' }), '$.id = " ": expected a non-empty text'],
		[
			'an id that is not a file name',
			(j) => ({ ...j, id: '../config' }),
			'$.id = "../config": a preset id is also its file name: letters without marks, digits, dots, dashes and underscores (80 at most), e.g. ha-tinh-2023'
		],
		[
			'an id with marks',
			(j) => ({ ...j, id: 'hà-tĩnh' }),
			'$.id = "hà-tĩnh": a preset id is also its file name: letters without marks, digits, dots, dashes and underscores (80 at most), e.g. ha-tinh-2023'
		],
		[
			'a name without English',
			(j) => ({ ...j, name: { vi: 'Thử' } }),
			'$.name.en (missing): expected a non-empty text'
		],
		[
			'a missing source',
			(j) => ({ ...j, source: undefined }),
			'$.source (missing): expected a non-empty text'
		],
		[
			'a target that is not an object',
			(j) => ({ ...j, targets: [j.targets[0], 'x'] }),
			'$.targets[1] = "x": expected an object { … }'
		],
		[
			'a duplicate target id',
			(j) => ({ ...j, targets: [j.targets[0], { ...j.targets[1], id: 'districts' }] }),
			'$.targets[1].id = "districts": duplicate target id "districts"'
		],
		[
			'an unknown kind',
			(j) => target1(j, { appliesTo: { kind: 'village' } }),
			'$.targets[1].appliesTo.kind = "village": unknown kind; one of province, district, commune, agency, armed_force'
		],
		[
			'appliesTo naming neither kind nor unit',
			(j) => target1(j, { appliesTo: {} }),
			'$.targets[1].appliesTo.unit (missing): expected a non-empty text'
		],
		[
			'a missing appliesTo',
			(j) => target1(j, { appliesTo: undefined }),
			'$.targets[1].appliesTo (missing): expected an object { … }'
		],
		[
			'an unknown metric',
			(j) => target1(j, { metric: 'happiness' }),
			'$.targets[1].metric = "happiness": unknown metric; one of recognised, registered, digital_skills, trained'
		],
		[
			'a threshold above 1',
			(j) => target1(j, { threshold: 40 }),
			'$.targets[1].threshold = 40: a share is written as a decimal: 40% is 0.4'
		],
		[
			'a negative threshold',
			(j) => target1(j, { threshold: -0.1 }),
			'$.targets[1].threshold = -0.1: expected a share between 0 and 1'
		],
		[
			'a threshold written as text',
			(j) => target1(j, { threshold: '0.4' }),
			'$.targets[1].threshold = "0.4": expected a share between 0 and 1'
		],
		[
			'an impossible start',
			(j) => target1(j, { start: '2023-02-30' }),
			'$.targets[1].start = "2023-02-30": expected a date YYYY-MM-DD, e.g. 2023-12-31'
		],
		[
			'a day-first deadline',
			(j) => target1(j, { deadline: '31/12/2023' }),
			'$.targets[1].deadline = "31/12/2023": expected a date YYYY-MM-DD, e.g. 2023-12-31'
		],
		[
			'a deadline on the start',
			(j) => target1(j, { deadline: '2023-01-01', milestones: [] }),
			'$.targets[1].deadline = "2023-01-01": must be after the start'
		],
		[
			'a deadline before the start',
			(j) => target1(j, { deadline: '2022-12-31', milestones: [] }),
			'$.targets[1].deadline = "2022-12-31": must be after the start'
		],
		[
			'a milestone on the start',
			(j) => target1(j, { milestones: [{ date: '2023-01-01', share: 0 }] }),
			'$.targets[1].milestones[0].date = "2023-01-01": must lie between the start and the deadline'
		],
		[
			'a milestone on the deadline',
			(j) =>
				target1(j, {
					milestones: [
						{ date: '2023-06-30', share: 0.2 },
						{ date: '2023-12-31', share: 0.5 }
					]
				}),
			'$.targets[1].milestones[1].date = "2023-12-31": must lie between the start and the deadline'
		],
		[
			'a milestone after the deadline',
			(j) => target1(j, { milestones: [{ date: '2024-01-15', share: 0.5 }] }),
			'$.targets[1].milestones[0].date = "2024-01-15": must lie between the start and the deadline'
		],
		[
			'a milestone before the start',
			(j) => target1(j, { milestones: [{ date: '2022-12-01', share: 0 }] }),
			'$.targets[1].milestones[0].date = "2022-12-01": must lie between the start and the deadline'
		],
		[
			'a milestone share above 1',
			(j) => target1(j, { milestones: [{ date: '2023-06-30', share: 30 }] }),
			'$.targets[1].milestones[0].share = 30: a share is written as a decimal: 30% is 0.3'
		],
		[
			'a milestone without a date',
			(j) => target1(j, { milestones: [{ share: 0.3 }] }),
			'$.targets[1].milestones[0].date (missing): expected a date YYYY-MM-DD, e.g. 2023-12-31'
		],
		[
			'a label without Vietnamese',
			(j) => target1(j, { label: { en: 'Can Lộc' } }),
			'$.targets[1].label.vi (missing): expected a non-empty text'
		],
		[
			'a source without its item',
			(j) => target1(j, { source: { document: 'Kế hoạch 2/KH-UBND' } }),
			'$.targets[1].source.item (missing): expected a non-empty text'
		]
	];

	it.each(cases)('rejects %s, naming the file and the JSON path', (_, breakIt, message) => {
		const error = parseError(breakIt(valid()));
		expect(error.name).toBe('ConfigError');
		expect(error.message).toBe(`test.json: ${message}`);
	});

	it('accepts the Hà Tĩnh preset', () => {
		const p = realPreset('ha-tinh-2023');
		expect(p.id).toBe('ha-tinh-2023');
		expect(p.rules).toEqual({
			paceMargin: 0.05,
			farBehindRatio: 0.5,
			projectionWindowDays: 30,
			inactivityDays: 30
		});
		expect(p.targets.map((t) => [t.id, t.appliesTo, t.metric, t.threshold])).toEqual([
			['agencies', { kind: 'agency' }, 'recognised', 1],
			['armed-forces', { kind: 'armed_force' }, 'recognised', 1],
			['districts', { kind: 'district' }, 'recognised', 0.4]
		]);
		for (const t of p.targets) {
			expect([t.start, t.deadline, t.milestones]).toEqual(['2023-01-01', '2023-12-31', []]);
		}
	});

	it('accepts the Củ Chi preset', () => {
		const p = realPreset('cu-chi-2023');
		expect(p.id).toBe('cu-chi-2023');
		expect(p.targets.map((t) => [t.id, t.appliesTo, t.metric, t.threshold])).toEqual([
			['association-trained', { kind: 'province' }, 'trained', 0.8],
			['adults', { kind: 'commune' }, 'recognised', 0.3],
			['civil-servants', { kind: 'agency' }, 'recognised', 0.6],
			['digital-skills', { kind: 'province' }, 'digital_skills', 0.5]
		]);
		const adults = p.targets[1]!;
		expect([adults.start, adults.deadline]).toEqual(['2023-06-23', '2023-11-30']);
		expect(adults.milestones).toEqual([{ date: '2023-07-31', share: 0 }]);
		expect(adults.source).toEqual({
			document: 'Kế hoạch 6910/KH-UBND huyện Củ Chi (23/6/2023)',
			item: 'II.2'
		});
	});
});

function target1(json: Json, changes: Anything): Anything {
	return { ...json, targets: [json.targets[0], { ...json.targets[1], ...changes }] };
}

describe('targetsFor / mainTarget', () => {
	const districts = target({ id: 'districts', appliesTo: { kind: 'district' }, threshold: 0.4 });
	const districtsRegistered = target({
		id: 'districts-registered',
		appliesTo: { kind: 'district' },
		metric: 'registered',
		threshold: 0.7
	});
	const canLoc = target({ id: 'can-loc', appliesTo: { unit: 'D02' }, threshold: 0.5 });
	const communes = target({ id: 'communes', appliesTo: { kind: 'commune' }, threshold: 0.3 });
	const p = preset([districtsRegistered, canLoc, districts, communes]);
	const ids = (targets: Target[]) => targets.map((t) => t.id);

	it('gives a unit the targets of its kind, one per metric', () => {
		expect(ids(targetsFor({ code: 'D01', kind: 'district' }, p))).toEqual([
			'districts-registered',
			'districts'
		]);
		expect(ids(targetsFor({ code: 'C01', kind: 'commune' }, p))).toEqual(['communes']);
		expect(ids(targetsFor({ code: 'A01', kind: 'agency' }, p))).toEqual([]);
	});

	it('lets a target naming the unit override the kind target for the same metric', () => {
		expect(ids(targetsFor({ code: 'D02', kind: 'district' }, p))).toEqual([
			'districts-registered',
			'can-loc'
		]);
		expect(mainTarget({ code: 'D02', kind: 'district' }, p)?.threshold).toBe(0.5);
	});

	it('keeps the first kind target when two share a metric', () => {
		const again = target({ id: 'districts-again', threshold: 0.9 });
		expect(ids(targetsFor({ code: 'D01', kind: 'district' }, preset([districts, again])))).toEqual([
			'districts'
		]);
	});

	it('ranks on the recognised target, else the first, else none', () => {
		expect(mainTarget({ code: 'D01', kind: 'district' }, p)?.id).toBe('districts');
		const digital = target({
			id: 'digital',
			appliesTo: { kind: 'province' },
			metric: 'digital_skills'
		});
		const trained = target({ id: 'trained', appliesTo: { kind: 'province' }, metric: 'trained' });
		expect(mainTarget({ code: 'P', kind: 'province' }, preset([digital, trained]))?.id).toBe(
			'digital'
		);
		expect(mainTarget({ code: 'A01', kind: 'agency' }, p)).toBeNull();
	});

	it('applies the real presets to the units they name', () => {
		const haTinh = realPreset('ha-tinh-2023');
		expect(mainTarget({ code: 'x', kind: 'district' }, haTinh)?.id).toBe('districts');
		expect(mainTarget({ code: 'x', kind: 'armed_force' }, haTinh)?.id).toBe('armed-forces');
		expect(mainTarget({ code: 'x', kind: 'commune' }, haTinh)).toBeNull();
		const cuChi = realPreset('cu-chi-2023');
		expect(mainTarget({ code: 'x', kind: 'commune' }, cuChi)?.id).toBe('adults');
		expect(ids(targetsFor({ code: 'x', kind: 'province' }, cuChi))).toEqual([
			'association-trained',
			'digital-skills'
		]);
	});
});
