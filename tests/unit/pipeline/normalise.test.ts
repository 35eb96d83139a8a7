import { describe, expect, it } from 'vitest';
import {
	parseBirthYear,
	parseDate,
	parseDigitalSkills,
	parseStatus
} from '../../../pipeline/normalise.ts';

describe('parseDate', () => {
	it.each([
		['10/07/2023', '2023-07-10'],
		['1/7/2023', '2023-07-01'],
		['1/7/23', '2023-07-01'],
		['10-07-2023', '2023-07-10'],
		['10.07.2023', '2023-07-10'],
		['2023-07-10', '2023-07-10'],
		['2023/7/10', '2023-07-10'],
		['10/07/2023 14:35', '2023-07-10'],
		['2023-07-10T08:00:00', '2023-07-10'],
		['45117', '2023-07-10'],
		[' 10/07/2023 ', '2023-07-10']
	])('reads %s as %s (day before month, always)', (text, day) => {
		expect(parseDate(text)).toBe(day);
	});

	it.each(['31/02/2023', '2023-13-05', '00/00/0000', 'chưa rõ', '', '07/2023', '123'])(
		'refuses %s',
		(text) => {
			expect(parseDate(text)).toBeNull();
		}
	);

	it('reads two-digit years up to the pivot as 20yy and later ones as 19yy', () => {
		expect(parseDate('5/3/85', 2023)).toBe('1985-03-05');
		expect(parseDate('5/3/23', 2023)).toBe('2023-03-05');
		expect(parseDate('5/3/24', 2023)).toBe('1924-03-05');
	});
});

describe('parseBirthYear', () => {
	it('takes a bare year or the year of a date, and refuses the future', () => {
		expect(parseBirthYear('1985', 2023)).toBe(1985);
		expect(parseBirthYear('05/03/1985', 2023)).toBe(1985);
		expect(parseBirthYear('2030', 2023)).toBeNull();
		expect(parseBirthYear('1850', 2023)).toBeNull();
		expect(parseBirthYear('không rõ', 2023)).toBeNull();
	});
});

describe('parseStatus', () => {
	it.each([
		['Đạt', 'recognised'],
		['Đã công nhận', 'recognised'],
		['ĐẠT DANH HIỆU', 'recognised'],
		['dat danh hieu', 'recognised'],
		['Đã đăng ký', 'registered'],
		['Đã đăng kí', 'registered'],
		['Chờ xét duyệt', 'registered'],
		['Đang tự đánh giá', 'registered'],
		['Không đạt', 'not_recognised'],
		['Đạt'.normalize('NFD'), 'recognised']
	])('%s → %s', (word, status) => {
		expect(parseStatus(word)).toBe(status);
	});

	it.each(['Hủy đăng ký', 'Chưa rõ', 'Chưa đạt', 'x'])('rejects %s', (word) => {
		expect(parseStatus(word)).toBeNull();
	});
});

describe('parseDigitalSkills', () => {
	it('reads yes, no and unknown', () => {
		expect(parseDigitalSkills('Có')).toBe(true);
		expect(parseDigitalSkills('x')).toBe(true);
		expect(parseDigitalSkills('Có kỹ năng số')).toBe(true);
		expect(parseDigitalSkills('Không')).toBe(false);
		expect(parseDigitalSkills('')).toBeNull();
		expect(parseDigitalSkills('?')).toBeNull();
	});
});
