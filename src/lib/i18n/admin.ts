/**
 * Interface text of the names review and the admin pages (unit list, target presets, activity
 * sheet), Vietnamese first; part of the one message table (messages.ts).
 */
export const ADMIN_MESSAGES = {
	navNames: { vi: 'Rà soát tên', en: 'Names review' },
	navAdmin: { vi: 'Quản trị', en: 'Administration' },
	reviewNamesHere: {
		vi: 'Rà soát các tên này trên trình duyệt',
		en: 'Review these names in the browser'
	},
	namesReviewIntro: {
		vi: 'Mỗi quyết định áp dụng ngay cho mọi lượt nhập: số liệu trên trang theo dõi đổi theo.',
		en: 'Each decision applies to every import at once: the dashboard’s figures follow.'
	},
	acceptSuggestion: { vi: 'Nhận là {unit}', en: 'Accept as {unit}' },
	chooseUnit: { vi: 'Chọn đơn vị khác…', en: 'Choose another unit…' },
	searchUnit: { vi: 'Tìm đơn vị (gõ không dấu cũng được)', en: 'Find a unit (marks optional)' },
	noUnitFound: { vi: 'Không tìm thấy đơn vị nào.', en: 'No unit found.' },
	acceptChosen: { vi: 'Nhận tên này', en: 'Accept the name' },
	ignoreName: { vi: 'Bỏ qua', en: 'Ignore' },
	undoDecision: { vi: 'Hủy quyết định', en: 'Undo' },
	decisions: { vi: 'Các quyết định đã có', en: 'Decisions made' },
	noDecisions: { vi: 'Chưa có quyết định nào.', en: 'No decision yet.' },
	decisionIgnored: { vi: 'bỏ qua', en: 'ignored' },
	decidedBy: { vi: 'Người quyết định', en: 'Decided by' },
	decidedAt: { vi: 'Lúc', en: 'At' },
	meaning: { vi: 'Ứng với', en: 'Means' },
	commandDone: { vi: 'Đã thực hiện', en: 'Done' },
	commandRefused: { vi: 'Không thực hiện được', en: 'Refused' },
	uploadMissing: { vi: 'Chưa chọn tệp.', en: 'No file chosen.' },
	uploadTooLarge: {
		vi: 'Tệp quá lớn (tối đa {mb} MB).',
		en: 'The file is too large ({mb} MB at most).'
	},
	uploadExtension: { vi: 'Chỉ nhận tệp {extensions}.', en: 'Only {extensions} files.' },
	uploadChanged: {
		vi: 'Tệp khác với tệp đã xem trước: xem trước lại rồi xác nhận.',
		en: 'The file differs from the one previewed: preview it again, then confirm.'
	},
	adminTitle: { vi: 'Quản trị', en: 'Administration' },
	adminUnits: { vi: 'Danh mục đơn vị', en: 'Unit list' },
	adminUnitsIntro: {
		vi: 'Tải lên danh mục đơn vị (CSV hoặc XLSX), xem trước những gì thay đổi, rồi xác nhận. Kiểm tra giống hệt lệnh units.',
		en: 'Upload the unit list (CSV or XLSX), preview what changes, then confirm. The checks are those of the units command.'
	},
	adminActivity: { vi: 'Bảng theo dõi hoạt động', en: 'Activity sheet' },
	adminActivityIntro: {
		vi: 'Tải lên bảng theo dõi hoạt động của Hội Khuyến học (CSV hoặc XLSX), xem trước, rồi xác nhận.',
		en: 'Upload the association’s activity sheet (CSV or XLSX), preview it, then confirm.'
	},
	adminPresets: { vi: 'Bộ chỉ tiêu', en: 'Target presets' },
	adminPresetsIntro: {
		vi: 'Mỗi bộ chỉ tiêu là một tệp targets/<mã>.json; lưu qua lệnh presets add nên được kiểm tra và ghi nhật ký như mọi thay đổi.',
		en: 'Each preset is a file targets/<id>.json; saving goes through the presets add command, checked and logged like every change.'
	},
	chooseFile: { vi: 'Tệp', en: 'File' },
	preview: { vi: 'Xem trước', en: 'Preview' },
	confirm: { vi: 'Xác nhận', en: 'Confirm' },
	previewOf: { vi: 'Xem trước: {file}', en: 'Preview: {file}' },
	presetDefault: { vi: 'mặc định', en: 'default' },
	presetTargets: { vi: '{n} chỉ tiêu', en: '{n} targets' },
	edit: { vi: 'Sửa', en: 'Edit' },
	remove: { vi: 'Xóa', en: 'Remove' },
	newPreset: { vi: 'Bộ chỉ tiêu mới', en: 'New preset' },
	uploadPreset: { vi: 'Tải lên tệp JSON', en: 'Upload a JSON file' },
	save: { vi: 'Lưu', en: 'Save' },
	presetId: { vi: 'Mã (tên tệp)', en: 'Id (the file name)' },
	nameVi: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
	nameEn: { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
	presetSource: { vi: 'Văn bản giao chỉ tiêu', en: 'Document setting the targets' },
	rules: { vi: 'Ngưỡng cảnh báo', en: 'Warning thresholds' },
	rulePaceMargin: {
		vi: 'Chậm tiến độ khi thấp hơn tiến độ quá (0–1)',
		en: 'Behind pace below the path by more than (0–1)'
	},
	ruleFarBehindRatio: {
		vi: 'Chậm nhiều khi dưới tỉ lệ này của tiến độ (0–1)',
		en: 'Far behind below this fraction of the path (0–1)'
	},
	ruleProjectionWindowDays: {
		vi: 'Số ngày tính tốc độ dự báo',
		en: 'Days behind the projected rate'
	},
	ruleInactivityDays: { vi: 'Không hoạt động sau số ngày', en: 'No activity after days' },
	targets: { vi: 'Chỉ tiêu', en: 'Targets' },
	targetNumber: { vi: 'Chỉ tiêu {n}', en: 'Target {n}' },
	targetId: { vi: 'Mã chỉ tiêu', en: 'Target id' },
	labelVi: { vi: 'Nội dung (tiếng Việt)', en: 'Label (Vietnamese)' },
	labelEn: { vi: 'Nội dung (tiếng Anh)', en: 'Label (English)' },
	appliesToKind: { vi: 'Áp dụng cho loại đơn vị', en: 'Applies to the kind' },
	appliesToUnit: { vi: 'hoặc một đơn vị (mã)', en: 'or one unit (code)' },
	oneUnit: { vi: '— một đơn vị —', en: '— one unit —' },
	metric: { vi: 'Thước đo', en: 'Metric' },
	metric_recognised: { vi: 'đạt danh hiệu / số đối tượng', en: 'recognised / eligible' },
	metric_registered: { vi: 'đã đăng ký / số đối tượng', en: 'registered / eligible' },
	metric_digital_skills: {
		vi: 'có kỹ năng số / đạt danh hiệu',
		en: 'with digital skills / recognised'
	},
	metric_trained: { vi: 'hội viên được tập huấn / hội viên', en: 'members trained / members' },
	threshold: { vi: 'Tỉ lệ phải đạt (0–1, ví dụ 0,4)', en: 'Share to reach (0–1, e.g. 0.4)' },
	targetStart: { vi: 'Bắt đầu', en: 'Start' },
	targetDeadline: { vi: 'Hạn', en: 'Deadline' },
	milestones: { vi: 'Mốc trung gian', en: 'Milestones' },
	milestoneDate: { vi: 'Ngày', en: 'Date' },
	milestoneShare: { vi: 'Tỉ lệ (0–1)', en: 'Share (0–1)' },
	addMilestone: { vi: 'Thêm mốc', en: 'Add a milestone' },
	addTarget: { vi: 'Thêm chỉ tiêu', en: 'Add a target' },
	sourceDocument: { vi: 'Văn bản', en: 'Document' },
	sourceItem: { vi: 'Mục', en: 'Item' },
	formProblem: { vi: 'Chưa lưu: sửa ô được đánh dấu.', en: 'Not saved: fix the marked field.' }
} as const satisfies Record<string, { vi: string; en: string }>;
