/**
 * The shapes the programme's software (and the people re-saving its files) give an export: one
 * shape per demo snapshot, so the demo exercises every header variant, encoding and date form.
 */
import type { IsoDate } from '../../src/lib/dates.ts';
import type { CsvEncoding } from './csv-writer.ts';
import { STATUS_WORDS, type DateForm, type StatusWords } from './variants.ts';

export type Field =
	| 'stt'
	| 'fullName'
	| 'birthDate'
	| 'birthYear'
	| 'gender'
	| 'idNumber'
	| 'phone'
	| 'group'
	| 'workplace'
	| 'commune'
	| 'district'
	| 'registeredOn'
	| 'status'
	| 'recognisedOn'
	| 'digitalSkills';

export interface Shape {
	format: 'xlsx' | 'csv';
	encoding: CsvEncoding;
	delimiter: string;
	fields: Field[];
	/** Header labels, one row; or two rows where the top row groups columns (merged cells). */
	header: string[] | { top: string[]; bottom: string[] };
	titles: (asOf: IsoDate) => string[];
	dates: DateForm;
	/** ID numbers typed as numbers in Excel: the leading zero is lost. */
	idAsNumber: boolean;
	statusWords: StatusWords;
	footer: boolean;
	/** Text in decomposed Unicode, as exported on a Mac. */
	nfd: boolean;
}

const CANONICAL_FIELDS: Field[] = [
	'stt',
	'fullName',
	'birthDate',
	'gender',
	'idNumber',
	'phone',
	'group',
	'workplace',
	'commune',
	'district',
	'registeredOn',
	'status',
	'recognisedOn',
	'digitalSkills'
];

export const CANONICAL_HEADER = [
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

const dmy = (asOf: IsoDate) => asOf.split('-').reverse().join('/');

const standardTitles = (asOf: IsoDate) => [
	'DANH SÁCH CÔNG DÂN ĐĂNG KÝ CÔNG DÂN HỌC TẬP',
	'Tỉnh Hà Tĩnh',
	`Tính đến ngày ${dmy(asOf)}`
];

/** The canonical export: the bench files and the first demo snapshot. */
export const CANONICAL: Shape = {
	format: 'xlsx',
	encoding: 'utf8',
	delimiter: ',',
	fields: CANONICAL_FIELDS,
	header: CANONICAL_HEADER,
	titles: standardTitles,
	dates: 'excel',
	idAsNumber: false,
	statusWords: STATUS_WORDS[0]!,
	footer: true,
	nfd: false
};

/** One shape per monthly snapshot, June to December 2023. */
export const SNAPSHOT_SHAPES: Shape[] = [
	CANONICAL,
	{
		...CANONICAL,
		format: 'csv',
		encoding: 'utf8-bom',
		delimiter: ',',
		header: [
			'TT',
			'Họ tên',
			'Ngày tháng năm sinh',
			'Giới',
			'CCCD/CMND',
			'SĐT',
			'Nhóm đối tượng',
			'Đơn vị công tác',
			'Xã',
			'Huyện',
			'Ngày ĐK',
			'Kết quả',
			'Ngày đạt',
			'Có kỹ năng số'
		],
		dates: 'dmy',
		statusWords: STATUS_WORDS[1]!
	},
	{
		...CANONICAL,
		header: {
			top: [
				'STT',
				'Họ và tên',
				'Ngày sinh',
				'Giới tính',
				'Số định danh cá nhân',
				'Điện thoại',
				'Đối tượng',
				'Nơi công tác',
				'Địa chỉ thường trú',
				'',
				'Thông tin đăng ký',
				'',
				'',
				'Kỹ năng số'
			],
			bottom: [
				'',
				'',
				'',
				'',
				'',
				'',
				'',
				'',
				'Xã/Phường',
				'Quận/Huyện',
				'Ngày đăng ký',
				'Trạng thái',
				'Ngày công nhận',
				''
			]
		},
		dates: 'mixed',
		idAsNumber: true,
		statusWords: STATUS_WORDS[2]!
	},
	{
		...CANONICAL,
		format: 'csv',
		encoding: 'utf16le',
		delimiter: '\t',
		header: CANONICAL_HEADER.map((h) => h.toUpperCase()),
		dates: 'iso',
		statusWords: STATUS_WORDS[1]!,
		footer: false
	},
	{
		...CANONICAL,
		format: 'csv',
		encoding: 'windows-1258',
		delimiter: ';',
		header: [
			'STT',
			'Ho va ten',
			'Ngay sinh',
			'Gioi tinh',
			'So CCCD',
			'So dien thoai',
			'Doi tuong',
			'Co quan cong tac',
			'Xa/Phuong/Thi tran',
			'Huyen/Thi xa/Thanh pho',
			'Ngay dang ky',
			'Trang thai',
			'Ngay cong nhan',
			'Ky nang so'
		],
		dates: 'dmy',
		statusWords: STATUS_WORDS[0]!
	},
	{
		...CANONICAL,
		fields: [
			'stt',
			'idNumber',
			'fullName',
			'birthYear',
			'gender',
			'group',
			'workplace',
			'district',
			'commune',
			'registeredOn',
			'status',
			'recognisedOn',
			'digitalSkills'
		],
		header: [
			'STT',
			'Số CCCD/CMND',
			'Họ và tên',
			'Năm sinh',
			'Giới tính',
			'Đối tượng',
			'Cơ quan công tác',
			'Huyện/Thị xã',
			'Xã/Phường/Thị trấn',
			'Ngày đăng ký',
			'Trạng thái',
			'Ngày công nhận',
			'Kỹ năng số'
		],
		titles: (asOf) => [
			'HỘI KHUYẾN HỌC TỈNH HÀ TĨNH',
			'DANH SÁCH CÔNG DÂN HỌC TẬP',
			`Số liệu tính đến ${dmy(asOf)}`
		],
		dates: 'dmyShort',
		statusWords: STATUS_WORDS[2]!
	},
	{
		...CANONICAL,
		format: 'csv',
		encoding: 'utf8',
		delimiter: ';',
		titles: (asOf) => [
			'DANH SÁCH CÔNG DÂN ĐĂNG KÝ CÔNG DÂN HỌC TẬP',
			`(Tính đến ngày ${dmy(asOf)})`
		],
		dates: 'dmy',
		statusWords: STATUS_WORDS[1]!,
		nfd: true
	}
];
