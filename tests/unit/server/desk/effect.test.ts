import { describe, expect, it } from 'vitest';
import { figureEffect } from '../../../../src/lib/server/desk/effect.ts';
import type { Figures, PublishedShare } from '../../../../src/lib/server/desk/figures.ts';

const unit = (code: string, share: number | null, extra: Partial<PublishedShare> = {}) =>
	({
		code,
		name: `Unit ${code}`,
		kind: 'district',
		parent: '42',
		share,
		threshold: 0.4,
		confidential: false,
		...extra
	}) satisfies PublishedShare;

const figures = (asOf: string, units: PublishedShare[]): Figures => ({
	asOf,
	preset: 'p',
	units
});

describe('figureEffect', () => {
	it('lists the units whose shown share changes, with the ones that cross their target', () => {
		const effect = figureEffect(
			figures('2023-11-30', [
				unit('42', 0.3, { kind: 'province', parent: null, threshold: null }),
				unit('441', 0.452),
				unit('442', 0.39),
				unit('443', 0.41),
				unit('444', 0.5),
				unit('18000', 0.1, { kind: 'commune', parent: '441', threshold: null })
			]),
			figures('2023-12-31', [
				unit('42', 0.31, { kind: 'province', parent: null, threshold: null }),
				unit('441', 0.47),
				unit('442', 0.4),
				unit('443', 0.39),
				// 50.0% either way: not a change anyone could see
				unit('444', 0.50004),
				unit('18000', 0.2, { kind: 'commune', parent: '441', threshold: null })
			])
		);
		expect(effect.asOfBefore).toBe('2023-11-30');
		expect(effect.asOfAfter).toBe('2023-12-31');
		expect(effect.changes.map((c) => [c.code, c.before, c.after, c.crossing])).toEqual([
			['42', 0.3, 0.31, null],
			['441', 0.452, 0.47, null],
			['442', 0.39, 0.4, 'reached'],
			['443', 0.41, 0.39, 'lost']
		]);
		expect(effect.crossings.map((c) => c.code)).toEqual(['442', '443']);
	});

	it('treats a share not published before as below the target', () => {
		const effect = figureEffect(
			figures('2023-11-30', [unit('441', null)]),
			figures('2023-12-31', [unit('441', 0.45)])
		);
		expect(effect.changes[0]).toMatchObject({ before: null, after: 0.45, crossing: 'reached' });
		const none = figureEffect(figures('2023-11-30', []), figures('2023-12-31', [unit('441', 0.1)]));
		expect(none.changes[0]).toMatchObject({ before: null, after: 0.1, crossing: null });
	});

	it('leaves out confidential units: a dry run repeated with a row more would count them', () => {
		const secret = { kind: 'armed_force', confidential: true } as const;
		const effect = figureEffect(
			figures('2023-11-30', [unit('441', 0.39), unit('BCH', 0.35, secret)]),
			figures('2023-12-31', [unit('441', 0.4), unit('BCH', 0.4, secret)])
		);
		expect(effect.changes.map((c) => c.code)).toEqual(['441']);
		expect(effect.crossings.map((c) => c.code)).toEqual(['441']);
	});

	it('says nothing changes when nothing does', () => {
		const same = figures('2023-11-30', [unit('441', 0.45), unit('442', null)]);
		expect(figureEffect(same, same)).toMatchObject({ changes: [], crossings: [] });
	});
});
