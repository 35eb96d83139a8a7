/**
 * What the pipeline says, in Vietnamese (the default) and English (`--lang en`).
 */
import { REJECT_LABELS, type RejectReason } from '../src/lib/rejects.ts';
import type { ImportError, Place } from './errors.ts';

export type Lang = 'vi' | 'en';
export type MessageParams = Record<string, string | number>;

type Text = (p: MessageParams) => string;

const MESSAGES = {
	not_found: { vi: () => 'không tìm thấy tệp', en: () => 'file not found' },
	unsupported_format: {
		vi: () => 'không phải tệp CSV hay XLSX',
		en: () => 'not a CSV or XLSX file'
	},
	corrupt_file: {
		vi: (p) => `tệp bị hỏng, không đọc được (${p.detail})`,
		en: (p) => `the file is damaged and cannot be read (${p.detail})`
	},
	no_header: {
		vi: (p) => `không tìm thấy dòng tiêu đề cột; cần ít nhất các cột ${p.columns}`,
		en: (p) => `no header row found; at least these columns are needed: ${p.columns}`
	},
	missing_columns: {
		vi: (p) => `thiếu cột ${p.columns} (các cột có: ${p.found})`,
		en: (p) => `missing columns ${p.columns} (columns found: ${p.found})`
	},
	no_sheet: {
		vi: () => 'không trang tính nào có danh sách đăng ký',
		en: () => 'no sheet holds a registration list'
	},
	no_as_of: {
		vi: () =>
			'không biết số liệu tính đến ngày nào: thêm --as-of YYYY-MM-DD, hoặc dòng “Tính đến ngày dd/mm/yyyy” trên tiêu đề',
		en: () =>
			'the as-of date is unknown: add --as-of YYYY-MM-DD, or a title line "Tính đến ngày dd/mm/yyyy"'
	},
	csv_malformed: {
		vi: (p) => `dòng CSV không đọc được (${p.detail})`,
		en: (p) => `unreadable CSV line (${p.detail})`
	},
	csv_unclosed_quote: {
		vi: () =>
			'dấu ngoặc kép mở ở ô này không được đóng lại: phần còn lại của tệp sẽ bị đọc thành một ô',
		en: () =>
			'a quote opened in this cell is never closed: the rest of the file would read as one cell'
	},
	no_rows: { vi: () => 'không có dòng dữ liệu nào', en: () => 'no data rows' },
	no_units: {
		vi: () => 'chưa có danh mục đơn vị: chạy trước “npm run pipeline -- units <tệp>”',
		en: () => 'no unit list yet: run "npm run pipeline -- units <file>" first'
	},
	no_database: {
		vi: () => 'chưa có cơ sở dữ liệu: nạp danh mục đơn vị và nhập số liệu trước',
		en: () => 'no database yet: load a unit list and import exports first'
	},
	no_import: {
		vi: (p) => `không có lượt nhập #${p.id} (xem “imports”)`,
		en: (p) => `there is no import #${p.id} (see "imports")`
	},
	no_preset: {
		vi: (p) => `không có bộ chỉ tiêu “${p.id}” (có: ${p.ids})`,
		en: (p) => `no target preset "${p.id}" (available: ${p.ids})`
	},
	locked: {
		vi: (p) => `đang có lượt nhập khác (tiến trình ${p.pid}); chờ xong rồi thử lại`,
		en: (p) => `another import is running (process ${p.pid}); try again when it ends`
	},
	bad_value: {
		vi: (p) => `giá trị không hợp lệ “${p.value}”: ${p.expected}`,
		en: (p) => `invalid value "${p.value}": ${p.expected}`
	},
	unknown_unit: {
		vi: (p) =>
			`không có đơn vị “${p.value}” trong danh mục${p.suggestions ? `; có phải: ${p.suggestions}?` : ''}`,
		en: (p) =>
			`no unit "${p.value}" in the unit list${p.suggestions ? `; did you mean: ${p.suggestions}?` : ''}`
	},
	duplicate_code: {
		vi: (p) => `mã đơn vị “${p.value}” đã có ở dòng ${p.first}`,
		en: (p) => `unit code "${p.value}" already used on row ${p.first}`
	},
	bad_parent: {
		vi: (p) =>
			`đơn vị cấp trên “${p.value}” ${p.reason === 'missing' ? 'không có trong danh mục' : `không thể là cấp trên của ${p.kind}`}`,
		en: (p) =>
			`parent unit "${p.value}" ${p.reason === 'missing' ? 'is not in the list' : `cannot be the parent of a ${p.kind}`}`
	},
	one_province: {
		vi: (p) => `danh mục cần đúng một đơn vị cấp tỉnh (có ${p.count})`,
		en: (p) => `the list needs exactly one province (found ${p.count})`
	},
	units_in_use: {
		vi: (p) =>
			`danh mục mới bỏ ${p.count} đơn vị đang có số liệu đăng ký (${p.codes}); giữ lại các đơn vị này`,
		en: (p) =>
			`the new list drops ${p.count} units that registrations refer to (${p.codes}); keep them`
	},
	no_report_data: {
		vi: (p) =>
			`chưa có số liệu cho ${p.month}: chưa nhập tệp xuất nào từ tháng này trở đi (xem “imports”)`,
		en: (p) =>
			`no figures for ${p.month} yet: no export from that month or later has been imported (see "imports")`
	},
	no_chromium: {
		vi: (p) =>
			`không tìm thấy Chromium ở ${p.path} để in báo cáo PDF: cài gói chromium, đặt CDHT_CHROMIUM, hoặc chọn --format docx`,
		en: (p) =>
			`no Chromium at ${p.path} to print the PDF report: install chromium, set CDHT_CHROMIUM, or use --format docx`
	},
	cannot_write: {
		vi: (p) => `không ghi được tệp (${p.detail})`,
		en: (p) => `cannot write the file (${p.detail})`
	}
} satisfies Record<string, Record<Lang, Text>>;

export type MessageKey = keyof typeof MESSAGES;

export function message(key: MessageKey, params: MessageParams, lang: Lang): string {
	return MESSAGES[key][lang](params);
}

export function rejectText(reason: RejectReason, lang: Lang): string {
	return REJECT_LABELS[reason][lang];
}

/** "tệp dk.xlsx, trang “Danh sách”, dòng 12, cột “Số CCCD”" */
export function placeText(place: Place, lang: Lang): string {
	const parts: string[] = [];
	const vi = lang === 'vi';
	if (place.file) parts.push(`${vi ? 'tệp' : 'file'} ${place.file}`);
	if (place.sheet) parts.push(vi ? `trang “${place.sheet}”` : `sheet "${place.sheet}"`);
	if (place.row !== undefined) parts.push(`${vi ? 'dòng' : 'row'} ${place.row}`);
	if (place.column) parts.push(vi ? `cột “${place.column}”` : `column "${place.column}"`);
	return parts.join(', ');
}

export function errorText(error: ImportError, lang: Lang): string {
	const where = placeText(error.place, lang);
	const what = message(error.key, error.params, lang);
	return where ? `${where}: ${what}` : what;
}
