/**
 * Numbers, shares and dates as Vietnamese readers expect them ("70.000", "12,4%", "10/07/2023"),
 * or in English. Intl is avoided for dates: a day is a day, whatever the machine's zone.
 */
import type { IsoDate } from './dates.ts';

export type Lang = 'vi' | 'en';

const numberFormats = {
	vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
};

export function formatNumber(value: number | null | undefined, lang: Lang): string {
	if (value === null || value === undefined) return '—';
	return numberFormats[lang].format(value);
}

/** A share (0–1) as a percentage with one decimal: "12,4%" / "12.4%". */
export function formatShare(value: number | null | undefined, lang: Lang, digits = 1): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	const text = (value * 100).toFixed(digits);
	return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/** "10/07/2023" in both languages (the English interface keeps day-first dates too). */
export function formatDate(day: IsoDate | null | undefined): string {
	if (!day) return '—';
	const [y, m, d] = day.split('-');
	return `${d}/${m}/${y}`;
}

/** "31/10" — day and month only, for chart axes and short sentences. */
export function formatDayMonth(day: IsoDate): string {
	const [, m, d] = day.split('-');
	return `${d}/${m}`;
}

/** "tháng 10/2023" / "October 2023". */
export function formatMonth(month: string, lang: Lang): string {
	const [y, m] = month.split('-');
	if (lang === 'vi') return `tháng ${Number(m)}/${y}`;
	const name = new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en-GB', {
		month: 'long',
		timeZone: 'UTC'
	});
	return `${name} ${y}`;
}
