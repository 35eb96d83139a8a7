/** `units` and `activity`: replace the unit list or the activity sheet. */
import { formatNumber } from '../../src/lib/format.ts';
import { loadActivity } from '../activity.ts';
import type { CliOptions } from '../cli.ts';
import type { Output } from '../tty.ts';
import { loadUnits } from '../units.ts';
import { printMoves, printOpenNames } from './moves.ts';

export async function runUnits(options: CliOptions, out: Output): Promise<number> {
	const vi = options.lang === 'vi';
	out.status(vi ? 'nạp danh mục đơn vị' : 'loading the unit list');
	const result = await loadUnits(options.db, options.args[0]!, {
		dryRun: options.dryRun,
		dataDir: options.dataDir
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
	if (options.dryRun) out.line(vi ? 'Chạy thử: không thay đổi gì.' : 'Dry run: nothing changed.');
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
	if (options.dryRun) out.line(vi ? 'Chạy thử: không thay đổi gì.' : 'Dry run: nothing changed.');
	return 0;
}
