/**
 * Why a row of an export was not loaded. The pipeline stores the code; the dashboard and the
 * command line word it.
 */
import type { Localised } from './targets.ts';

export const REJECT_REASONS = [
	'missing_id',
	'malformed_id',
	'missing_district',
	'unknown_district',
	'ambiguous_district',
	'missing_registered_date',
	'bad_date',
	'date_order',
	'future_date',
	'missing_status',
	'unknown_status',
	'duplicate'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_LABELS: Record<RejectReason, Localised> = {
	missing_id: { vi: 'thiếu số CCCD/CMND', en: 'ID number missing' },
	malformed_id: {
		vi: 'số CCCD/CMND không hợp lệ (cần 12 hoặc 9 chữ số)',
		en: 'ID number malformed (12 or 9 digits expected)'
	},
	missing_district: { vi: 'thiếu huyện/thị xã/thành phố', en: 'district missing' },
	unknown_district: {
		vi: 'không có huyện này trong danh mục',
		en: 'district not in the unit list'
	},
	ambiguous_district: {
		vi: 'tên huyện ứng với nhiều đơn vị: ghi rõ “Huyện”, “Thị xã” hay “Thành phố”, hoặc viết đủ dấu',
		en: 'the district name fits several units: say "Huyện", "Thị xã" or "Thành phố", or write its diacritics'
	},
	missing_registered_date: { vi: 'thiếu ngày đăng ký', en: 'registration date missing' },
	bad_date: { vi: 'ngày không hợp lệ', en: 'not a valid date' },
	date_order: { vi: 'ngày công nhận trước ngày đăng ký', en: 'recognised before registering' },
	future_date: { vi: 'ngày sau ngày số liệu', en: 'date after the as-of date' },
	missing_status: { vi: 'thiếu trạng thái', en: 'status missing' },
	unknown_status: { vi: 'trạng thái không xác định', en: 'unknown status' },
	duplicate: {
		vi: 'trùng người đã có ở dòng trước trong cùng tệp',
		en: 'same person as an earlier row of the file'
	}
};
