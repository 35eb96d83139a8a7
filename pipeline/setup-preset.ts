/**
 * The target preset a new province starts from: the programme's defaults as the Hà Tĩnh letter
 * sets them (seed 000, items 3–5) — 100% of provincial departments' staff and of the armed forces,
 * at least 40% of citizens in each district, over the campaign year. The province replaces the
 * source and the figures with its own letter's.
 */
import type { Province } from './gso.ts';

const RULES = {
	paceMargin: 0.05,
	farBehindRatio: 0.5,
	projectionWindowDays: 30,
	inactivityDays: 30
};

const DEFAULTS = [
	{
		id: 'agencies',
		label: {
			vi: '100% cán bộ, công chức, viên chức, người lao động của sở, ban, ngành, đoàn thể đạt danh hiệu',
			en: '100% of staff of every provincial department and organisation recognised'
		},
		kind: 'agency',
		threshold: 1
	},
	{
		id: 'armed-forces',
		label: {
			vi: '100% cán bộ, chiến sỹ, người lao động lực lượng vũ trang đạt danh hiệu',
			en: '100% of officers, soldiers and workers of the armed forces recognised'
		},
		kind: 'armed_force',
		threshold: 1
	},
	{
		id: 'districts',
		label: {
			vi: 'Tối thiểu 40% công dân thuộc các nhóm sinh sống trên địa bàn huyện đạt danh hiệu',
			en: 'At least 40% of citizens of the groups living in each district recognised'
		},
		kind: 'district',
		threshold: 0.4
	}
] as const;

/** Written as JSON for the province to edit; parsePreset accepts it as it is. */
export function defaultPreset(province: Province, slug: string, year: number) {
	const short = province.name.replace(/^\s*(Tỉnh|Thành phố)\s+/u, '');
	// "UBND tỉnh Quảng Ngãi": the unit word is lower case inside a sentence.
	const committee = `UBND ${province.name.replace(/^(Tỉnh|Thành phố)/u, (w) => w.toLowerCase())}`;
	return {
		id: `${slug}-${year}`,
		name: { vi: `${short} ${year}`, en: `${short} ${year}` },
		source: `Chỉ tiêu mặc định của chương trình (như Công văn /UBND-VX1 năm 2023 của UBND tỉnh Hà Tĩnh): thay bằng văn bản của ${committee}`,
		rules: RULES,
		targets: DEFAULTS.map((t) => ({
			id: t.id,
			label: t.label,
			appliesTo: { kind: t.kind },
			metric: 'recognised',
			threshold: t.threshold,
			start: `${year}-01-01`,
			deadline: `${year}-12-31`,
			source: { document: `Văn bản của ${committee} (ghi số, ngày)`, item: '(ghi mục)' }
		}))
	};
}
