/**
 * What a change did, as the commands print it: "Sở Y tế: +15 đăng ký, +6 đạt", the shares only
 * for a confidential unit, and how many names are still open.
 */
import { formatDate, formatNumber, formatShare, type Lang } from '../../src/lib/format.ts';
import { coarseShare } from '../../src/lib/progress.ts';
import { say } from '../messages.ts';
import type { UnitMove } from '../names/moves.ts';
import type { Settled } from '../names/rematch.ts';
import type { Output } from '../tty.ts';

const SHOWN = 15;

function signed(value: number, lang: Lang): string {
	return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), lang)}`;
}

function moveText(m: UnitMove, lang: Lang): string {
	const { unit } = m;
	if (unit.confidential) {
		// Rounded like every published share of a confidential unit.
		const share = (recognised: number) =>
			formatShare(
				unit.eligible ? coarseShare(recognised / unit.eligible, unit.eligible) : null,
				lang
			);
		return say('moveShares', lang, {
			before: share(m.before.recognised),
			after: share(m.after.recognised)
		});
	}
	return say('moveCounts', lang, {
		registered: signed(m.after.registered - m.before.registered, lang),
		recognised: signed(m.after.recognised - m.before.recognised, lang)
	});
}

export function printMoves(out: Output, lang: Lang, settled: Settled): void {
	if (settled.rematched) out.line(say('rematched', lang));
	if (settled.moves.length === 0) {
		out.line(say('movedNothing', lang));
		return;
	}
	out.line(say('moved', lang, { date: formatDate(settled.latest), units: settled.moves.length }));
	for (const m of settled.moves.slice(0, SHOWN)) out.line(`  ${m.unit.name}: ${moveText(m, lang)}`);
	if (settled.moves.length > SHOWN)
		out.line(out.colour.dim(`  ${say('moreUnits', lang, { n: settled.moves.length - SHOWN })}`));
}

/** "Còn 12 tên chưa khớp (340 dòng): …", or nothing when every name is answered. */
export function printOpenNames(out: Output, lang: Lang, open: Settled['open']): void {
	if (open.names === 0) return;
	out.line(
		out.colour.yellow(
			say('openNames', lang, {
				names: formatNumber(open.names, lang),
				rows: formatNumber(open.rows, lang)
			})
		)
	);
}
