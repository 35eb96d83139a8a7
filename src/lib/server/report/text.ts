/**
 * The report's wording, Vietnamese first, English second, and the formats it needs beyond
 * format.ts: signed changes ("+1.234", "+1,3 điểm %") and the Nghị định 30/2020 date line.
 * Every writer (docx, html, xlsx) takes its words from here, so they say the same thing.
 */
import {
	formatDate,
	formatDayMonth,
	formatMonth,
	formatNumber,
	formatShare,
	type Lang
} from '../../format.ts';
import type { IsoDate } from '../../dates.ts';
import type { UnitKind } from '../../units.ts';
import { formatChange, formatPoints, formatPointsShort } from '../../meeting/changes.ts';

export { formatChange, formatPoints, formatPointsShort };

/** A change in words for a sentence: "tăng 56.448" / "giảm 12" / "không đổi". */
export function changeWords(value: number | null, lang: Lang, unit = ''): string {
	if (value === null) return '—';
	const tail = unit ? ` ${unit}` : '';
	if (value === 0) return lang === 'vi' ? 'không đổi' : 'unchanged';
	const amount = formatNumber(Math.abs(value), lang) + tail;
	return lang === 'vi'
		? `${value > 0 ? 'tăng' : 'giảm'} ${amount}`
		: `${value > 0 ? 'up' : 'down'} ${amount}`;
}

/** A change of share in words: "tăng 6,4 điểm phần trăm" / "up 6.4 percentage points". */
export function pointsWords(change: number | null, lang: Lang): string {
	if (change === null || !Number.isFinite(change)) return '—';
	const points = Math.round(change * 1000) / 10;
	if (points === 0) return lang === 'vi' ? 'không đổi' : 'unchanged';
	const text = Math.abs(points).toFixed(1);
	const amount =
		lang === 'vi' ? `${text.replace('.', ',')} điểm phần trăm` : `${text} percentage points`;
	return lang === 'vi'
		? `${points > 0 ? 'tăng' : 'giảm'} ${amount}`
		: `${points > 0 ? 'up' : 'down'} ${amount}`;
}

/**
 * The place-and-date line. Nghị định 30/2020 writes days below 10 and the months January and
 * February with a leading zero: "Hà Tĩnh, ngày 05 tháng 02 năm 2024".
 */
export function placeDateLine(place: string, day: IsoDate, lang: Lang): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	if (lang === 'en') {
		const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', {
			month: 'long',
			timeZone: 'UTC'
		});
		return `${place}, ${d} ${month} ${y}`;
	}
	const dd = d < 10 ? `0${d}` : String(d);
	const mm = m <= 2 ? `0${m}` : String(m);
	return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "tháng 10 năm 2023" / "October 2023": the month as a title says it. */
export function monthInTitle(month: string, lang: Lang): string {
	const [y, m] = month.split('-');
	return lang === 'vi' ? `tháng ${Number(m)} năm ${y}` : formatMonth(month, 'en');
}

const KIND_PLURAL: Record<UnitKind, { vi: string; en: string }> = {
	province: { vi: 'Toàn tỉnh', en: 'Province' },
	district: { vi: 'Huyện, thị xã, thành phố', en: 'Districts' },
	commune: { vi: 'Xã, phường, thị trấn', en: 'Communes' },
	agency: { vi: 'Sở, ban, ngành, đoàn thể', en: 'Agencies' },
	armed_force: { vi: 'Lực lượng vũ trang', en: 'Armed forces' }
};

export function kindTitle(kind: UnitKind, lang: Lang): string {
	return KIND_PLURAL[kind][lang];
}

/** The words of the document, per language. */
export function reportText(lang: Lang) {
	return lang === 'vi' ? VI : EN;
}

export type ReportText = typeof VI;

const VI = {
	issuer: (province: string) => `HỘI KHUYẾN HỌC TỈNH ${province.toLocaleUpperCase('vi')}`,
	/** The issuer as the header block breaks it. */
	issuerLines: (province: string) => ['HỘI KHUYẾN HỌC', `TỈNH ${province.toLocaleUpperCase('vi')}`],
	number: 'Số:        /BC-HKH',
	nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
	motto: 'Độc lập - Tự do - Hạnh phúc',
	docType: 'BÁO CÁO',
	subject: (month: string) =>
		`Tình hình thực hiện xây dựng mô hình Công dân học tập ${monthInTitle(month, 'vi')}`,
	fullTitle: (month: string) =>
		`Báo cáo tình hình thực hiện xây dựng mô hình Công dân học tập ${monthInTitle(month, 'vi')}`,
	simulated:
		'DỮ LIỆU MÔ PHỎNG — số liệu trong báo cáo này là dữ liệu mô phỏng để trình diễn, không phải số liệu thật.',
	simulatedShort: 'Dữ liệu mô phỏng',
	intro: (source: string, province: string, month: string) =>
		`Thực hiện ${source}, Hội Khuyến học tỉnh ${province} báo cáo tình hình thực hiện xây dựng mô hình Công dân học tập ${monthInTitle(month, 'vi')} như sau:`,
	dataNote: (asOf: IsoDate, snapshot: IsoDate | null, previousAsOf: IsoDate) =>
		`Số liệu tính đến ngày ${formatDate(asOf)}${snapshot ? ` (theo tệp xuất từ phần mềm ngày ${formatDate(snapshot)})` : ''}; so sánh với ngày ${formatDate(previousAsOf)}.`,
	partialNote: (asOf: IsoDate) =>
		`Tháng chưa kết thúc trong dữ liệu: số liệu dừng ở ngày ${formatDate(asOf)}.`,
	sectionOverall: 'I. KẾT QUẢ CHUNG TOÀN TỈNH',
	sectionUnits: 'II. KẾT QUẢ THEO ĐƠN VỊ',
	sectionLaggards: 'III. CÁC ĐƠN VỊ CHẬM TIẾN ĐỘ VÀ NGUYÊN NHÂN',
	sectionChanges: 'IV. NHỮNG THAY ĐỔI TRONG THÁNG',
	sectionProposals: 'V. ĐỀ XUẤT',
	provinceSentence: (
		eligible: string,
		registered: string,
		registeredShare: string,
		recognised: string,
		recognisedShare: string
	) =>
		`Toàn tỉnh có ${eligible} công dân thuộc các nhóm đối tượng; đã đăng ký ${registered} người (${registeredShare}), đạt danh hiệu Công dân học tập ${recognised} người (${recognisedShare}).`,
	changeSentence: (previousAsOf: IsoDate, registered: string, recognised: string, points: string) =>
		`So với ngày ${formatDate(previousAsOf)}, số người đăng ký ${registered}, số người đạt danh hiệu ${recognised}; tỉ lệ đạt ${points}.`,
	targetsHeading: '1. Kết quả so với chỉ tiêu',
	chartsHeading: '2. Biểu đồ',
	districtsHeading: (n: number) => `1. ${kindTitle('district', 'vi')} (${n} đơn vị)`,
	agenciesHeading: (n: number) => `2. ${kindTitle('agency', 'vi')} (${n} đơn vị)`,
	armedHeading: (n: number) => `3. ${kindTitle('armed_force', 'vi')} (${n} đơn vị)`,
	confidentialNote: 'Số liệu của lực lượng vũ trang là mật: báo cáo chỉ nêu tỉ lệ phần trăm.',
	figureDistricts: (asOf: IsoDate) =>
		`Hình 1. Tỉ lệ đạt danh hiệu của các huyện, thị xã, thành phố đến ngày ${formatDate(asOf)}`,
	figureCurve: (asOf: IsoDate) =>
		`Hình 2. Số người đạt danh hiệu cộng dồn toàn tỉnh so với lộ trình chỉ tiêu, đến ngày ${formatDate(asOf)}`,
	laggardsSummary: (n: number) => `Có ${n} đơn vị bị cảnh báo, xếp theo mức độ nghiêm trọng:`,
	noLaggards: 'Không có đơn vị nào bị cảnh báo.',
	byReason: 'Số đơn vị theo lý do cảnh báo: ',
	newlyReached: 'Đơn vị đạt chỉ tiêu trong tháng',
	newlyFlagged: 'Đơn vị mới bị cảnh báo',
	noLongerFlagged: 'Đơn vị không còn bị cảnh báo',
	mostImproved: 'Đơn vị tăng nhiều nhất',
	stalled: 'Đơn vị chưa đạt chỉ tiêu, tỉ lệ không tăng trong tháng',
	none: 'không có',
	proposalPace: (names: string) =>
		`Đề nghị các đơn vị chậm tiến độ, dự báo không đạt chỉ tiêu (${names}) rà soát, đẩy nhanh việc đăng ký và đánh giá, công nhận danh hiệu.`,
	proposalBudget: (names: string) =>
		`Đề nghị các đơn vị chưa bố trí kinh phí (${names}) bố trí kinh phí thực hiện.`,
	proposalTraining: (names: string) =>
		`Đề nghị các đơn vị chưa cử người dự tập huấn (${names}) cử cán bộ tham gia tập huấn.`,
	proposalData: (names: string) =>
		`Đề nghị các đơn vị chưa có dữ liệu (${names}) cập nhật danh sách đăng ký trên phần mềm.`,
	proposalNone: 'Các đơn vị tiếp tục duy trì tiến độ hiện tại.',
	closing: (province: string, month: string) =>
		`Trên đây là báo cáo tình hình thực hiện xây dựng mô hình Công dân học tập ${monthInTitle(month, 'vi')} của Hội Khuyến học tỉnh ${province}./.`,
	recipientsHeading: 'Nơi nhận:',
	recipients: (province: string) => [
		`- UBND tỉnh ${province} (để báo cáo);`,
		'- Ban Chỉ đạo xây dựng xã hội học tập tỉnh;',
		'- Sở Giáo dục và Đào tạo;',
		'- Hội Khuyến học các huyện, thị xã, thành phố;',
		'- Lưu: VT.'
	],
	signOnBehalf: 'TM. BAN THƯỜNG VỤ',
	signTitle: 'CHỦ TỊCH',
	signNamePlaceholder: '………………………………',
	columns: {
		no: 'TT',
		unit: 'Đơn vị',
		kind: 'Loại',
		parent: 'Cấp trên',
		code: 'Mã',
		eligible: 'Số đối tượng',
		registered: 'Đã đăng ký',
		recognised: 'Đạt danh hiệu',
		newRecognised: 'Đạt mới trong tháng',
		share: 'Tỉ lệ đạt',
		previousShare: (day: IsoDate) => `Tỉ lệ đạt ${formatDayMonth(day)}`,
		change: 'Thay đổi',
		target: 'Chỉ tiêu',
		deadline: 'Hạn',
		expected: 'Cần đạt theo tiến độ',
		projected: 'Dự báo đến hạn',
		status: 'Tình trạng',
		flags: 'Cảnh báo',
		reasons: 'Nguyên nhân',
		reached: 'Số đơn vị đạt',
		source: 'Văn bản',
		trainings: 'Số buổi tập huấn',
		trainedPeople: 'Số người dự tập huấn',
		budget: 'Kinh phí',
		changePoints: 'Thay đổi (điểm %)',
		registeredShare: 'Tỉ lệ đăng ký',
		newRegistered: 'Đăng ký mới trong tháng'
	},
	sheets: { targets: 'Chỉ tiêu', laggards: 'Chậm tiến độ' },
	annexTitle: (month: string) =>
		`Phụ lục: số liệu xây dựng mô hình Công dân học tập ${monthInTitle(month, 'vi')}`,
	asOfLine: (asOf: IsoDate, snapshot: IsoDate | null) =>
		`Số liệu đến ngày ${formatDate(asOf)}${snapshot ? `; nguồn: tệp xuất ngày ${formatDate(snapshot)}` : ''}`,
	presetLine: (source: string) => `Bộ chỉ tiêu: ${source}`,
	yes: 'Có',
	no: 'Không',
	notRecorded: 'chưa ghi nhận',
	reachedOf: (reached: number, total: number) => `${reached}/${total}`,
	noData: 'chưa có dữ liệu',
	withheld: 'không công bố (đơn vị bảo mật)'
};

const EN: ReportText = {
	issuer: (province: string) =>
		`${province.toLocaleUpperCase('vi')} PROVINCIAL ASSOCIATION FOR PROMOTING EDUCATION`,
	issuerLines: (province: string) => [
		`${province.toLocaleUpperCase('vi')} PROVINCIAL ASSOCIATION`,
		'FOR PROMOTING EDUCATION'
	],
	number: 'No.:        /BC-HKH',
	nation: 'SOCIALIST REPUBLIC OF VIET NAM',
	motto: 'Independence - Freedom - Happiness',
	docType: 'REPORT',
	subject: (month: string) =>
		`Progress in building the Learning Citizen model, ${monthInTitle(month, 'en')}`,
	fullTitle: (month: string) =>
		`Report on progress in building the Learning Citizen model, ${monthInTitle(month, 'en')}`,
	simulated:
		'SIMULATED DATA — the figures in this report are simulated for demonstration, not real data.',
	simulatedShort: 'Simulated data',
	intro: (source: string, province: string, month: string) =>
		`Pursuant to ${source}, the ${province} Provincial Association for Promoting Education reports the progress in building the Learning Citizen model in ${monthInTitle(month, 'en')} as follows:`,
	dataNote: (asOf: IsoDate, snapshot: IsoDate | null, previousAsOf: IsoDate) =>
		`Figures as of ${formatDate(asOf)}${snapshot ? ` (from the software export of ${formatDate(snapshot)})` : ''}; compared with ${formatDate(previousAsOf)}.`,
	partialNote: (asOf: IsoDate) =>
		`The month is not over in the data: the figures stop on ${formatDate(asOf)}.`,
	sectionOverall: 'I. PROVINCE-WIDE RESULTS',
	sectionUnits: 'II. RESULTS BY UNIT',
	sectionLaggards: 'III. UNITS BEHIND AND WHY',
	sectionChanges: 'IV. CHANGES DURING THE MONTH',
	sectionProposals: 'V. PROPOSALS',
	provinceSentence: (
		eligible: string,
		registered: string,
		registeredShare: string,
		recognised: string,
		recognisedShare: string
	) =>
		`The province has ${eligible} citizens in the target groups; ${registered} have registered (${registeredShare}) and ${recognised} have been recognised as Learning Citizens (${recognisedShare}).`,
	changeSentence: (previousAsOf: IsoDate, registered: string, recognised: string, points: string) =>
		`Since ${formatDate(previousAsOf)}, registrations are ${registered}, recognised people ${recognised}; the share recognised is ${points}.`,
	targetsHeading: '1. Results against the targets',
	chartsHeading: '2. Charts',
	districtsHeading: (n: number) => `1. ${kindTitle('district', 'en')} (${n} units)`,
	agenciesHeading: (n: number) => `2. ${kindTitle('agency', 'en')} (${n} units)`,
	armedHeading: (n: number) => `3. ${kindTitle('armed_force', 'en')} (${n} units)`,
	confidentialNote: 'Armed-forces counts are confidential: the report gives percentages only.',
	figureDistricts: (asOf: IsoDate) =>
		`Figure 1. Share recognised by district as of ${formatDate(asOf)}`,
	figureCurve: (asOf: IsoDate) =>
		`Figure 2. Recognised people in the province, cumulative, against the target path, as of ${formatDate(asOf)}`,
	laggardsSummary: (n: number) => `${n} units are flagged, most severe first:`,
	noLaggards: 'No unit is flagged.',
	byReason: 'Flagged units by reason: ',
	newlyReached: 'Units that reached their target this month',
	newlyFlagged: 'Newly flagged units',
	noLongerFlagged: 'Units no longer flagged',
	mostImproved: 'Largest gains',
	stalled: 'Units below target whose share did not rise this month',
	none: 'none',
	proposalPace: (names: string) =>
		`Units behind pace or projected to miss their target (${names}) should review and speed up registration and recognition.`,
	proposalBudget: (names: string) => `Units without a budget (${names}) should allocate one.`,
	proposalTraining: (names: string) =>
		`Units that have sent nobody to training (${names}) should send staff to the training sessions.`,
	proposalData: (names: string) =>
		`Units without data (${names}) should update their registration lists in the software.`,
	proposalNone: 'Units should keep up their current pace.',
	closing: (province: string, month: string) =>
		`This is the report of the ${province} Provincial Association for Promoting Education on the Learning Citizen model for ${monthInTitle(month, 'en')}.`,
	recipientsHeading: 'To:',
	recipients: (province: string) => [
		`- ${province} Provincial People's Committee (for reporting);`,
		'- Provincial Steering Committee for the Learning Society;',
		'- Department of Education and Training;',
		'- District associations for promoting education;',
		'- Archive.'
	],
	signOnBehalf: 'ON BEHALF OF THE STANDING COMMITTEE',
	signTitle: 'CHAIR',
	signNamePlaceholder: '………………………………',
	columns: {
		no: 'No.',
		unit: 'Unit',
		kind: 'Kind',
		parent: 'Parent',
		code: 'Code',
		eligible: 'Eligible',
		registered: 'Registered',
		recognised: 'Recognised',
		newRecognised: 'Recognised this month',
		share: 'Share recognised',
		previousShare: (day: IsoDate) => `Share on ${formatDayMonth(day)}`,
		change: 'Change',
		target: 'Target',
		deadline: 'Deadline',
		expected: 'Expected by now',
		projected: 'Projected at deadline',
		status: 'Status',
		flags: 'Flags',
		reasons: 'Reasons',
		reached: 'Units reached',
		source: 'Document',
		trainings: 'Training sessions',
		trainedPeople: 'People trained',
		budget: 'Budget',
		changePoints: 'Change (points)',
		registeredShare: 'Share registered',
		newRegistered: 'Registered this month'
	},
	sheets: { targets: 'Targets', laggards: 'Laggards' },
	annexTitle: (month: string) => `Annex: Learning Citizen figures, ${monthInTitle(month, 'en')}`,
	asOfLine: (asOf: IsoDate, snapshot: IsoDate | null) =>
		`As of ${formatDate(asOf)}${snapshot ? `; source: export of ${formatDate(snapshot)}` : ''}`,
	presetLine: (source: string) => `Targets: ${source}`,
	yes: 'Yes',
	no: 'No',
	notRecorded: 'not recorded',
	reachedOf: (reached: number, total: number) => `${reached} of ${total}`,
	noData: 'no data',
	withheld: 'withheld (confidential unit)'
};

/**
 * A share, "chưa có dữ liệu", or — where a confidential unit's share exists but covers too few
 * people to publish — "không công bố": the unit has data, the report only may not show it.
 */
export function shareText(value: number | null, lang: Lang, withheld = false): string {
	if (withheld) return reportText(lang).withheld;
	return value === null ? reportText(lang).noData : formatShare(value, lang);
}
