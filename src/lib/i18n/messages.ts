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
	noBoundaries: {
		vi: 'Không có ranh giới để vẽ bản đồ; xem bảng bên dưới.',
		en: 'No boundaries to draw a map; see the table below.'
	},
	classReached: { vi: 'Đạt chỉ tiêu', en: 'Target reached' },
	classOnPace: { vi: 'Đúng tiến độ', en: 'On pace' },
	classBehindPace: { vi: 'Chậm tiến độ', en: 'Behind pace' },
	classFarBehind: { vi: 'Chậm nhiều', en: 'Far behind' },
	classNoData: { vi: 'Chưa có dữ liệu', en: 'No data' },
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
	}
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
