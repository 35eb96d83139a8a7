/**
 * What the pipeline says, in Vietnamese (the default) and English (`--lang en`).
 */
import { REJECT_LABELS, type RejectReason } from '../src/lib/rejects.ts';
import type { AccountError, AccountErrorCode } from '../src/lib/server/accounts/users.ts';
import type { ImportError, Place } from './errors.ts';
import { visible } from './tty.ts';

export type Lang = 'vi' | 'en';
export type MessageParams = Record<string, string | number>;

type Text = (p: MessageParams) => string;

const FIELD_WORDS: Record<string, Record<Lang, string>> = {
	district: { vi: 'huyện', en: 'district' },
	commune: { vi: 'xã', en: 'commune' },
	workplace: { vi: 'nơi công tác', en: 'workplace' },
	group: { vi: 'đối tượng', en: 'group' }
};

/** Causes of system errors (Node's error codes) a user can act on. */
const SYSTEM_CAUSES: Record<string, Record<Lang, string>> = {
	ENOSPC: {
		vi: 'ổ đĩa đã đầy, giải phóng chỗ rồi chạy lại',
		en: 'the disk is full; free some space and run again'
	},
	EDQUOT: { vi: 'hết hạn mức ổ đĩa', en: 'the disk quota is used up' },
	EACCES: { vi: 'không có quyền đọc hay ghi', en: 'permission denied' },
	EPERM: { vi: 'không có quyền đọc hay ghi', en: 'permission denied' },
	EROFS: { vi: 'ổ đĩa chỉ đọc', en: 'the file system is read-only' },
	ENAMETOOLONG: {
		vi: 'tên tệp quá dài, đặt tên ngắn hơn',
		en: 'the file name is too long; rename it shorter'
	},
	ENOMEM: { vi: 'hết bộ nhớ', en: 'out of memory' },
	EMFILE: { vi: 'mở quá nhiều tệp cùng lúc', en: 'too many open files' },
	EISDIR: { vi: 'là một thư mục, không phải tệp', en: 'a folder, not a file' },
	ENOTREG: {
		vi: 'không phải một tệp thường (thiết bị, ống hay thư mục)',
		en: 'not a regular file (a device, pipe or folder)'
	}
};

/** "district, commune" (name fields, as keys) in words. */
function fieldWords(fields: string | number | undefined, lang: Lang): string {
	return String(fields ?? '')
		.split(', ')
		.map((f) => FIELD_WORDS[f]?.[lang] ?? f)
		.join(', ');
}

const MESSAGES = {
	not_found: { vi: () => 'không tìm thấy tệp', en: () => 'file not found' },
	not_regular_file: {
		vi: () =>
			'không phải một tệp thường (là thiết bị, ống dẫn hay thư mục): lưu bản xuất thành tệp rồi nhập tệp đó',
		en: () =>
			'not a regular file (a device, pipe or folder); save the export as a file and import that'
	},
	unsupported_format: {
		vi: () => 'không phải tệp CSV hay XLSX',
		en: () => 'not a CSV or XLSX file'
	},
	ods_file: {
		vi: () =>
			'đây là tệp OpenDocument (.ods), không đọc được: mở tệp trong Excel hoặc LibreOffice và lưu thành .xlsx',
		en: () =>
			'this is an OpenDocument spreadsheet (.ods), which cannot be read: open it in Excel or LibreOffice and save it as .xlsx'
	},
	xls_file: {
		vi: () =>
			'đây là tệp Excel cũ (.xls), không đọc được: mở tệp trong Excel hoặc LibreOffice và lưu thành .xlsx',
		en: () =>
			'this is an old Excel workbook (.xls), which cannot be read: open it in Excel or LibreOffice and save it as .xlsx'
	},
	corrupt_file: {
		vi: (p) => `tệp bị hỏng, không đọc được (${p.detail})`,
		en: (p) => `the file is damaged and cannot be read (${p.detail})`
	},
	no_header: {
		vi: (p) => `không tìm thấy dòng tiêu đề cột; cần ít nhất các cột ${p.columns}`,
		en: (p) => `no header row found; at least these columns are needed: ${p.columns}`
	},
	no_unit_header: {
		vi: () =>
			'không tìm thấy dòng tiêu đề cột: danh mục đơn vị cần các cột “code”, “name”, “kind” (hoặc “Mã”, “Tên”, “Loại”); danh mục GSO cần “province_code”, “province_name”, “district_code”, “district_name”',
		en: () =>
			'no header row found: a unit list needs the columns "code", "name", "kind"; a GSO catalogue needs "province_code", "province_name", "district_code", "district_name"'
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
			'không biết số liệu tính đến ngày nào: thêm --as-of YYYY-MM-DD, dòng “Tính đến ngày dd/mm/yyyy” trên tiêu đề, hoặc ngày trong tên tệp (…_31-10-2023.xlsx)',
		en: () =>
			'the as-of date is unknown: add --as-of YYYY-MM-DD, a title line "Tính đến ngày dd/mm/yyyy", or a date in the file name (…_31-10-2023.xlsx)'
	},
	same_as_of: {
		vi: (p) =>
			`cùng ngày số liệu ${p.date} với tệp ${p.other}: không biết tệp nào là bản đúng; nhập từng tệp một, tệp cần giữ nhập sau cùng`,
		en: (p) =>
			`same as-of date ${p.date} as the file ${p.other}: which one is the correction is unknown; import them one by one, the one to keep last`
	},
	no_such_name: {
		vi: (p) =>
			`không lượt nhập nào có tên “${p.name}” (xem “npm run pipeline -- names”; chép đúng tên như trong danh sách)`,
		en: (p) =>
			`no import holds the name "${p.name}" (see "npm run pipeline -- names"; copy the name as listed)`
	},
	no_such_code: {
		vi: (p) =>
			`không có đơn vị hay đối tượng mã “${p.code}” (mã đơn vị: xem danh mục; mã đối tượng: groups.csv)`,
		en: (p) =>
			`no unit or group has the code "${p.code}" (unit codes: see the unit list; group codes: groups.csv)`
	},
	name_not_in_field: {
		vi: (p) =>
			`“${p.name}” không phải tên loại đơn vị như “${p.code}” (tên này ghi ở cột: ${fieldWords(p.fields, 'vi')}); chọn mã đúng loại`,
		en: (p) =>
			`"${p.name}" is not written where a unit like "${p.code}" is named (it appears as: ${fieldWords(p.fields, 'en')}); choose a code of that kind`
	},
	name_not_open: {
		vi: (p) => `tên “${p.name}” không nằm trong danh sách tên chưa khớp (xem “names”)`,
		en: (p) => `"${p.name}" is not among the unmatched names (see "names")`
	},
	no_decision: {
		vi: (p) => `chưa có quyết định nào về tên “${p.name}”`,
		en: (p) => `there is no decision on the name "${p.name}"`
	},
	name_for_province: {
		vi: (p) =>
			`“${p.code}” là cấp tỉnh: một tên chỉ có thể ứng với huyện, xã, cơ quan hoặc đơn vị vũ trang`,
		en: (p) =>
			`"${p.code}" is the province: a name can only mean a district, commune, agency or armed-force unit`
	},
	other_province: {
		vi: (p) =>
			`không dòng nào khớp với huyện nào của danh mục (${p.rows} dòng, ví dụ ${p.names}): có phải tệp xuất của tỉnh khác? Không nhập gì`,
		en: (p) =>
			`no row matches any district of the unit list (${p.rows} rows, e.g. ${p.names}): is this another province's export? Nothing was imported`
	},
	csv_malformed: {
		vi: (p) => `dòng CSV không đọc được (${p.detail})`,
		en: (p) => `unreadable CSV line (${p.detail})`
	},
	csv_out_of_memory: {
		vi: (p) =>
			`không đủ bộ nhớ để đọc tệp (giới hạn ${p.limit}): đặt CDHT_MEMORY_LIMIT lớn hơn (ví dụ CDHT_MEMORY_LIMIT=2GB) rồi chạy lại. Không nhập gì`,
		en: (p) =>
			`not enough memory to read the file (limit ${p.limit}): set CDHT_MEMORY_LIMIT higher (e.g. CDHT_MEMORY_LIMIT=2GB) and run again. Nothing was imported`
	},
	csv_reader_ended: {
		vi: (p) =>
			`tiến trình đọc tệp dừng giữa chừng (${p.detail}): không nhập gì, chạy lại lệnh; nếu vẫn lỗi, đặt CDHT_MEMORY_LIMIT lớn hơn`,
		en: (p) =>
			`the process reading the file stopped half way (${p.detail}): nothing was imported; run the command again, and if it fails again set CDHT_MEMORY_LIMIT higher`
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
	no_presets: {
		vi: (p) =>
			`chưa có bộ chỉ tiêu nào trong ${p.dir}: tạo bằng “npm run pipeline -- setup” hoặc chép một tệp chỉ tiêu .json vào đó`,
		en: (p) =>
			`there is no target preset in ${p.dir}: make one with "npm run pipeline -- setup" or copy a preset .json there`
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
	other_province_units: {
		vi: (p) =>
			`danh mục này là của ${p.list}, còn cơ sở dữ liệu ${p.db} đang giữ số liệu của ${p.held}: mỗi tỉnh một thư mục dữ liệu riêng. Tạo thư mục cho tỉnh mới bằng “npm run pipeline -- setup --province ${p.code} --units <danh mục GSO> --boundaries <ranh giới> --out <thư mục>”, rồi thêm “--data <thư mục>” vào mọi lệnh. Không thay đổi gì`,
		en: (p) =>
			`this list is ${p.list}'s, but the database ${p.db} holds ${p.held}'s figures: each province needs its own data directory. Create one with "npm run pipeline -- setup --province ${p.code} --units <GSO catalogue> --boundaries <boundaries> --out <dir>", then add "--data <dir>" to every command. Nothing changed`
	},
	several_provinces: {
		vi: (p) =>
			`danh mục có ${p.count} tỉnh (${p.examples}, …): chọn tỉnh bằng --province <mã tỉnh GSO>`,
		en: (p) =>
			`the catalogue holds ${p.count} provinces (${p.examples}, …): choose one with --province <GSO province code>`
	},
	no_such_province: {
		vi: (p) => `danh mục không có tỉnh mã “${p.code}” (có: ${p.examples}, …)`,
		en: (p) => `the catalogue has no province with code "${p.code}" (it has: ${p.examples}, …)`
	},
	list_province: {
		vi: (p) => `danh mục là của ${p.list}, không phải tỉnh mã “${p.code}” (--province)`,
		en: (p) => `the list is ${p.list}'s, not the province with code "${p.code}" (--province)`
	},
	not_geojson: {
		vi: (p) =>
			`không phải tệp ranh giới GeoJSON (FeatureCollection, mỗi vùng có thuộc tính code, name, province_code): ${p.detail}`,
		en: (p) =>
			`not a GeoJSON boundary file (a FeatureCollection whose features have code, name, province_code): ${p.detail}`
	},
	setup_exists: {
		vi: (p) =>
			`${p.dir} đã có config.json: chọn thư mục khác (--out <thư mục>) hoặc thêm --force để ghi đè (bản cũ giữ lại dạng .bak)`,
		en: (p) =>
			`${p.dir} already has a config.json: choose another directory (--out <dir>) or add --force to write over it (old versions kept as .bak)`
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
	cell_too_large: {
		vi: (p) =>
			`ô dài quá ${p.limit} ký tự (giới hạn của Excel): tệp hỏng hoặc không do bảng tính tạo ra, không đọc`,
		en: (p) =>
			`a cell longer than ${p.limit} characters (Excel's limit): a damaged file or not written by a spreadsheet; not read`
	},
	rows_unaccounted: {
		vi: (p) =>
			`đọc được ${p.read} dòng dữ liệu khác nhau trong khi tệp có ${p.expected}: có dòng sẽ bị mất hoặc trùng số dòng, không nhập (mở tệp bằng Excel, lưu lại rồi nhập tệp đó)`,
		en: (p) =>
			`read ${p.read} distinct data rows where the file has ${p.expected}: rows would be lost or numbered twice; not imported (open the file in Excel, save it again and import that)`
	},
	row_too_large: {
		vi: (p) =>
			`hàng dài quá ${p.megabytes} MB khi giải nén (một ô khổng lồ: tệp hỏng hoặc bom zip), không đọc`,
		en: (p) =>
			`a row longer than ${p.megabytes} MB inflated (a giant cell: a damaged file or a zip bomb); not read`
	},
	row_too_wide: {
		vi: (p) =>
			`hàng có ô vượt quá cột thứ ${p.limit}: tệp hỏng hoặc không do bảng tính tạo ra, không đọc (giới hạn mặc định là của Excel, 16384 cột; CDHT_XLSX_MAX_COLUMNS đặt giới hạn khác)`,
		en: (p) =>
			`a row with a cell beyond column ${p.limit}: a damaged file or not written by a spreadsheet; not read (the limit is Excel's 16384 columns unless CDHT_XLSX_MAX_COLUMNS sets another)`
	},
	xlsx_part_too_large: {
		vi: (p) =>
			`phần ${p.part} của tệp khi giải nén vượt quá giới hạn ${p.megabytes} MB (tệp hỏng hoặc bom zip), không đọc`,
		en: (p) =>
			`part ${p.part} inflates beyond the ${p.megabytes} MB limit (a damaged file or a zip bomb); not read`
	},
	system_error: {
		vi: (p) => `lỗi hệ thống: ${SYSTEM_CAUSES[p.code as string]?.vi ?? p.detail}`,
		en: (p) => `system error: ${SYSTEM_CAUSES[p.code as string]?.en ?? p.detail}`
	},
	cannot_write: {
		vi: (p) => `không ghi được tệp (${p.detail})`,
		en: (p) => `cannot write the file (${p.detail})`
	},
	audit_failed: {
		vi: (p) => `đã thay đổi xong nhưng không ghi được vào nhật ký (${p.detail})`,
		en: (p) => `the change is made but could not be written to the audit log (${p.detail})`
	},
	no_such_preset: {
		vi: (p) => `không có bộ chỉ tiêu mã “${p.id}” (đang có: ${p.ids})`,
		en: (p) => `no preset has the id "${p.id}" (there are: ${p.ids})`
	},
	default_preset: {
		vi: (p) =>
			`“${p.id}” là bộ chỉ tiêu mặc định (defaultPreset trong config.json): đổi bộ mặc định trước khi xóa`,
		en: (p) =>
			`"${p.id}" is the default preset (defaultPreset in config.json): choose another default before removing it`
	},
	last_preset: {
		vi: (p) => `“${p.id}” là bộ chỉ tiêu duy nhất: trang theo dõi cần ít nhất một bộ`,
		en: (p) => `"${p.id}" is the only preset: the dashboard needs at least one`
	}
} satisfies Record<string, Record<Lang, Text>>;

export type MessageKey = keyof typeof MESSAGES;

/** Data-derived text (file, unit and column names) with its control characters escaped. */
function visibleParams<T extends object>(params: T): T {
	return Object.fromEntries(
		Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v])
	) as T;
}

export function message(key: MessageKey, params: MessageParams, lang: Lang): string {
	return MESSAGES[key][lang](visibleParams(params));
}

/** What the commands print besides errors. */
const SAY = {
	wrote: { vi: (p) => `→ đã ghi ${p.db}`, en: (p) => `→ written to ${p.db}` },
	setupDone: {
		vi: (p) => `${p.province}: ${p.districts} đơn vị cấp huyện, ${p.communes} đơn vị cấp xã`,
		en: (p) => `${p.province}: ${p.districts} district-level, ${p.communes} commune-level units`
	},
	setupBoundaryOnly: {
		vi: (p) => `  ${p.unit}: không có xã trong danh mục GSO, lấy từ tệp ranh giới`,
		en: (p) => `  ${p.unit}: no commune in the GSO catalogue, taken from the boundary file`
	},
	setupNoShapes: {
		vi: () => '! tệp ranh giới không có huyện nào của tỉnh này: bản đồ sẽ ghi “chưa có ranh giới”',
		en: () => '! the boundary file has no district of this province: the map will say "no boundary"'
	},
	setupBackup: {
		vi: (p) => `  bản cũ giữ lại: ${p.file}`,
		en: (p) => `  previous version kept: ${p.file}`
	},
	setupNext: {
		vi: (p) =>
			`Điền số đối tượng, cơ quan và lực lượng vũ trang theo ${p.readme}, rồi: npm run pipeline -- units ${p.dir}/units.csv --data ${p.dir}`,
		en: (p) =>
			`Fill in the eligible counts, agencies and armed-force units as ${p.readme} says, then: npm run pipeline -- units ${p.dir}/units.csv --data ${p.dir} --lang en`
	},
	dryRun: {
		vi: (p) => `Chạy thử (--dry-run): không ghi gì vào ${p.db}.`,
		en: (p) => `Dry run: nothing written to ${p.db}.`
	},
	nothingNew: {
		vi: (p) => `Không có gì mới để nhập; ${p.db} không thay đổi.`,
		en: (p) => `Nothing new to import; ${p.db} is unchanged.`
	},
	asOfFromName: {
		vi: () => ' (theo ngày trong tên tệp)',
		en: () => ' (from the date in the file name)'
	},
	asOfTyped: { vi: () => ' (theo --as-of)', en: () => ' (from --as-of)' },
	titleDisagrees: {
		vi: (p) =>
			`--as-of ${p.typed} khác ngày trên tiêu đề tệp (${p.title}): kiểm tra lại ngày số liệu`,
		en: (p) =>
			`--as-of ${p.typed} differs from the date in the file's title (${p.title}): check the as-of date`
	},
	replaced: {
		vi: (p) => `nhập lại (--again): thay cho lượt #${p.id} của cùng tệp`,
		en: (p) => `read again (--again): replaces import #${p.id} of the same file`
	},
	sameAsOf: {
		vi: (p) =>
			`cùng ngày số liệu với ${p.imports}: lượt này nhập sau nên được tính, cho những người có trong cả hai`,
		en: (p) => `same as-of date as ${p.imports}: this later import counts for the people in both`
	},
	rematched: {
		vi: () =>
			'Danh mục đơn vị, từ vựng hoặc quyết định về tên đã thay đổi: đã đối chiếu lại mọi lượt nhập đã lưu.',
		en: () =>
			'The unit list, the vocabulary or a decision on names changed: every stored import was matched again.'
	},
	movedNothing: {
		vi: () => 'Số liệu không thay đổi.',
		en: () => 'No figure changed.'
	},
	moved: {
		vi: (p) => `Số liệu thay đổi (đến ${p.date}), ${p.units} đơn vị:`,
		en: (p) => `Figures that changed (as of ${p.date}), ${p.units} units:`
	},
	moveCounts: {
		vi: (p) => `${p.registered} đăng ký, ${p.recognised} đạt`,
		en: (p) => `${p.registered} registered, ${p.recognised} recognised`
	},
	moveShares: {
		vi: (p) => `tỉ lệ đạt ${p.before} → ${p.after} (đơn vị mật: chỉ tỉ lệ)`,
		en: (p) => `share recognised ${p.before} → ${p.after} (confidential: shares only)`
	},
	moreUnits: { vi: (p) => `… và ${p.n} đơn vị khác`, en: (p) => `… and ${p.n} more units` },
	stageHash: { vi: () => 'kiểm tra', en: () => 'checking' },
	stageRead: { vi: () => 'đọc', en: () => 'reading' },
	stageMatch: { vi: () => 'đối chiếu đơn vị', en: () => 'matching units' },
	stageValidate: { vi: () => 'kiểm tra dữ liệu', en: () => 'validating' },
	stageLoad: { vi: () => 'ghi', en: () => 'loading' },
	stageAggregate: { vi: () => 'tổng hợp theo ngày', en: () => 'building daily totals' },
	rows: { vi: (p) => `${p.n} dòng`, en: (p) => `${p.n} rows` },
	unchanged: {
		vi: (p) =>
			`${p.file}: đã nhập trước đây (lượt #${p.id}, số liệu đến ${p.date}); không thay đổi gì. Đọc lại tệp: thêm --again`,
		en: (p) =>
			`${p.file}: already imported (import #${p.id}, as of ${p.date}); nothing changed. To read it again: add --again`
	},
	loaded: {
		vi: (p) =>
			`${p.file}${p.sheet ? `, trang “${p.sheet}”` : ''} → lượt #${p.id}, số liệu đến ${p.date}${p.source}: ${p.read} dòng đọc, ${p.accepted} nhận, ${p.rejected} bị loại`,
		en: (p) =>
			`${p.file}${p.sheet ? `, sheet "${p.sheet}"` : ''} → import #${p.id}, as of ${p.date}${p.source}: ${p.read} rows read, ${p.accepted} accepted, ${p.rejected} rejected`
	},
	reasons: { vi: (p) => `lý do loại: ${p.reasons}`, en: (p) => `rejected: ${p.reasons}` },
	seeRejects: {
		vi: (p) => `xem từng dòng: npm run pipeline -- rejects ${p.id}`,
		en: (p) => `see each row: npm run pipeline -- rejects ${p.id} --lang en`
	},
	ignoredRows: {
		vi: (p) => `${p.n} dòng trống, dòng tổng cộng hoặc chữ ký được bỏ qua`,
		en: (p) => `${p.n} blank, total or signature rows ignored`
	},
	unusedColumns: {
		vi: (p) => `cột không dùng: ${p.columns}`,
		en: (p) => `columns not used: ${p.columns}`
	},
	unknownDistricts: {
		vi: () => 'Huyện không khớp danh mục (dòng bị loại)',
		en: () => 'Districts that match no unit (rows rejected)'
	},
	unknownCommunes: {
		vi: () => 'Xã không khớp danh mục (tính cho huyện)',
		en: () => 'Communes that match no unit (counted for the district)'
	},
	unknownWorkplaces: {
		vi: () => 'Nơi công tác không khớp danh mục (chỉ tính theo nơi cư trú)',
		en: () => 'Workplaces that match no unit (counted where people live)'
	},
	unknownGroups: {
		vi: () => 'Đối tượng không xác định (ghi là “không rõ”)',
		en: () => 'Groups not recognised (recorded as "not stated")'
	},
	namesCount: {
		vi: (p) => `${p.names} tên, ${p.rows} dòng`,
		en: (p) => `${p.names} names, ${p.rows} rows`
	},
	didYouMean: { vi: (p) => ` → có phải: ${p.names}?`, en: (p) => ` → did you mean: ${p.names}?` },
	ambiguousAmong: {
		vi: (p) => ` → nhập nhằng giữa: ${p.names}`,
		en: (p) => ` → could be any of: ${p.names}`
	},
	moreNames: { vi: (p) => `… và ${p.n} tên khác`, en: (p) => `… and ${p.n} more` },
	fieldDistrict: { vi: () => 'Huyện', en: () => 'District' },
	fieldCommune: { vi: () => 'Xã', en: () => 'Commune' },
	fieldWorkplace: { vi: () => 'Nơi công tác', en: () => 'Workplace' },
	fieldGroup: { vi: () => 'Đối tượng', en: () => 'Group' },
	noOpenNames: {
		vi: () => 'Mọi tên trong các lượt nhập đều đã khớp với danh mục.',
		en: () => 'Every name in the imports matches the unit list.'
	},
	openNamesTitle: {
		vi: (p) =>
			`Tên chưa khớp trong mọi lượt nhập: ${p.names} tên, ${p.rows} dòng (nhiều dòng trước)`,
		en: (p) =>
			`Unmatched names across all imports: ${p.names} names, ${p.rows} rows (most rows first)`
	},
	openNameLine: {
		vi: (p) => `${p.rows} dòng trong ${p.imports} lượt`,
		en: (p) =>
			`${p.rows} ${p.rows === '1' ? 'row' : 'rows'} in ${p.imports} ${p.imports === '1' ? 'import' : 'imports'}`
	},
	noSuggestion: { vi: () => ' → không có tên gần giống', en: () => ' → nothing close' },
	namesHowTo: {
		vi: () =>
			'Nhận:    npm run pipeline -- names accept "<tên>" <mã đơn vị hoặc đối tượng>\nBỏ qua:  npm run pipeline -- names ignore "<tên>"\nHủy:     npm run pipeline -- names undo "<tên>"',
		en: () =>
			'Accept:  npm run pipeline -- names accept "<name>" <unit or group code>\nIgnore:  npm run pipeline -- names ignore "<name>"\nUndo:    npm run pipeline -- names undo "<name>"'
	},
	staleMatches: {
		vi: () =>
			'! Danh mục hoặc từ vựng đã thay đổi sau lần đối chiếu trước: danh sách này có thể đã cũ; chạy “npm run pipeline -- names rematch”',
		en: () =>
			'! The unit list or the vocabulary changed since the last match: this list may be stale; run "npm run pipeline -- names rematch"'
	},
	accepted: {
		vi: (p) => `✓ “${p.name}” (${p.field}) → ${p.unit} [${p.code}]`,
		en: (p) => `✓ "${p.name}" (${p.field}) → ${p.unit} [${p.code}]`
	},
	ignored: {
		vi: (p) => `✓ “${p.name}” (${p.field}) được bỏ qua: không liệt kê nữa`,
		en: (p) => `✓ "${p.name}" (${p.field}) ignored: no longer listed`
	},
	undone: {
		vi: (p) => `✓ đã hủy quyết định về “${p.name}” (${p.field})`,
		en: (p) => `✓ the decision on "${p.name}" (${p.field}) is taken back`
	},
	exported: {
		vi: (p) => `✓ danh mục đơn vị kèm ${p.n} tên khác đã nhận ghi vào ${p.file}`,
		en: (p) => `✓ the unit list with ${p.n} accepted names as aliases written to ${p.file}`
	},
	exportGroups: {
		vi: () => 'Tên đối tượng đã nhận (thêm vào cột synonyms của groups.csv):',
		en: () => 'Accepted group names (add them to the synonyms column of groups.csv):'
	},
	removed: {
		vi: (p) => `✓ đã xóa lượt #${p.id} (${p.file}, số liệu đến ${p.date}); có thể nhập lại tệp này`,
		en: (p) =>
			`✓ import #${p.id} removed (${p.file}, as of ${p.date}); the file can be imported again`
	},
	noUsers: {
		vi: () =>
			'Chưa có tài khoản nào: tạo quản trị viên bằng “npm run pipeline -- users add <tên> --role admin”',
		en: () =>
			'No accounts yet: make the administrator with "npm run pipeline -- users add <name> --role admin"'
	},
	userAdded: {
		vi: (p) => `✓ đã tạo tài khoản ${p.name} (${p.role}${p.unit ? `, đơn vị ${p.unit}` : ''})`,
		en: (p) => `✓ account ${p.name} added (${p.role}${p.unit ? `, unit ${p.unit}` : ''})`
	},
	userRemoved: {
		vi: (p) => `✓ đã xóa tài khoản ${p.name}`,
		en: (p) => `✓ account ${p.name} removed`
	},
	passwordSet: {
		vi: (p) => `✓ đã đặt mật khẩu mới cho ${p.name}; các phiên đăng nhập cũ đã kết thúc`,
		en: (p) => `✓ new password set for ${p.name}; its earlier sessions have ended`
	},
	passwordPrompt: { vi: () => 'Mật khẩu: ', en: () => 'Password: ' },
	passwordAgain: { vi: () => 'Nhập lại mật khẩu: ', en: () => 'Password again: ' },
	presetLine: {
		vi: (p) => `${p.id}  ${p.name} — ${p.targets} chỉ tiêu (${p.file})`,
		en: (p) => `${p.id}  ${p.name} — ${p.targets} targets (${p.file})`
	},
	presetAdded: {
		vi: (p) => `bộ chỉ tiêu mới ${p.id} (${p.name}): ${p.targets} chỉ tiêu`,
		en: (p) => `new preset ${p.id} (${p.name}): ${p.targets} targets`
	},
	presetReplaced: {
		vi: (p) => `bộ chỉ tiêu ${p.id} (${p.name}) thay bản cũ: ${p.targets} chỉ tiêu`,
		en: (p) => `preset ${p.id} (${p.name}) replaces the previous one: ${p.targets} targets`
	},
	presetRemoved: {
		vi: (p) => `đã xóa bộ chỉ tiêu ${p.id} (${p.name})`,
		en: (p) => `preset ${p.id} (${p.name}) removed`
	},
	openNames: {
		vi: (p) =>
			`Còn ${p.names} tên chưa khớp (${p.rows} dòng): xem và xử lý bằng “npm run pipeline -- names”`,
		en: (p) =>
			`${p.names} names still unmatched (${p.rows} rows): review them with "npm run pipeline -- names --lang en"`
	}
} satisfies Record<string, Record<Lang, Text>>;

export type SayKey = keyof typeof SAY;

export function say(key: SayKey, lang: Lang, params: MessageParams = {}): string {
	return SAY[key][lang](visibleParams(params));
}

export function rejectText(reason: RejectReason, lang: Lang): string {
	return REJECT_LABELS[reason][lang];
}

/** "tệp dk.xlsx, trang “Danh sách”, dòng 12, cột “Số CCCD”" */
export function placeText(place: Place, lang: Lang): string {
	const parts: string[] = [];
	const vi = lang === 'vi';
	place = visibleParams(place);
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

const ACCOUNT: Record<AccountErrorCode, Record<Lang, Text>> = {
	bad_name: {
		vi: (p) => `tên tài khoản “${p.name}” không hợp lệ: chỉ chữ, số và . _ - @, tối đa 64 ký tự`,
		en: (p) =>
			`the account name "${p.name}" is not valid: letters, digits and . _ - @ only, at most 64`
	},
	bad_role: {
		vi: (p) => `không có vai trò “${p.role}”: admin, association, officer hoặc viewer`,
		en: (p) => `there is no role "${p.role}": admin, association, officer or viewer`
	},
	user_exists: {
		vi: (p) => `đã có tài khoản ${p.name}`,
		en: (p) => `there is already an account ${p.name}`
	},
	no_user: { vi: (p) => `không có tài khoản ${p.name}`, en: (p) => `no account ${p.name}` },
	short_password: {
		vi: (p) => `mật khẩu quá ngắn: cần ít nhất ${p.min} ký tự`,
		en: (p) => `the password is too short: at least ${p.min} characters`
	},
	unit_required: {
		vi: () => 'cán bộ đơn vị (officer) cần --unit <mã đơn vị>',
		en: () => 'a unit officer needs --unit <unit code>'
	},
	unit_not_allowed: {
		vi: (p) => `vai trò ${p.role} làm việc cho cả tỉnh, không gắn với đơn vị: bỏ --unit`,
		en: (p) => `the role ${p.role} acts for the whole province, not for a unit: leave out --unit`
	},
	unknown_unit: {
		vi: (p) => `không có đơn vị mã ${p.unit} trong danh mục đơn vị`,
		en: (p) => `no unit with the code ${p.unit} in the unit list`
	},
	last_admin: {
		vi: (p) => `${p.name} là quản trị viên cuối cùng: tạo quản trị viên khác trước`,
		en: (p) => `${p.name} is the last administrator: make another one first`
	},
	password_mismatch: {
		vi: () => 'hai lần nhập mật khẩu không giống nhau; không có gì thay đổi',
		en: () => 'the two passwords differ; nothing changed'
	},
	password_cancelled: {
		vi: () => 'đã hủy nhập mật khẩu; không có gì thay đổi',
		en: () => 'password entry cancelled; nothing changed'
	}
};

export function accountText(error: AccountError, lang: Lang): string {
	return ACCOUNT[error.code][lang](visibleParams(error.params));
}
