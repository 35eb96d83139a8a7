/**
 * The association's activity sheet: training sessions (with how many people attended), budget
 * decisions and monthly reports, one row per event, as the Khuyến học association keeps it.
 */
import { addDays, endOfMonth, type IsoDate } from '../../src/lib/dates.ts';
import type { Unit } from '../../src/lib/units.ts';
import type { DemoConfig } from './config.ts';
import { random } from './random.ts';
import { createXlsxWriter, type WriteCell } from './xlsx-writer.ts';

export const ACTIVITY_HEADER = [
	'Mã đơn vị',
	'Tên đơn vị',
	'Hoạt động',
	'Ngày',
	'Số người',
	'Số tiền (đồng)',
	'Ghi chú'
];

export function activityRows(config: DemoConfig, units: Unit[]): WriteCell[][] {
	const rows: WriteCell[][] = [];
	const noBudget = new Set(config.activity.noBudget);
	const noTraining = new Set(config.activity.noTraining);
	const months = ['2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'];
	for (const unit of units) {
		if (unit.kind === 'province' || unit.kind === 'commune') continue;
		if (unit.parent !== null && unit.kind !== 'district' && unit.parent !== config.province.code)
			continue;
		const r = random(config.seed, 'activity', unit.code);
		const row = (
			type: string,
			day: IsoDate,
			people: number | null,
			amount: number | null,
			note = ''
		) => rows.push([unit.code, unit.name, type, { date: day }, people, amount, note]);
		const sessions = unit.kind === 'district' ? r.int(1, 3) : 1;
		for (let s = 0; s < sessions; s++) {
			const day = addDays('2023-03-01', r.int(0, 170));
			if (noTraining.has(unit.code)) row('Tập huấn', day, 0, null, 'Không cử người dự');
			else row('Tập huấn', day, unit.kind === 'district' ? r.int(25, 90) : r.int(2, 8), null);
		}
		if (unit.kind === 'district') {
			if (noBudget.has(unit.code)) row('Kinh phí', '2023-03-31', null, 0, 'Chưa bố trí kinh phí');
			else row('Kinh phí', addDays('2023-02-01', r.int(0, 60)), null, r.int(5, 30) * 10_000_000);
			for (const month of months) {
				if (r.chance(0.85))
					row(
						'Báo cáo tháng',
						addDays(endOfMonth(month), r.int(1, 8)),
						null,
						null,
						`Tháng ${Number(month.slice(5))}/2023`
					);
			}
		}
	}
	return rows;
}

export async function writeActivitySheet(
	file: string,
	config: DemoConfig,
	units: Unit[]
): Promise<number> {
	const writer = await createXlsxWriter(file, {
		sheetName: 'Hoạt động',
		columnWidths: [12, 40, 16, 14, 10, 16, 28]
	});
	const rows = activityRows(config, units);
	await writer.writeRows(
		[
			{ cells: ['THEO DÕI HOẠT ĐỘNG XÂY DỰNG MÔ HÌNH CÔNG DÂN HỌC TẬP NĂM 2023'], style: 'title' },
			{ cells: ACTIVITY_HEADER, style: 'header' },
			...rows.map((cells) => ({ cells }))
		],
		['A1:G1']
	);
	await writer.close();
	return rows.length;
}
