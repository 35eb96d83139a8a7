import { ADMIN_MESSAGES } from './admin.ts';

/**
 * Interface text, Vietnamese first. Keys name the concept (one name per concept, as in the code).
 */
export const MESSAGES = {
	...ADMIN_MESSAGES,
	appTitle: { vi: 'Công dân học tập', en: 'Learning Citizens' },
	appSubtitle: {
		vi: 'Theo dõi tiến độ xây dựng mô hình Công dân học tập',
		en: 'Progress of the Learning Citizen programme'
	},
	simulated: { vi: 'Dữ liệu mô phỏng', en: 'Simulated data' },
	simulatedNote: {
		vi: 'Số liệu trên trang là dữ liệu mô phỏng để trình diễn, không phải số liệu thật.',
		en: 'The figures are simulated for demonstration, not real data.'
	},
	navOverview: { vi: 'Tổng quan', en: 'Overview' },
	navDistricts: { vi: 'Huyện, thị xã, thành phố', en: 'Districts' },
	navAgencies: { vi: 'Sở, ban, ngành, đoàn thể', en: 'Agencies' },
	navArmedForces: { vi: 'Lực lượng vũ trang', en: 'Armed forces' },
	navLaggards: { vi: 'Đơn vị chậm tiến độ', en: 'Laggards' },
	navImports: { vi: 'Dữ liệu đã nhập', en: 'Imports' },
	navMeeting: { vi: 'Trình chiếu', en: 'Meeting mode' },
	asOf: { vi: 'Số liệu đến ngày', en: 'As of' },
	preset: { vi: 'Bộ chỉ tiêu', en: 'Targets' },
	language: { vi: 'Ngôn ngữ', en: 'Language' },
	apply: { vi: 'Xem', en: 'Show' },
	print: { vi: 'In', en: 'Print' },
	source: { vi: 'Nguồn số liệu', en: 'Data source' },
	snapshot: { vi: 'theo tệp xuất ngày', en: 'from the export of' },
	noDatabase: {
		vi: 'Chưa có dữ liệu. Nạp danh mục đơn vị và nhập tệp xuất từ phần mềm (xem README).',
		en: 'No data yet. Load a unit list and import exports from the software (see the README).'
	},
	outdatedDatabase: {
		vi: 'Cơ sở dữ liệu do phiên bản cũ tạo ra. Chạy lại một lệnh nhập (ví dụ npm run demo:data) để cập nhật.',
		en: 'The database was written by an older version. Run an import command again (e.g. npm run demo:data) to upgrade it.'
	},
	registered: { vi: 'Đã đăng ký', en: 'Registered' },
	recognised: { vi: 'Đạt danh hiệu', en: 'Recognised' },
	eligible: { vi: 'Số đối tượng', en: 'Eligible' },
	share: { vi: 'Tỉ lệ đạt', en: 'Share recognised' },
	target: { vi: 'Chỉ tiêu', en: 'Target' },
	expected: { vi: 'Cần đạt theo tiến độ', en: 'Expected by now' },
	projected: { vi: 'Dự báo đến hạn', en: 'Projected at deadline' },
	deadline: { vi: 'Hạn', en: 'Deadline' },
	daysLeft: { vi: 'Còn {n} ngày đến hạn', en: '{n} days to the deadline' },
	deadlineToday: { vi: 'Hôm nay là hạn', en: 'The deadline is today' },
	deadlinePassed: { vi: 'Đã qua hạn {date}', en: 'Deadline {date} passed' },
	training: { vi: 'Tập huấn', en: 'Training' },
	budget: { vi: 'Kinh phí', en: 'Budget' },
	flags: { vi: 'Cảnh báo', en: 'Flags' },
	status: { vi: 'Tình trạng', en: 'Status' },
	unit: { vi: 'Đơn vị', en: 'Unit' },
	rank: { vi: 'Hạng', en: 'Rank' },
	best: { vi: 'Dẫn đầu', en: 'Leading' },
	worst: { vi: 'Thấp nhất', en: 'Trailing' },
	flaggedByReason: { vi: 'Số đơn vị bị cảnh báo theo lý do', en: 'Flagged units by reason' },
	provinceCurve: { vi: 'Số người đạt danh hiệu cộng dồn', en: 'Recognised people, cumulative' },
	targetPath: { vi: 'Lộ trình chỉ tiêu', en: 'Target path' },
	groupWithArmedForces: {
		vi: '{group} (gồm cả lực lượng vũ trang)',
		en: '{group} (armed forces included)'
	},
	confidentialNote: {
		vi: 'Số liệu của lực lượng vũ trang là mật: chỉ hiển thị tỉ lệ phần trăm.',
		en: 'Armed-forces counts are confidential: only percentages are shown.'
	},
	noData: { vi: 'chưa có dữ liệu', en: 'no data' },
	withheld: { vi: 'không công bố (đơn vị bảo mật)', en: 'withheld (confidential unit)' },
	noBoundaries: {
		vi: 'Không có ranh giới để vẽ bản đồ; xem bảng bên dưới.',
		en: 'No boundaries to draw a map; see the table below.'
	},
	classReached: { vi: 'Đạt chỉ tiêu', en: 'Target reached' },
	classOnPace: { vi: 'Đúng tiến độ', en: 'On pace' },
	classBehindPace: { vi: 'Chậm tiến độ', en: 'Behind pace' },
	classFarBehind: { vi: 'Chậm nhiều', en: 'Far behind' },
	classNoData: { vi: 'Chưa có dữ liệu', en: 'No data' },
	classWithheld: { vi: 'Không công bố', en: 'Withheld' },
	noCommuneBoundaries: {
		vi: 'Chưa có ranh giới cấp xã nên các xã được trình bày dạng bảng.',
		en: 'There are no commune boundaries, so communes are shown as a table.'
	},
	communes: { vi: 'Xã, phường, thị trấn', en: 'Communes' },
	subUnits: { vi: 'Đơn vị trực thuộc', en: 'Sub-units' },
	filter: { vi: 'Lọc', en: 'Filter' },
	filterPlaceholder: { vi: 'Tìm theo tên…', en: 'Search by name…' },
	onlyFlagged: { vi: 'Chỉ đơn vị có cảnh báo', en: 'Flagged units only' },
	downloadCsv: { vi: 'Tải CSV', en: 'Download CSV' },
	downloadXlsx: { vi: 'Tải Excel', en: 'Download Excel' },
	downloadArrow: { vi: 'Tải Arrow', en: 'Download Arrow' },
	dataForAnalysts: {
		vi: 'Số liệu mọi đơn vị để phân tích:',
		en: 'Every unit’s figures for analysis:'
	},
	severity: { vi: 'Mức độ', en: 'Severity' },
	reasons: { vi: 'Lý do', en: 'Reasons' },
	funnel: { vi: 'Từ đăng ký đến đạt danh hiệu', en: 'From registration to recognition' },
	byGroup: { vi: 'Theo đối tượng', en: 'By group' },
	digitalSkills: { vi: 'Có kỹ năng số', en: 'With digital skills' },
	importsOfUnit: { vi: 'Các tệp số liệu', en: 'Imports behind these figures' },
	file: { vi: 'Tệp', en: 'File' },
	rowsRead: { vi: 'Đọc', en: 'Read' },
	rowsAccepted: { vi: 'Nhận', en: 'Accepted' },
	rowsRejected: { vi: 'Bị loại', en: 'Rejected' },
	importedAt: { vi: 'Nhập lúc', en: 'Imported at' },
	eachRejectedRow: { vi: 'Xem từng dòng bị loại', en: 'Each rejected row' },
	openNames: { vi: 'Tên chưa khớp với danh mục', en: 'Names that match no unit' },
	openNamesCount: {
		vi: '{names} tên, {rows} dòng trong mọi lượt nhập (nhiều dòng trước).',
		en: '{names} names, {rows} rows across all imports (most rows first).'
	},
	noOpenNames: {
		vi: 'Mọi tên huyện, xã, nơi công tác và đối tượng đều đã khớp.',
		en: 'Every district, commune, workplace and group name matches.'
	},
	openNamesHowTo: {
		vi: 'Xử lý trên máy chủ (nhận, bỏ qua, hủy quyết định):',
		en: 'Review them on the server (accept, ignore, undo):'
	},
	nameAsWritten: { vi: 'Tên như trong tệp', en: 'Name as written' },
	nameField: { vi: 'Cột', en: 'Column' },
	imports: { vi: 'Số lượt', en: 'Imports' },
	nameMeans: { vi: 'Có thể là', en: 'Could be' },
	nameAmbiguous: { vi: 'nhập nhằng', en: 'ambiguous' },
	nameUnknown: { vi: 'không có trong danh mục', en: 'not in the unit list' },
	field_district: { vi: 'Huyện', en: 'District' },
	field_commune: { vi: 'Xã', en: 'Commune' },
	field_workplace: { vi: 'Nơi công tác', en: 'Workplace' },
	field_group: { vi: 'Đối tượng', en: 'Group' },
	rows: { vi: 'Số dòng', en: 'Rows' },
	yes: { vi: 'Có', en: 'Yes' },
	no: { vi: 'Không', en: 'No' },
	notRecorded: { vi: 'chưa ghi nhận', en: 'not recorded' },
	lastReport: { vi: 'Báo cáo tháng gần nhất', en: 'Last monthly report' },
	people: { vi: 'người', en: 'people' },
	sessions: { vi: 'buổi', en: 'sessions' },
	noLaggards: { vi: 'Không có đơn vị nào bị cảnh báo.', en: 'No unit is flagged.' },
	kind_province: { vi: 'Tỉnh', en: 'Province' },
	kind_district: { vi: 'Huyện', en: 'District' },
	kind_commune: { vi: 'Xã', en: 'Commune' },
	kind_agency: { vi: 'Sở, ngành', en: 'Agency' },
	kind_armed_force: { vi: 'Lực lượng vũ trang', en: 'Armed forces' },
	mapSource: { vi: 'Bản đồ', en: 'Map' },
	sortBy: { vi: 'Sắp xếp theo {column}', en: 'Sort by {column}' },
	total: { vi: 'Toàn tỉnh', en: 'Province' },
	notFound: { vi: 'Không tìm thấy đơn vị này.', en: 'No such unit.' },
	navReport: { vi: 'Báo cáo tháng', en: 'Monthly report' },
	meetingTitle: {
		vi: 'Tình hình thực hiện xây dựng mô hình Công dân học tập',
		en: 'Building the Learning Citizen model: progress'
	},
	slideOverview: { vi: 'Kết quả chung toàn tỉnh', en: 'Province overview' },
	slideMap: {
		vi: 'Bản đồ tỉ lệ đạt theo huyện, thị xã, thành phố',
		en: 'Share recognised by district'
	},
	slideDistricts: { vi: 'Xếp hạng huyện, thị xã, thành phố', en: 'Districts ranked' },
	slideAgencies: { vi: 'Xếp hạng sở, ban, ngành, đoàn thể', en: 'Agencies ranked' },
	slideArmedForces: { vi: 'Lực lượng vũ trang', en: 'Armed forces' },
	slideLaggardsTerritory: {
		vi: 'Huyện, xã chậm tiến độ và nguyên nhân',
		en: 'Districts and communes behind, and why'
	},
	slideLaggardsOrganisations: {
		vi: 'Sở, ngành, lực lượng vũ trang chậm tiến độ và nguyên nhân',
		en: 'Agencies and armed forces behind, and why'
	},
	slideChanges: {
		vi: 'Thay đổi so với cuối tháng trước',
		en: 'Changes since the end of last month'
	},
	slideCounter: { vi: 'Trang {n} / {total}', en: 'Slide {n} of {total}' },
	deckNext: { vi: 'Trang sau', en: 'Next' },
	deckPrevious: { vi: 'Trang trước', en: 'Previous' },
	deckExit: { vi: 'Thoát (Esc)', en: 'Leave (Esc)' },
	deckFullscreen: { vi: 'Toàn màn hình (F)', en: 'Full screen (F)' },
	deckKeys: {
		vi: '→, Space, PageDown: trang sau · ←, PageUp: trang trước · Esc: thoát',
		en: '→, Space, PageDown: next · ←, PageUp: previous · Esc: leave'
	},
	moreUnits: {
		vi: 'và {n} đơn vị khác: xem trang Đơn vị chậm tiến độ',
		en: 'and {n} more: see the Laggards page'
	},
	comparedWith: { vi: 'so với ngày {date}', en: 'compared with {date}' },
	changePoints: { vi: 'Thay đổi (điểm %)', en: 'Change (points)' },
	change: { vi: 'Thay đổi', en: 'Change' },
	newRecognised: { vi: 'Đạt mới trong tháng', en: 'Recognised this month' },
	newRegistered: { vi: 'Đăng ký mới trong tháng', en: 'Registered this month' },
	unitsReached: { vi: '{reached}/{total} đơn vị đạt', en: '{reached} of {total} units reached' },
	newlyReached: { vi: 'Đạt chỉ tiêu trong tháng', en: 'Reached the target this month' },
	newlyFlagged: { vi: 'Mới bị cảnh báo', en: 'Newly flagged' },
	noLongerFlagged: { vi: 'Không còn bị cảnh báo', en: 'No longer flagged' },
	mostImproved: { vi: 'Tăng nhiều nhất', en: 'Largest gains' },
	none: { vi: 'không có', en: 'none' },
	reportLead: {
		vi: 'Báo cáo tình hình thực hiện theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP): số liệu đến ngày cuối tháng, so sánh với cuối tháng trước. Phụ lục Excel có một trang tính cho mỗi loại đơn vị.',
		en: 'The progress report in the Vietnamese administrative format (Decree 30/2020/NĐ-CP): figures as of the last day of the month, compared with the end of the month before. The Excel annex has one sheet per kind of unit.'
	},
	reportMonth: { vi: 'Tháng báo cáo', en: 'Month' },
	reportDocx: { vi: 'Tải báo cáo (Word)', en: 'Download the report (Word)' },
	reportXlsx: { vi: 'Tải phụ lục (Excel)', en: 'Download the annex (Excel)' },
	reportPdf: { vi: 'Tải báo cáo (PDF)', en: 'Download the report (PDF)' },
	reportHtml: { vi: 'Mở bản xem trước', en: 'Open the preview' },
	reportPreview: { vi: 'Xem trước báo cáo', en: 'Report preview' },
	reportNoData: { vi: 'Chưa có số liệu cho {month}.', en: 'No figures for {month} yet.' },
	reportPartial: {
		vi: 'Tháng chưa kết thúc trong dữ liệu: báo cáo dùng số liệu đến ngày {date}.',
		en: 'The month is not over in the data: the report uses the figures as of {date}.'
	},
	reportPdfUnavailable: {
		vi: 'Máy chủ không có trình duyệt Chromium nên không tạo được bản PDF. Hãy tải bản Word, hoặc mở bản xem trước và chọn In → Lưu dưới dạng PDF.',
		en: 'The server has no Chromium, so it cannot make the PDF. Download the Word file, or open the preview and use Print → Save as PDF.'
	},
	// The import desk (/imports/new) and removing an import.
	deskNew: { vi: 'Nhập tệp mới', en: 'Import files' },
	deskTitle: { vi: 'Nhập dữ liệu', en: 'Import data' },
	deskIntro: {
		vi: 'Chọn hoặc kéo thả tệp xuất từ phần mềm (XLSX, CSV). Tệp được đọc thử trước: chưa có gì thay đổi cho đến khi bạn xác nhận.',
		en: 'Choose or drop exports from the software (XLSX, CSV). They are read in a dry run first: nothing changes until you confirm.'
	},
	deskDrop: { vi: 'Kéo thả tệp vào đây, hoặc chọn tệp:', en: 'Drop files here, or choose them:' },
	deskAsOfField: {
		vi: 'Số liệu đến ngày (chỉ khi tệp không ghi ngày)',
		en: 'As-of date (only when the file does not say it)'
	},
	deskLimit: { vi: 'Tối đa {limit} cho một lần tải lên.', en: 'At most {limit} per upload.' },
	deskCheck: { vi: 'Đọc thử', en: 'Check the files' },
	deskNoFile: { vi: 'Chưa chọn tệp nào.', en: 'No file chosen.' },
	deskNotExport: {
		vi: '“{file}” không phải tệp xuất (XLSX, CSV).',
		en: '“{file}” is not an export (XLSX, CSV).'
	},
	deskTooMany: {
		vi: 'Quá nhiều tệp: {count}, tối đa {max} tệp cho một lần tải lên.',
		en: 'Too many files: {count}, at most {max} per upload.'
	},
	deskTooLarge: {
		vi: 'Tệp quá lớn: {size}, tối đa {limit} cho một lần tải lên.',
		en: 'Too large: {size}, at most {limit} per upload.'
	},
	deskServerLimit: {
		vi: 'Máy chủ web không nhận tệp lớn như vậy (giới hạn BODY_SIZE_LIMIT): hãy báo quản trị viên (xem README).',
		en: 'The web server refuses uploads this large (its BODY_SIZE_LIMIT): ask the administrator (see the README).'
	},
	deskBadAsOf: {
		vi: 'Ngày số liệu không hợp lệ: “{value}”.',
		en: 'Not a valid as-of date: “{value}”.'
	},
	deskPreview: { vi: 'Kết quả đọc thử', en: 'Dry run' },
	deskSheet: { vi: 'Trang tính', en: 'Sheet' },
	deskFromTitle: { vi: 'theo tiêu đề của tệp', en: 'from the title' },
	deskFromFileName: { vi: 'theo tên tệp', en: 'from the file name' },
	deskFromTyped: { vi: 'theo ngày đã nhập', en: 'as typed' },
	deskTitleDisagrees: {
		vi: 'Ngày đã nhập khác ngày trong tiêu đề ({title}).',
		en: 'The typed date differs from the title’s ({title}).'
	},
	deskSameAsOf: {
		vi: 'Đã có lượt nhập cùng ngày số liệu: {imports}. Tệp này được ưu tiên cho những người có ở cả hai.',
		en: 'Imports with the same as-of date exist: {imports}. This file wins for the people in both.'
	},
	deskSkipped: {
		vi: 'Bỏ qua (tiêu đề, chân trang, dòng trống)',
		en: 'Skipped (title, footer, blank)'
	},
	deskDuplicates: { vi: 'Trùng người', en: 'Duplicates' },
	deskUnchanged: {
		vi: '“{file}” đã được nhập (lượt #{id}, số liệu đến {date}): không nhập lại.',
		en: '“{file}” is already imported (#{id}, as of {date}): not imported again.'
	},
	deskRejects: { vi: 'Các dòng bị loại', en: 'Rejected rows' },
	deskRejectsShown: {
		vi: '{shown} trên {total} dòng; tải đủ danh sách:',
		en: '{shown} of {total} rows; the full list:'
	},
	deskRejectsCsv: { vi: 'Tải CSV', en: 'Download CSV' },
	deskRow: { vi: 'Dòng', en: 'Row' },
	deskColumn: { vi: 'Cột', en: 'Column' },
	deskReason: { vi: 'Lý do', en: 'Reason' },
	deskValue: { vi: 'Giá trị', en: 'Value' },
	deskNames: { vi: 'Tên không khớp đơn vị nào', en: 'Names that match no unit' },
	deskNameRows: { vi: 'Số dòng', en: 'Rows' },
	deskSuggestions: { vi: 'Gợi ý', en: 'Suggestions' },
	deskFieldDistrict: { vi: 'Huyện', en: 'District' },
	deskFieldCommune: { vi: 'Xã', en: 'Commune' },
	deskFieldWorkplace: { vi: 'Nơi làm việc', en: 'Workplace' },
	deskFieldGroup: { vi: 'Nhóm đối tượng', en: 'Group' },
	deskUnusedColumns: { vi: 'Cột không dùng: {columns}', en: 'Columns not used: {columns}' },
	deskOutside: {
		vi: 'Tệp có {rows} dòng của đơn vị khác, nên bị từ chối cả tệp. Chỉ nhập tệp của đơn vị mình:',
		en: 'The file has {rows} rows of other units, so the whole file is refused. Import only your unit’s files:'
	},
	deskEffect: { vi: 'Ảnh hưởng đến số liệu', en: 'Effect on the figures' },
	deskEffectDates: {
		vi: 'Số liệu hiển thị: đến ngày {before} → đến ngày {after}.',
		en: 'Figures shown: as of {before} → as of {after}.'
	},
	deskNoEffect: {
		vi: 'Không đơn vị nào thay đổi tỉ lệ.',
		en: 'No unit’s share changes.'
	},
	deskUnit: { vi: 'Đơn vị', en: 'Unit' },
	deskNow: { vi: 'Hiện nay', en: 'Now' },
	deskThen: { vi: 'Sau đó', en: 'After' },
	deskTarget: { vi: 'Chỉ tiêu', en: 'Target' },
	deskCrossings: { vi: 'Đơn vị qua ngưỡng chỉ tiêu', en: 'Units crossing their target' },
	deskReached: { vi: 'đạt chỉ tiêu', en: 'reaches its target' },
	deskLost: { vi: 'không còn đạt chỉ tiêu', en: 'falls below its target' },
	deskOpenNames: {
		vi: 'Sau đó còn {names} tên chưa khớp ({rows} dòng) trên mọi lượt nhập.',
		en: 'Afterwards {names} names match no unit ({rows} rows) across all imports.'
	},
	deskRefused: {
		vi: 'Tệp bị từ chối, chưa có gì thay đổi:',
		en: 'Refused, nothing changed:'
	},
	deskConfirm: { vi: 'Xác nhận nhập', en: 'Confirm the import' },
	deskCancel: { vi: 'Huỷ', en: 'Cancel' },
	deskRunning: { vi: 'Đang nhập…', en: 'Importing…' },
	deskDone: {
		vi: 'Đã nhập xong; các trang đã có số liệu mới.',
		en: 'Imported; the pages show the new figures.'
	},
	deskFailed: {
		vi: 'Nhập không thành công, số liệu cũ giữ nguyên:',
		en: 'The import failed; the figures are as they were:'
	},
	deskCancelled: {
		vi: 'Đã huỷ; tệp tải lên đã được xoá.',
		en: 'Cancelled; the uploaded files are deleted.'
	},
	deskGone: {
		vi: 'Không còn lượt tải lên này (đã quá hạn hoặc không phải của bạn).',
		en: 'This upload is gone (it expired, or it is not yours).'
	},
	deskKept: {
		vi: 'Tệp tải lên có dữ liệu cá nhân: chỉ được giữ đến khi nhập xong hoặc huỷ (tối đa 30 phút), rồi bị xoá.',
		en: 'Uploads hold personal data: they are kept only until the import ends or is cancelled (30 minutes at most), then deleted.'
	},
	deskSeeOverview: { vi: 'Xem tổng quan', en: 'See the overview' },
	deskStageHash: { vi: 'Đang tính dấu vân tay của tệp', en: 'Fingerprinting the file' },
	deskStageRead: { vi: 'Đang đọc', en: 'Reading' },
	deskStageMatch: { vi: 'Đang đối chiếu tên', en: 'Matching names' },
	deskStageValidate: { vi: 'Đang kiểm tra', en: 'Checking' },
	deskStageLoad: { vi: 'Đang ghi', en: 'Loading' },
	deskStageAggregate: { vi: 'Đang tính lại số liệu', en: 'Rebuilding the figures' },
	removeAction: { vi: 'Xoá', en: 'Remove' },
	removeTitle: { vi: 'Xoá lượt nhập #{id}', en: 'Remove import #{id}' },
	removeIntro: {
		vi: 'Xoá lượt nhập “{file}” (số liệu đến {date}, {rows} dòng được nhận). Có thể nhập lại tệp sau.',
		en: 'Remove the import of “{file}” (as of {date}, {rows} rows accepted). The file can be imported again later.'
	},
	removeConfirm: { vi: 'Xác nhận xoá', en: 'Confirm the removal' },
	removeFailed: {
		vi: 'Xoá không thành công, số liệu giữ nguyên:',
		en: 'The removal failed; the figures are as they were:'
	},
	// Accounts (issue 14): login, the signed-in user, the admin pages.
	login: { vi: 'Đăng nhập', en: 'Sign in' },
	logout: { vi: 'Đăng xuất', en: 'Sign out' },
	userName: { vi: 'Tên đăng nhập', en: 'User name' },
	password: { vi: 'Mật khẩu', en: 'Password' },
	loginLead: {
		vi: 'Đăng nhập bằng tài khoản quản trị viên đã cấp cho bạn.',
		en: 'Sign in with the account your administrator gave you.'
	},
	loginInvalid: {
		vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
		en: 'Wrong user name or password.'
	},
	loginWait: {
		vi: 'Đăng nhập sai nhiều lần: chờ {seconds} giây rồi thử lại.',
		en: 'Too many failed sign-ins: wait {seconds} seconds and try again.'
	},
	loginLocked: {
		vi: 'Đăng nhập sai quá nhiều lần: tạm khóa, thử lại sau {minutes} phút.',
		en: 'Too many failed sign-ins: locked, try again in {minutes} minutes.'
	},
	signInRequired: { vi: 'Cần đăng nhập.', en: 'Sign-in required.' },
	forbidden: {
		vi: 'Tài khoản của bạn không có quyền làm việc này.',
		en: 'Your account may not do this.'
	},
	outOfScope: {
		vi: 'Đơn vị này nằm ngoài phạm vi tài khoản của bạn.',
		en: 'This unit is outside your account’s scope.'
	},
	roleViewer: { vi: 'người xem', en: 'viewer' },
	roleOfficer: { vi: 'cán bộ đơn vị', en: 'unit officer' },
	roleAssociation: { vi: 'Hội Khuyến học', en: 'association' },
	roleAdmin: { vi: 'quản trị viên', en: 'administrator' },
	role: { vi: 'Vai trò', en: 'Role' },
	navAdminUsers: { vi: 'Tài khoản', en: 'Accounts' },
	navAdminAudit: { vi: 'Nhật ký', en: 'Audit log' },
	usersTitle: { vi: 'Tài khoản và vai trò', en: 'Accounts and roles' },
	userAdd: { vi: 'Thêm tài khoản', en: 'Add an account' },
	userChange: { vi: 'Đổi vai trò', en: 'Change the role' },
	userResetPassword: { vi: 'Đặt mật khẩu mới', en: 'Set a new password' },
	userRemove: { vi: 'Xóa tài khoản', en: 'Remove the account' },
	userRemoveConfirm: {
		vi: 'Xóa tài khoản {name}? Các phiên đăng nhập của tài khoản này sẽ kết thúc.',
		en: 'Remove the account {name}? Its sessions end.'
	},
	noUnit: { vi: '(cả tỉnh)', en: '(whole province)' },
	updatedAt: { vi: 'Cập nhật', en: 'Updated' },
	saved: { vi: 'Đã lưu.', en: 'Saved.' },
	accountErrorBadName: {
		vi: 'Tên đăng nhập chỉ gồm chữ, số và . _ - @, tối đa 64 ký tự.',
		en: 'A user name has letters, digits and . _ - @ only, at most 64.'
	},
	accountErrorBadRole: {
		vi: 'Vai trò “{role}” không có: chọn một vai trò trong danh sách.',
		en: 'There is no role "{role}": choose one from the list.'
	},
	accountErrorExists: { vi: 'Đã có tài khoản {name}.', en: 'There is already an account {name}.' },
	accountErrorNoUser: { vi: 'Không có tài khoản {name}.', en: 'No account {name}.' },
	accountErrorShortPassword: {
		vi: 'Mật khẩu quá ngắn: cần ít nhất {min} ký tự.',
		en: 'The password is too short: at least {min} characters.'
	},
	accountErrorUnitRequired: {
		vi: 'Cán bộ đơn vị cần chọn một đơn vị.',
		en: 'A unit officer needs a unit.'
	},
	accountErrorUnitNotAllowed: {
		vi: 'Vai trò này làm việc cho cả tỉnh: không chọn đơn vị.',
		en: 'This role acts for the whole province: choose no unit.'
	},
	accountErrorUnknownUnit: {
		vi: 'Không có đơn vị mã {unit} trong danh mục.',
		en: 'No unit with the code {unit} in the unit list.'
	},
	accountErrorLastAdmin: {
		vi: '{name} là quản trị viên cuối cùng: tạo quản trị viên khác trước.',
		en: '{name} is the last administrator: make another one first.'
	},
	accountErrorPasswordMismatch: {
		vi: 'Hai lần nhập mật khẩu không giống nhau.',
		en: 'The two passwords differ.'
	},
	passwordAgain: { vi: 'Nhập lại mật khẩu', en: 'Password again' },
	auditTitle: { vi: 'Nhật ký thao tác', en: 'Audit log' },
	auditAt: { vi: 'Thời điểm (UTC)', en: 'Time (UTC)' },
	auditActor: { vi: 'Người thực hiện', en: 'Who' },
	auditSource: { vi: 'Nguồn', en: 'From' },
	auditAction: { vi: 'Thao tác', en: 'Action' },
	auditTarget: { vi: 'Đối tượng', en: 'On' },
	auditDetail: { vi: 'Chi tiết', en: 'Detail' },
	auditAddress: { vi: 'Địa chỉ', en: 'Address' },
	auditFrom: { vi: 'Từ ngày', en: 'From' },
	auditTo: { vi: 'Đến ngày', en: 'To' },
	auditAll: { vi: '(tất cả)', en: '(all)' },
	auditCsv: { vi: 'Tải CSV', en: 'Download CSV' },
	auditShown: {
		vi: '{shown} mục mới nhất (tệp CSV có đủ {total} mục).',
		en: 'The newest {shown} entries (the CSV has all {total}).'
	}
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
