/**
 * Reads the view (as-of day, preset, language) from a URL, defensively: anything missing or
 * malformed falls back to the latest data, the configured preset and Vietnamese.
 */
import { isIsoDate } from '../dates.ts';
import type { TargetPreset } from '../targets.ts';
import type { View } from '../view.ts';

export function resolveView(
	url: URL,
	snapshots: string[],
	presets: TargetPreset[],
	defaultPreset: string
): View {
	const asOfParam = url.searchParams.get('asOf') ?? '';
	const presetParam = url.searchParams.get('preset') ?? '';
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
	const latest = snapshots.at(-1) ?? new Date().toISOString().slice(0, 10);
	const preset =
		presets.find((p) => p.id === presetParam)?.id ??
		presets.find((p) => p.id === defaultPreset)?.id ??
		presets[0]?.id ??
		'';
	return { asOf: isIsoDate(asOfParam) ? asOfParam : latest, preset, lang };
}
