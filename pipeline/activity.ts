/**
 * The `activity` command: load the Khuyến học association's sheet of training sessions, budget
 * decisions and monthly reports. The sheet is the whole record, so it replaces the previous one.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ActivityType, Database } from '../src/lib/server/schema.ts';
import { ImportError, ImportErrors } from './errors.ts';
import type { UnitMatcher } from './match.ts';
import { matchingContext } from './names/context.ts';
import { parseDate } from './normalise.ts';
import { readTable } from './read/table.ts';
import { fold } from './text.ts';
import { withWorkingCopy } from './workspace.ts';

type ActivityField = 'code' | 'name' | 'type' | 'date' | 'people' | 'amount' | 'note';

const SYNONYMS: Record<ActivityField, string[]> = {
	code: ['Mã đơn vị', 'Mã', 'code'],
	name: ['Tên đơn vị', 'Đơn vị', 'name', 'unit'],
	type: ['Hoạt động', 'Loại hoạt động', 'activity', 'type'],
	date: ['Ngày', 'Thời gian', 'date'],
	people: ['Số người', 'Số người dự', 'Số người tham dự', 'people'],
	amount: ['Số tiền (đồng)', 'Số tiền', 'Kinh phí (đồng)', 'amount'],
	note: ['Ghi chú', 'note']
};

const TYPE_WORDS: Record<string, ActivityType> = {
	'tap huan': 'training',
	training: 'training',
	'kinh phi': 'budget',
	budget: 'budget',
	'bao cao thang': 'report',
	'bao cao': 'report',
	report: 'report'
};

export interface ActivityRecord {
	unitCode: string;
	type: ActivityType;
	date: string;
	people: number | null;
	amount: number | null;
}

function wholeNumber(text: string | undefined): number | null | 'bad' {
	if (text === undefined) return null;
	const n = Number(text.replace(/[.,\s]/g, ''));
	return Number.isSafeInteger(n) && n >= 0 ? n : 'bad';
}

export async function loadActivity(
	dbPath: string,
	file: string,
	options: { dryRun?: boolean; dataDir?: string | null } = {}
): Promise<{ rows: number; units: number }> {
	const table = await readTable(file, SYNONYMS, ['type', 'date']);
	const name = path.basename(file);
	return withWorkingCopy(
		dbPath,
		async (db) => {
			const { units, matcher } = await matchingContext(db, options.dataDir ?? null);
			if (units.length === 0) throw new ImportError('no_units');
			const codes = new Set(units.map((u) => u.code));
			const errors: ImportError[] = [];
			const records: ActivityRecord[] = [];
			for (const { row, values } of table.rows) {
				const at = (field: ActivityField) => ({
					file: name,
					sheet: table.sheet,
					row,
					column: table.labels[field] ?? field
				});
				const unitCode = findUnit(values.code, values.name, codes, matcher);
				if (typeof unitCode !== 'string') {
					errors.push(
						new ImportError('unknown_unit', at(values.code ? 'code' : 'name'), {
							value: values.code ?? values.name ?? '',
							suggestions: unitCode.suggestions.join(', ')
						})
					);
					continue;
				}
				const type = TYPE_WORDS[fold(values.type ?? '')];
				const date = parseDate(values.date ?? '');
				const people = wholeNumber(values.people);
				const amount = wholeNumber(values.amount);
				if (!type)
					errors.push(
						new ImportError('bad_value', at('type'), {
							value: values.type ?? '',
							expected: 'Tập huấn, Kinh phí, Báo cáo tháng'
						})
					);
				if (!date)
					errors.push(
						new ImportError('bad_value', at('date'), {
							value: values.date ?? '',
							expected: 'dd/mm/yyyy'
						})
					);
				if (people === 'bad')
					errors.push(
						new ImportError('bad_value', at('people'), {
							value: values.people ?? '',
							expected: 'số nguyên ≥ 0 / a whole number ≥ 0'
						})
					);
				if (amount === 'bad')
					errors.push(
						new ImportError('bad_value', at('amount'), {
							value: values.amount ?? '',
							expected: 'số tiền (đồng) / an amount in VND'
						})
					);
				if (type && date && people !== 'bad' && amount !== 'bad')
					records.push({ unitCode, type, date, people, amount });
			}
			if (errors.length > 0) throw new ImportErrors(errors.slice(0, 50));
			await replaceActivity(db.kysely, records);
			return { rows: records.length, units: new Set(records.map((r) => r.unitCode)).size };
		},
		options
	);
}

function findUnit(
	code: string | undefined,
	name: string | undefined,
	codes: Set<string>,
	matcher: UnitMatcher
): string | { suggestions: string[] } {
	if (code && codes.has(code)) return code;
	if (name) {
		const organisation = matcher.organisation(name);
		if ('code' in organisation && organisation.code) return organisation.code;
		const district = matcher.district(name);
		if ('code' in district) return district.code;
		return { suggestions: matcher.suggest('workplace', '', name).map((c) => c.name) };
	}
	return { suggestions: [] };
}

async function replaceActivity(db: Kysely<Database>, records: ActivityRecord[]): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('activity').execute();
		for (let i = 0; i < records.length; i += 500)
			await trx
				.insertInto('activity')
				.values(records.slice(i, i + 500))
				.execute();
	});
}
