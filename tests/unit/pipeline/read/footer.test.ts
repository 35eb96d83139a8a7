import { describe, expect, it } from 'vitest';
import { isFooterLine } from '../../../../pipeline/read/footer.ts';

describe('isFooterLine', () => {
	it.each([
		[['Người lập biểu']],
		[['NGƯỜI LẬP BIỂU', 'Thủ trưởng đơn vị']],
		[['Tổng cộng: 3 công dân']],
		[['Tổng cộng', '3']],
		[['Tổng số', '1.234', '56']],
		[['Kế toán']],
		[['(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)']],
		[['Ngày 30 tháng 11 năm 2023']],
		[['Hà Tĩnh, ngày 30 tháng 11 năm 2023']],
		[['Ngày … tháng … năm …']],
		[['Nguoi lap bieu', 'Thu truong don vi']],
		[[null, 'Xác nhận của UBND xã', '']]
	])('%j is a footer line', (values) => {
		expect(isFooterLine(values)).toBe(true);
	});

	it.each([
		[[]],
		[[null, '  ']],
		// Any real value keeps the row data: it is then rejected for the missing ID.
		[['Người lập biểu', 'Huyện Can Lộc']],
		[['Huyện Can Lộc', '01/07/2023', 'Đạt']],
		[['Thủ trưởng đơn vị', '01/07/2023']],
		// A number only counts on a total line.
		[['Người lập biểu', '3']],
		[['3']],
		[['Công an huyện']],
		[['Đạt', 'Ngày 30 tháng 11 năm 2023']]
	])('%j is not', (values) => {
		expect(isFooterLine(values)).toBe(false);
	});
});
