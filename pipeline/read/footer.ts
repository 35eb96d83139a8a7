/**
 * Lines below the data that are not registrations: the total ("Tổng cộng: 3 công dân") and the
 * signature block ("Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "Hà Tĩnh, ngày
 * 30 tháng 11 năm 2023"), written in whatever column the template put them. A line is one only
 * when every value it has is such a phrase (or, on a total line, a number), so a row with any
 * real value (a district, a date, a status) stays data and is rejected with its reason.
 */
import { fold } from '../text.ts';

/** Folded phrases a footer cell starts with (followed by nothing or by more words). */
const PHRASES = [
	'tong cong',
	'tong so',
	'nguoi lap bieu',
	'nguoi lap',
	'nguoi tong hop',
	'nguoi kiem tra',
	'thu truong',
	'ke toan',
	'thu quy',
	'giam doc',
	'pho giam doc',
	'chu tich',
	'pho chu tich',
	'truong phong',
	'lanh dao',
	'xac nhan',
	'ky ghi ro ho ten',
	'ky ten',
	'ky va ghi ro ho ten',
	'ky dong dau',
	'ky ho ten'
];
const TOTALS = ['tong cong', 'tong so'];
/** "Ngày … tháng … năm …", blank or filled, after a place name or not. */
const SIGNED_ON = /(^|\s)ngay( \d{1,2})? thang( \d{1,2})? nam( \d{4})?$/;
/** A count on a total line: 3, 1.234, 1,234. */
const COUNT = /^\d{1,3}([.,\s]?\d{3})*$/;

function startsWithPhrase(key: string, phrases: readonly string[]): boolean {
	return phrases.some((p) => key === p || key.startsWith(`${p} `));
}

/** Whether the non-empty values of a row (without an ID) make a total or signature line. */
export function isFooterLine(values: readonly (string | null)[]): boolean {
	const keys = values.filter((v): v is string => v !== null && v.trim() !== '').map(fold);
	if (keys.length === 0) return false;
	const total = keys.some((k) => startsWithPhrase(k, TOTALS));
	return keys.every(
		(k) => startsWithPhrase(k, PHRASES) || SIGNED_ON.test(k) || (total && COUNT.test(k))
	);
}
