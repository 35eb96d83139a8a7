/** `units` and `activity`: replace the unit list or the activity sheet. */
import { formatNumber } from '../../src/lib/format.ts';
import { shownPath } from '../../src/lib/server/config.ts';
import { loadActivity } from '../activity.ts';
import type { CliOptions } from '../cli.ts';
import { say } from '../messages.ts';
import type { Output } from '../tty.ts';
import { loadUnits } from '../units.ts';
import { printMoves, printOpenNames } from './moves.ts';

export async function runUnits(options: CliOptions, out: Output): Promise<number> {
	const vi = options.lang === 'vi';
	out.status(vi ? 'nạp danh mục đơn vị' : 'loading the unit list');
	const result = await loadUnits(options.db, options.args[0]!, {
		dryRun: options.dryRun,
		dataDir: options.dataDir,
		province: options.province,
		boundaries: options.boundaries
	});
	out.done();
	const kinds = Object.entries(result.byKind)
		.map(([kind, count]) => `${formatNumber(count, options.lang)} ${kind}`)
		.join(', ');
	out.line(
		`${out.colour.green('✓')} ${vi ? 'Danh mục đơn vị' : 'Unit list'}: ${formatNumber(result.units, options.lang)} ${vi ? 'đơn vị' : 'units'} (${kinds})${result.replaced > 0 ? (vi ? `, thay cho ${formatNumber(result.replaced, options.lang)} đơn vị cũ` : `, replacing ${formatNumber(result.replaced, options.lang)}`) : ''}`
	);
	if (result.replaced > 0) printMoves(out, options.lang, result.settled);
	printOpenNames(out, options.lang, result.settled.open);
	printWritten(options, out);
	return 0;
}

export async function runActivity(options: CliOptions, out: Output): Promise<number> {
	const vi = options.lang === 'vi';
	out.status(vi ? 'nạp bảng theo dõi hoạt động' : 'loading the activity sheet');
	const result = await loadActivity(options.db, options.args[0]!, {
		dryRun: options.dryRun,
		dataDir: options.dataDir
	});
	out.done();
	out.line(
		`${out.colour.green('✓')} ${vi ? 'Hoạt động' : 'Activity'}: ${formatNumber(result.rows, options.lang)} ${vi ? 'dòng' : 'rows'}, ${formatNumber(result.units, options.lang)} ${vi ? 'đơn vị' : 'units'}`
	);
	printWritten(options, out);
	return 0;
}

/** Which file changed, as every writing command says it (or that a dry run changed none). */
function printWritten(options: CliOptions, out: Output): void {
	const where = { db: shownPath(options.db) };
	if (options.dryRun) out.line(out.colour.yellow(say('dryRun', options.lang, where)));
	else out.line(out.colour.dim(say('wrote', options.lang, where)));
}
