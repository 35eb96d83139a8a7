/**
 * Laggard flags in plain words, with the numbers behind them — the same sentence on the page, in
 * the export and in the monthly report: "chậm tiến độ: 12,4%, theo tiến độ cần 28,0% vào 31/10".
 */
import type { Flag, FlagKind } from './flags.ts';
import { formatDate, formatDayMonth, formatShare, type Lang } from './format.ts';

export const FLAG_LABELS: Record<FlagKind, { vi: string; en: string }> = {
	behind_target: { vi: 'không đạt chỉ tiêu', en: 'behind target' },
	behind_pace: { vi: 'chậm tiến độ', en: 'behind pace' },
	projected_miss: { vi: 'dự báo không đạt', en: 'projected to miss' },
	no_activity: { vi: 'không có đăng ký mới', en: 'no new registrations' },
	no_data: { vi: 'chưa có dữ liệu', en: 'no data' },
	no_training: { vi: 'chưa cử người dự tập huấn', en: 'nobody trained' },
	no_budget: { vi: 'chưa bố trí kinh phí', en: 'no budget' }
};

export function flagLabel(kind: FlagKind, lang: Lang): string {
	return FLAG_LABELS[kind][lang];
}

/** One flag as a sentence fragment with its numbers. */
export function explainFlag(flag: Flag, lang: Lang): string {
	const vi = lang === 'vi';
	const pct = (v: number) => formatShare(v, lang);
	const label = flagLabel(flag.kind, lang);
	switch (flag.kind) {
		case 'behind_target':
			return vi
				? `${label} (hạn ${formatDate(flag.deadline)})`
				: `${label} (deadline ${formatDate(flag.deadline)})`;
		case 'behind_pace':
			return vi
				? `${label}: theo tiến độ cần ${pct(flag.expected)} vào ${formatDayMonth(flag.day)}`
				: `${label}: ${pct(flag.expected)} needed by ${formatDayMonth(flag.day)} to stay on pace`;
		case 'projected_miss':
			return vi
				? `${label}: dự báo ${pct(flag.projected)} vào ${formatDate(flag.deadline)}`
				: `${label}: ${pct(flag.projected)} forecast by ${formatDate(flag.deadline)}`;
		case 'no_activity':
			return flag.lastRegistration
				? vi
					? `${label} từ ${formatDate(flag.lastRegistration)} (${flag.days} ngày)`
					: `${label} since ${formatDate(flag.lastRegistration)} (${flag.days} days)`
				: label;
		case 'no_data':
			return vi ? `${label}: không có dòng đăng ký nào` : `${label}: no registration rows at all`;
		case 'no_training':
		case 'no_budget':
			return label;
	}
}

/**
 * A laggard's whole line: "Hương Khê: 12,4% — chỉ tiêu 40%; theo tiến độ cần 28,0% vào 31/10; …".
 */
export function explainUnit(
	name: string,
	share: number | null,
	threshold: number | null,
	flags: Flag[],
	lang: Lang
): string {
	const head =
		share === null
			? name
			: `${name}: ${formatShare(share, lang)}${threshold !== null ? ` — ${lang === 'vi' ? 'chỉ tiêu' : 'target'} ${formatShare(threshold, lang, 0)}` : ''}`;
	const reasons = flags.map((f) => explainFlag(f, lang));
	return [head, ...reasons].join('; ');
}
