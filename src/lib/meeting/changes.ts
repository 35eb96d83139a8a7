/**
 * Changes since the previous month as people read them: "+1.234", "+1,3 điểm %". Shared by the
 * meeting deck (in the browser) and the monthly report (on the server). Pure.
 */
import { formatNumber, type Lang } from '../format.ts';

/** "+1.234" / "−56" / "0"; a dash when unknown (confidential units, no data). */
export function formatChange(value: number | null, lang: Lang): string {
	if (value === null) return '—';
	if (value === 0) return '0';
	return `${value > 0 ? '+' : '−'}${formatNumber(Math.abs(value), lang)}`;
}

/** A change of share in percentage points for a table column headed "(điểm %)": "+1,3". */
export function formatPointsShort(change: number | null, lang: Lang): string {
	if (change === null || !Number.isFinite(change)) return '—';
	const points = Math.round(change * 1000) / 10;
	const text = Math.abs(points).toFixed(1);
	const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
	return `${sign}${lang === 'vi' ? text.replace('.', ',') : text}`;
}

/** A change of share in percentage points: "+1,3 điểm %" / "+1.3 pts". */
export function formatPoints(change: number | null, lang: Lang): string {
	if (change === null || !Number.isFinite(change)) return '—';
	return `${formatPointsShort(change, lang)} ${lang === 'vi' ? 'điểm %' : 'pts'}`;
}
