/**
 * What the district map draws for each unit: its class colour, a label with the share and the
 * class symbol, and the sentence read out on hover or by a screen reader. Pure, so it is tested.
 */
import { formatShare, type Lang } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { PaceClass } from '../pace.ts';
import { CLASS_STYLE } from '../palette.ts';

export interface MapUnit {
	code: string;
	name: string;
	share: number | null;
	paceClass: PaceClass;
	threshold: number | null;
}

export function featureStyle(unit: MapUnit | undefined) {
	const style = CLASS_STYLE[unit?.paceClass ?? 'no_data'];
	return {
		fillColor: style.colour,
		fillOpacity: 0.85,
		color: '#222222',
		weight: 1.2,
		// No data: hatched by a dash pattern on the outline as well as grey.
		dashArray: unit && unit.paceClass !== 'no_data' ? undefined : '4 4'
	};
}

/** "Can Lộc 52,3% ✓": the permanent label on the map. */
export function featureLabel(unit: MapUnit | undefined, fallbackName: string, lang: Lang): string {
	if (!unit) return `${shortName(fallbackName)} ${t(lang, 'noData')} ${CLASS_STYLE.no_data.symbol}`;
	const share = unit.share === null ? t(lang, 'noData') : formatShare(unit.share, lang);
	return `${shortName(unit.name)} ${share} ${CLASS_STYLE[unit.paceClass].symbol}`;
}

/** "Huyện Can Lộc: 52,3% (chỉ tiêu 40%) — Đạt chỉ tiêu": hover and screen-reader text. */
export function featureDescription(
	unit: MapUnit | undefined,
	fallbackName: string,
	lang: Lang
): string {
	if (!unit) return `${fallbackName}: ${t(lang, 'noData')}`;
	const share = unit.share === null ? t(lang, 'noData') : formatShare(unit.share, lang);
	const target =
		unit.threshold === null
			? ''
			: ` (${t(lang, 'target').toLowerCase()} ${formatShare(unit.threshold, lang, 0)})`;
	return `${unit.name}: ${share}${target} — ${t(lang, CLASS_STYLE[unit.paceClass].label)}`;
}

/** District names without their type prefix, for labels that must fit inside small shapes. */
export function shortName(name: string): string {
	return name.replace(/^(Huyện|Thị xã|Thành phố|Quận|Xã|Phường|Thị trấn)\s+/u, '');
}
