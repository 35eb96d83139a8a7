import { describe, expect, it } from 'vitest';
import { asOfFromTitles, detectHeader, HeaderError } from '../../../../pipeline/read/header.ts';

const CANONICAL = [
	'STT',
	'Họ và tên',
	'Ngày sinh',
	'Giới tính',
	'Số CCCD',
	'Số điện thoại',
	'Đối tượng',
	'Cơ quan/đơn vị công tác',
	'Xã/Phường/Thị trấn',
	'Huyện/Thị xã/Thành phố',
	'Ngày đăng ký',
	'Trạng thái',
	'Ngày công nhận',
	'Kỹ năng số'
];

describe('detectHeader', () => {
	it('finds a one-row header below title rows and reads the as-of date', () => {
		const header = detectHeader([
			['DANH SÁCH CÔNG DÂN ĐĂNG KÝ CÔNG DÂN HỌC TẬP'],
			['Tỉnh Hà Tĩnh'],
			['Tính đến ngày 30/06/2023'],
			CANONICAL,
			['1', 'Nguyễn Văn An', '01/01/1990']
		]);
		expect(header.lastRow).toBe(3);
		expect(header.rows).toBe(1);
		expect(header.asOf).toBe('2023-06-30');
		expect(header.columns).toMatchObject({
			idNumber: 4,
			district: 9,
			commune: 8,
			registeredOn: 10,
			status: 11,
			recognisedOn: 12,
			digitalSkills: 13
		});
		expect(header.unknown).toEqual([]);
	});

	it('reads a two-row header whose group labels span merged cells', () => {
		const top = [
			'STT',
			'Họ và tên',
			'Số định danh cá nhân',
			'Địa chỉ thường trú',
			'',
			'Thông tin đăng ký',
			'',
			'',
			'Kỹ năng số'
		];
		const bottom = [
			'',
			'',
			'',
			'Xã/Phường',
			'Quận/Huyện',
			'Ngày đăng ký',
			'Trạng thái',
			'Ngày công nhận',
			''
		];
		const header = detectHeader([
			['Tính đến ngày 31/08/2023'],
			top,
			bottom,
			['1', 'A', '042090001234']
		]);
		expect(header.rows).toBe(2);
		expect(header.lastRow).toBe(2);
		expect(header.columns).toMatchObject({
			idNumber: 2,
			commune: 3,
			district: 4,
			registeredOn: 5,
			status: 6,
			recognisedOn: 7,
			digitalSkills: 8
		});
	});

	it('matches labels without diacritics, in capitals or abbreviated', () => {
		const header = detectHeader([
			['STT', 'HO VA TEN', 'CCCD/CMND', 'HUYỆN', 'Ngày ĐK', 'Kết quả', 'Ghi chú']
		]);
		expect(header.columns).toMatchObject({ idNumber: 2, district: 3, registeredOn: 4, status: 5 });
		expect(header.unknown).toEqual(['Ghi chú']);
		expect(header.asOf).toBeNull();
	});

	it('names the missing required columns', () => {
		try {
			detectHeader([['STT', 'Họ và tên', 'Số CCCD', 'Đối tượng', 'Ngày đăng ký']]);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(HeaderError);
			expect((error as HeaderError).missing).toEqual(['district', 'status']);
		}
	});

	it('says so when no row looks like a header', () => {
		expect(() =>
			detectHeader([
				['a', 'b'],
				['1', '2']
			])
		).toThrow(HeaderError);
	});
});

describe('asOfFromTitles', () => {
	it.each([
		['Tính đến ngày 30/06/2023', '2023-06-30'],
		['(Tính đến ngày 31/12/2023)', '2023-12-31'],
		['Số liệu tính đến 30/11/2023', '2023-11-30'],
		['Số liệu tính đến ngày 30 tháng 11 năm 2023', '2023-11-30'],
		['TINH DEN NGAY 1-7-2023', '2023-07-01']
	])('%s → %s', (line, day) => {
		expect(asOfFromTitles([[line]])).toBe(day);
	});

	it.each([
		[['Tính đến ngày', '2023-11-30'], '2023-11-30'],
		[['Tính đến ngày', '', '', '30/11/2023'], '2023-11-30'],
		[['Số liệu tính đến ngày 2023-11-30'], '2023-11-30'],
		[['Tính đến ngày 2023-10-31'], '2023-10-31'],
		// Both forms: the first one after the words counts.
		[['Tính đến ngày', '2023-11-30', 'in ngày 05/12/2023'], '2023-11-30']
	])('a date in the cell after the words: %j → %s', (cells, day) => {
		expect(asOfFromTitles([['DANH SÁCH'], cells])).toBe(day);
	});

	it('ignores dates that are not an as-of statement, and impossible dates', () => {
		expect(asOfFromTitles([['2023-11-30', 'Tính đến ngày']])).toBeNull();
		expect(asOfFromTitles([['Tính đến ngày', '2023-02-30']])).toBeNull();
		expect(asOfFromTitles([['Hà Tĩnh, ngày 05/07/2023']])).toBeNull();
		expect(asOfFromTitles([['Tính đến ngày 31/02/2023']])).toBeNull();
	});
});
