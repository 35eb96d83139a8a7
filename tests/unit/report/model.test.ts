import { describe, expect, it } from 'vitest';
import { expectedShare } from '../../../src/lib/pace.ts';
import { compareProgress, provinceName, topLevelOf } from '../../../src/lib/server/report/model.ts';
import { AS_OF, current, model, previous, PREVIOUS, PRESET, SECRET } from './fixtures.ts';

const compare = () =>
	compareProgress({
		preset: PRESET,
		asOf: AS_OF,
		previousAsOf: PREVIOUS,
		current: current(),
		previous: previous()
	});
const unit = (code: string) =>
	Object.values(compare().units)
		.flat()
		.find((u) => u.code === code)!;

describe('compareProgress', () => {
	it('gives the province its counts and what the month added', () => {
		const { province } = compare();
		expect(province).toMatchObject({
			registered: 880_000,
			recognised: 770_000,
			registeredChange: 70_000,
			recognisedChange: 66_000
		});
		expect(compare().provinceName).toBe('Hà Tĩnh');
	});

	it('measures each unit against its own target now and a month earlier', () => {
		const d1 = unit('D1');
		expect(d1.share).toBeCloseTo(0.42, 12);
		expect(d1.previousShare).toBeCloseTo(0.38, 12);
		expect(d1.shareChange).toBeCloseTo(0.04, 12);
		expect(d1.recognisedChange).toBe(40);
		expect(d1.registeredChange).toBe(100);
	});

	it('keeps every count of a confidential unit on the server, shares only', () => {
		const f1 = unit('F1');
		expect(f1).toMatchObject({
			eligible: null,
			registered: null,
			recognised: null,
			registeredChange: null,
			recognisedChange: null,
			activity: null
		});
		// Shares rounded to a whole percent (a step of about 9,877 people here): no count to reconstruct.
		expect(f1.share).toBe(Math.round((SECRET.recognised / SECRET.eligible) * 100) / 100);
		expect(f1.previousShare).toBe(
			Math.round((SECRET.previousRecognised / SECRET.eligible) * 100) / 100
		);
		const json = JSON.stringify(compare());
		for (const secret of [...Object.values(SECRET), 123_457])
			expect(json).not.toContain(String(secret));
	});

	it('lists the units that reached their own target, and those newly flagged or cleared', () => {
		const { changes } = compare();
		expect(changes.newlyReached.map((u) => u.code)).toEqual(['D1']);
		// The commune's 40% is its district's: it is not its own to reach.
		expect(changes.newlyReached.map((u) => u.code)).not.toContain('C1');
		// The agency by its new "no budget"; the armed force fell behind pace (77,5% < 83,2% − 5).
		expect(changes.newlyFlagged.map((u) => u.code)).toEqual(['F1', 'A1']);
		expect(unit('F1').flags.map((f) => f.kind)).toEqual(['behind_pace']);
		expect(unit('A1').flags.map((f) => f.kind)).toEqual(['no_budget']);
		// Gains in points: F1 +7,0 (rounded shares), D2 +5,0, D1 +4,0; A1 stayed at 100%.
		expect(changes.mostImproved.map((u) => u.code)).toEqual(['F1', 'D2', 'D1']);
	});

	it('combines each target over its units, with the expected share on the day', () => {
		const districts = compare().targets.find((t) => t.id === 'districts')!;
		expect(districts.share).toBeCloseTo((420 + 300) / 3000, 12);
		expect(districts.previousShare).toBeCloseTo((380 + 200) / 3000, 12);
		expect(districts.shareChange).toBeCloseTo(140 / 3000, 12);
		expect(districts).toMatchObject({ reached: 1, previousReached: 0, total: 2 });
		expect(districts.expected).toBeCloseTo(expectedShare(PRESET.targets[0]!, AS_OF), 12);
		expect(districts.expected).toBeCloseTo((0.4 * 303) / 364, 12);
	});

	it('orders the laggards most severe first', () => {
		const severities = compare().laggards.map((u) => u.severity);
		expect(severities.length).toBeGreaterThan(1);
		expect(severities).toEqual([...severities].sort((a, b) => b - a));
		expect(compare().laggards.map((u) => u.code)).toContain('D2');
	});

	it('ranks districts by share, best first, and keeps sub-units out of the top level', () => {
		expect(compare().units.district.map((u) => u.code)).toEqual(['D1', 'D2']);
		expect(
			topLevelOf([{ ...unit('A1') }, { ...unit('A1'), code: 'A1-1', parent: 'A1' }]).map(
				(u) => u.code
			)
		).toEqual(['A1']);
	});
});

describe('buildReport', () => {
	it('adds what the document says about itself', () => {
		expect(model()).toMatchObject({
			month: '2023-10',
			asOf: AS_OF,
			previousAsOf: PREVIOUS,
			issued: '2023-11-05',
			simulated: true,
			preset: { id: 'test' }
		});
	});
});

describe('provinceName', () => {
	it('drops the type word', () => {
		expect(provinceName('Tỉnh Hà Tĩnh')).toBe('Hà Tĩnh');
		expect(provinceName('Thành phố Hồ Chí Minh')).toBe('Hồ Chí Minh');
	});
});
