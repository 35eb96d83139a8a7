/**
 * The fields of a registration export and the header labels each goes by. This table is the one
 * place header synonyms live; labels are compared after folding case, diacritics and punctuation
 * (see ../text.ts), so "SỐ CCCD", "Số CCCD" and "So CCCD" are one entry.
 */
import { fold } from '../text.ts';

export const FIELDS = [
	'idNumber',
	'district',
	'commune',
	'workplace',
	'group',
	'registeredOn',
	'status',
	'recognisedOn',
	'digitalSkills',
	'birthDate',
	'fullName',
	'phone',
	'gender',
	'stt'
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields the pipeline keeps (in some form); the rest are recognised only to be dropped. */
export const KEPT_FIELDS = [
	'idNumber',
	'district',
	'commune',
	'workplace',
	'group',
	'registeredOn',
	'status',
	'recognisedOn',
	'digitalSkills',
	'birthDate'
] as const satisfies readonly Field[];
export type KeptField = (typeof KEPT_FIELDS)[number];

/** Without these a file cannot be read at all. */
export const REQUIRED_FIELDS: readonly Field[] = ['idNumber', 'district', 'registeredOn', 'status'];

export const HEADER_SYNONYMS: Record<Field, string[]> = {
	stt: ['STT', 'TT', 'Số TT', 'Số thứ tự'],
	fullName: [
		'Họ và tên',
		'Họ tên',
		'Họ và tên công dân',
		'Tên công dân',
		'Họ và tên người đăng ký'
	],
	birthDate: ['Ngày sinh', 'Ngày tháng năm sinh', 'Năm sinh', 'Ngày/tháng/năm sinh', 'NS'],
	gender: ['Giới tính', 'Giới', 'Nam/Nữ'],
	idNumber: [
		'Số CCCD',
		'CCCD',
		'Số CCCD/CMND',
		'CCCD/CMND',
		'CMND/CCCD',
		'Số CMND/CCCD',
		'Số CMND',
		'CMND',
		'Số định danh',
		'Số định danh cá nhân',
		'Mã định danh',
		'Căn cước công dân',
		'Số căn cước'
	],
	phone: ['Số điện thoại', 'SĐT', 'SDT', 'Điện thoại', 'Di động', 'Số di động'],
	group: ['Đối tượng', 'Nhóm đối tượng', 'Thành phần', 'Đối tượng đăng ký'],
	workplace: [
		'Cơ quan/đơn vị công tác',
		'Cơ quan, đơn vị công tác',
		'Đơn vị công tác',
		'Cơ quan công tác',
		'Nơi công tác',
		'Cơ quan/đơn vị',
		'Đơn vị'
	],
	commune: [
		'Xã/Phường/Thị trấn',
		'Xã/Phường',
		'Phường/Xã',
		'Xã',
		'Phường/Xã/Thị trấn',
		'Đơn vị hành chính cấp xã',
		'Cấp xã'
	],
	district: [
		'Huyện/Thị xã/Thành phố',
		'Huyện/Thành phố/Thị xã',
		'Huyện/Thị xã',
		'Quận/Huyện',
		'Huyện',
		'Quận/Huyện/Thị xã',
		'Đơn vị hành chính cấp huyện',
		'Cấp huyện'
	],
	registeredOn: ['Ngày đăng ký', 'Ngày ĐK', 'Thời gian đăng ký', 'Ngày đăng kí'],
	status: ['Trạng thái', 'Kết quả', 'Tình trạng', 'Kết quả đánh giá', 'Trạng thái công nhận'],
	recognisedOn: ['Ngày công nhận', 'Ngày đạt', 'Ngày được công nhận', 'Ngày công nhận danh hiệu'],
	digitalSkills: ['Kỹ năng số', 'Có kỹ năng số', 'KNS', 'Kĩ năng số']
};

const BY_LABEL = new Map<string, Field>(
	(Object.entries(HEADER_SYNONYMS) as [Field, string[]][]).flatMap(([field, labels]) =>
		labels.map((label) => [fold(label), field] as const)
	)
);

/** The field a header label names, or null. */
export function fieldForLabel(label: string): Field | null {
	return BY_LABEL.get(fold(label)) ?? null;
}
