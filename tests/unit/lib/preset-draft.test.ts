import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/lib/config-errors.ts';
import {
	draftFromForm,
	draftFromPreset,
	emptyTarget,
	fieldName,
	fieldProblem,
	presetJson,
	type PresetDraft
} from '../../../src/lib/preset-draft.ts';
import { parsePreset } from '../../../src/lib/targets.ts';
import { realPreset } from './fixtures.ts';

/** The draft as the form posts it: one entry per field, named by its dotted path. */
function formEntries(value: unknown, prefix = ''): [string, string][] {
	if (typeof value === 'string') return [[prefix, value]];
	return Object.entries(value as object).flatMap(([k, v]) =>
		formEntries(v, prefix === '' ? k : `${prefix}.${k}`)
	);
}

const roundTrip = (draft: PresetDraft) => presetJson(draftFromForm(formEntries(draft)));

function problem(json: unknown) {
	try {
		parsePreset(json, 'form');
	} catch (error) {
		if (error instanceof ConfigError) return fieldProblem(error, 'vi');
		throw error;
	}
	return expect.unreachable('the preset must be refused');
}

describe('the preset form', () => {
	it('posts a preset back as the same preset', () => {
		for (const id of ['ha-tinh-2023', 'cu-chi-2023'] as const) {
			const preset = realPreset(id);
			expect(parsePreset(roundTrip(draftFromPreset(preset)), 'form')).toEqual(preset);
		}
	});

	it('reads numbers with a decimal comma, milestones, and a target for one unit', () => {
		const draft = draftFromPreset(realPreset('ha-tinh-2023'));
		draft.targets[2]!.threshold = '0,45';
		draft.targets[2]!.milestones = [
			{ date: '2023-06-30', share: '0,2' },
			{ date: '', share: ' ' }
		];
		draft.targets.push({
			...emptyTarget(),
			id: 'can-loc',
			label: { vi: 'Can Lộc 50%', en: 'Can Lộc 50%' },
			appliesTo: { kind: '', unit: '436' },
			threshold: '0.5',
			start: '2023-01-01',
			deadline: '2023-12-31',
			source: { document: 'NQ 1', item: '2' }
		});
		draft.targets.push(emptyTarget());
		const preset = parsePreset(roundTrip(draft), 'form');
		expect(preset.targets).toHaveLength(4);
		expect(preset.targets[2]).toMatchObject({
			threshold: 0.45,
			milestones: [{ date: '2023-06-30', share: 0.2 }]
		});
		expect(preset.targets[3]).toMatchObject({ appliesTo: { unit: '436' }, threshold: 0.5 });
	});

	it('drops a blank target before numbering, so a problem names the row the user sees', () => {
		const draft = draftFromPreset(realPreset('ha-tinh-2023'));
		draft.targets.splice(1, 0, emptyTarget());
		draft.targets[3]!.threshold = '40';
		const posted = draftFromForm(formEntries(draft));
		expect(posted.targets).toHaveLength(3);
		expect(problem(presetJson(posted))).toEqual({
			field: 'targets.2.threshold',
			text: 'tỉ lệ viết dạng số thập phân, 40% viết là 0.4 (40)'
		});
	});

	it('names the field of each problem, as typed', () => {
		const draft = draftFromPreset(realPreset('ha-tinh-2023'));
		draft.targets[0]!.appliesTo = { kind: '', unit: ' ' };
		expect(problem(presetJson(draft))).toEqual({
			field: 'targets.0.appliesTo.unit',
			text: 'cần một đoạn chữ, không để trống'
		});
		const dates = draftFromPreset(realPreset('ha-tinh-2023'));
		dates.targets[1]!.deadline = '31/12/2023';
		expect(problem(presetJson(dates)).field).toBe('targets.1.deadline');
		const days = draftFromPreset(realPreset('ha-tinh-2023'));
		days.rules.inactivityDays = 'ba mươi';
		expect(problem(presetJson(days))).toEqual({
			field: 'rules.inactivityDays',
			text: 'cần số nguyên lớn hơn 0 ("ba mươi")'
		});
	});

	it('turns JSON paths into field names', () => {
		expect(fieldName('$.id')).toBe('id');
		expect(fieldName('$.targets[12].milestones[0].share')).toBe('targets.12.milestones.0.share');
		expect(fieldName('$')).toBe('');
	});
});
