import { describe, expect, it } from 'vitest';
import { asOfFromFileName, chooseAsOf } from '../../../pipeline/as-of.ts';

describe('the as-of date in a file name', () => {
	it.each([
		['dk_31-10-2023.xlsx', '2023-10-31'],
		['export_2023-09-30.csv', '2023-09-30'],
		['Danh sach 30.11.2023.xlsx', '2023-11-30'],
		['ds_1_7_2023.csv', '2023-07-01'],
		['2023_12_31 Can Loc.xlsx', '2023-12-31'],
		['dk-2023-10-31-da-sua.csv', '2023-10-31'],
		['31-10-2023 (2023-10-31).csv', '2023-10-31']
	])('%s → %s', (name, day) => {
		expect(asOfFromFileName(name)).toBe(day);
	});

	it.each([
		['dang-ky.xlsx'],
		['dk_31-13-2023.xlsx'],
		['dk_2023-10.xlsx'],
		['dk_20231031.xlsx'],
		['tu_01-10-2023_den_31-10-2023.xlsx'],
		['dk_31-10-2023-x.csv 2023-11-30'],
		['so_1234-10-20231.csv']
	])('%s holds no clear date', (name) => {
		expect(asOfFromFileName(name)).toBeNull();
	});
});

describe('choosing the as-of date', () => {
	it('prefers the typed date, then the title, then the file name', () => {
		expect(chooseAsOf('2023-12-30', '2023-11-30', 'x_31-10-2023.csv')).toEqual({
			date: '2023-12-30',
			source: 'option',
			titleDisagrees: '2023-11-30'
		});
		expect(chooseAsOf('2023-11-30', '2023-11-30', 'x.csv')).toMatchObject({
			titleDisagrees: null
		});
		expect(chooseAsOf(undefined, '2023-11-30', 'x_31-10-2023.csv')).toEqual({
			date: '2023-11-30',
			source: 'title',
			titleDisagrees: null
		});
		expect(chooseAsOf(undefined, null, 'x_31-10-2023.csv')).toEqual({
			date: '2023-10-31',
			source: 'file_name',
			titleDisagrees: null
		});
		expect(chooseAsOf(undefined, null, 'x.csv')).toBeNull();
	});
});
