import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	endOfMonth,
	excelSerialFromIso,
	isIsoDate,
	isoFromExcelSerial,
	isoFromParts,
	maxDate,
	minDate,
	parseIsoDate,
	previousMonth
} from '../../../src/lib/dates.ts';

describe('isIsoDate', () => {
	it.each(['2023-07-10', '2024-02-29', '2000-02-29', '2023-12-31', '2023-01-01'])(
		'accepts %s',
		(value) => {
			expect(isIsoDate(value)).toBe(true);
		}
	);

	it.each([
		'2023-02-30',
		'2023-02-29',
		'1900-02-29',
		'2023-13-01',
		'2023-00-10',
		'2023-04-31',
		'2023-07-00',
		'2023-1-1',
		'2023-07-10T00:00:00Z',
		' 2023-07-10',
		'10/07/2023',
		''
	])('rejects %j', (value) => {
		expect(isIsoDate(value)).toBe(false);
	});
});

describe('parseIsoDate', () => {
	it('returns a valid day and throws a RangeError naming an invalid one', () => {
		expect(parseIsoDate('2023-07-10')).toBe('2023-07-10');
		expect(() => parseIsoDate('2023-02-30')).toThrow(RangeError);
		expect(() => parseIsoDate('2023-02-30')).toThrow('not a date (YYYY-MM-DD): 2023-02-30');
	});
});

describe('isoFromParts', () => {
	it.each([
		[2023, 7, 10, '2023-07-10'],
		[2024, 2, 29, '2024-02-29'],
		[2023, 2, 29, null],
		[2023, 13, 1, null],
		[2023, 0, 1, null],
		[2023, 4, 31, null],
		[2023, 7, 0, null]
	])('%i-%i-%i → %s', (y, m, d, expected) => {
		expect(isoFromParts(y, m, d)).toBe(expected);
	});
});

describe('addDays', () => {
	it.each([
		['2023-07-10', 1, '2023-07-11'],
		['2023-07-10', 0, '2023-07-10'],
		['2023-07-31', 1, '2023-08-01'],
		['2023-08-01', -1, '2023-07-31'],
		['2023-12-31', 1, '2024-01-01'],
		['2024-01-01', -1, '2023-12-31'],
		['2024-02-28', 1, '2024-02-29'],
		['2024-02-29', 1, '2024-03-01'],
		['2023-02-28', 1, '2023-03-01'],
		['2024-03-01', -1, '2024-02-29'],
		['2023-01-01', 364, '2023-12-31'],
		['2024-01-01', 365, '2024-12-31'],
		['2023-02-20', -30, '2023-01-21']
	])('%s %+i days → %s', (day, days, expected) => {
		expect(addDays(day, days)).toBe(expected);
	});
});

describe('daysBetween', () => {
	it.each([
		['2023-07-10', '2023-07-10', 0],
		['2023-07-10', '2023-07-11', 1],
		['2023-07-11', '2023-07-10', -1],
		['2023-01-01', '2023-12-31', 364],
		['2024-01-01', '2024-12-31', 365],
		['2024-02-28', '2024-03-01', 2],
		['2023-02-28', '2023-03-01', 1],
		['2023-07-31', '2023-11-30', 122],
		['2023-11-30', '2023-07-31', -122]
	])('%s → %s is %i', (from, to, expected) => {
		expect(daysBetween(from, to)).toBe(expected);
	});
});

describe('minDate / maxDate', () => {
	it('pick the earlier and the later day', () => {
		expect(minDate('2023-07-10', '2023-06-30')).toBe('2023-06-30');
		expect(minDate('2023-06-30', '2023-07-10')).toBe('2023-06-30');
		expect(maxDate('2023-07-10', '2023-06-30')).toBe('2023-07-10');
		expect(maxDate('2022-12-31', '2023-01-01')).toBe('2023-01-01');
	});
});

describe('endOfMonth', () => {
	it.each([
		['2023-01', '2023-01-31'],
		['2023-02', '2023-02-28'],
		['2024-02', '2024-02-29'],
		['1900-02', '1900-02-28'],
		['2000-02', '2000-02-29'],
		['2023-04', '2023-04-30'],
		['2023-12', '2023-12-31']
	])('%s → %s', (month, expected) => {
		expect(endOfMonth(month)).toBe(expected);
	});
});

describe('previousMonth', () => {
	it.each([
		['2023-07', '2023-06'],
		['2023-03', '2023-02'],
		['2023-01', '2022-12'],
		['2024-01', '2023-12'],
		['2023-12', '2023-11']
	])('%s → %s', (month, expected) => {
		expect(previousMonth(month)).toBe(expected);
	});
});

describe('isoFromExcelSerial', () => {
	it.each([
		[45117, '2023-07-10'],
		[45117.75, '2023-07-10'],
		[44927, '2023-01-01'],
		[45291, '2023-12-31'],
		[45351, '2024-02-29'],
		[36526, '2000-01-01'],
		[61, '1900-03-01'],
		// Excel's serial 60 is the 29 February 1900 that never was: it lands on the 28th.
		[60, '1900-02-28'],
		[2_958_465, '9999-12-31']
	])('%d → %s', (serial, expected) => {
		expect(isoFromExcelSerial(serial)).toBe(expected);
	});

	it.each([0, 0.5, -1, -45117, Number.NaN, Infinity, -Infinity, 2_958_466])(
		'%d → null',
		(serial) => {
			expect(isoFromExcelSerial(serial)).toBeNull();
		}
	);
});

describe('excelSerialFromIso', () => {
	it.each([
		['2023-07-10', 45117],
		['2023-01-01', 44927],
		['2024-02-29', 45351],
		['1900-03-01', 61]
	])('%s → %d', (day, serial) => {
		expect(excelSerialFromIso(day)).toBe(serial);
	});

	it('round-trips with isoFromExcelSerial', () => {
		for (const day of ['1900-03-01', '1999-12-31', '2023-02-28', '2024-02-29', '2030-06-15']) {
			expect(isoFromExcelSerial(excelSerialFromIso(day))).toBe(day);
		}
		for (const serial of [61, 36526, 45117, 45351, 50000]) {
			expect(excelSerialFromIso(isoFromExcelSerial(serial)!)).toBe(serial);
		}
	});
});

describe('time zones', () => {
	// Every date is a day in Vietnam, computed on the string in UTC: the machine's zone must not
	// move it. Run in child processes, as the zone of this one cannot be changed safely.
	const module = fileURLToPath(new URL('../../../src/lib/dates.ts', import.meta.url));
	const script = `
		const d = await import(${JSON.stringify(module)});
		console.log(JSON.stringify([
			d.addDays('2023-03-25', 1),
			d.addDays('2023-10-28', 2),
			d.daysBetween('2023-03-01', '2023-04-01'),
			d.endOfMonth('2024-02'),
			d.previousMonth('2023-01'),
			d.isoFromExcelSerial(45117),
			d.excelSerialFromIso('2023-07-10'),
			d.isIsoDate('2023-03-26')
		]));`;
	const expected = [
		'2023-03-26',
		'2023-10-30',
		31,
		'2024-02-29',
		'2022-12',
		'2023-07-10',
		45117,
		true
	];

	it.each(['Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London'])(
		'gives the same days in %s',
		(zone) => {
			const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
				env: { ...process.env, TZ: zone },
				encoding: 'utf8'
			});
			expect(JSON.parse(out)).toEqual(expected);
		}
	);
});
