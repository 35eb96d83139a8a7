/**
 * `ingest`: load exports and print, per file, what happened: rows read, accepted, rejected by
 * reason, and the names that matched nothing, with the closest known names.
 */
import { formatDate, formatNumber, type Lang } from '../../src/lib/format.ts';
import { REJECT_REASONS, type RejectReason } from '../../src/lib/rejects.ts';
import type { CliOptions } from '../cli.ts';
import type { NameWarning } from '../dictionaries.ts';
import { ingest, type FileOutcome, type Stage } from '../ingest.ts';
import { rejectText } from '../messages.ts';
import type { Output } from '../tty.ts';

const STAGES: Record<Stage, { vi: string; en: string }> = {
	hash: { vi: 'kiểm tra', en: 'checking' },
	read: { vi: 'đọc', en: 'reading' },
	match: { vi: 'đối chiếu đơn vị', en: 'matching units' },
	validate: { vi: 'kiểm tra dữ liệu', en: 'validating' },
	load: { vi: 'ghi', en: 'loading' },
	aggregate: { vi: 'tổng hợp theo ngày', en: 'building daily totals' }
};

const SHOWN_NAMES = 8;

export async function runIngest(options: CliOptions, out: Output): Promise<number> {
	const { lang } = options;
	const n = (v: number) => formatNumber(v, lang);
	const outcomes = await ingest({
		db: options.db,
		inputs: options.args,
		asOf: options.asOf,
		dryRun: options.dryRun,
		onStage: (file, stage, progress) => {
			const label = `${file ? `${file}: ` : ''}${STAGES[stage][lang]}`;
			const rows =
				progress?.rows !== undefined
					? ` ${n(progress.rows)} ${lang === 'vi' ? 'dòng' : 'rows'}`
					: '';
			out.status(label + rows, progress?.fraction);
		}
	});
	out.done();
	for (const outcome of outcomes) printOutcome(outcome, out, lang);
	const loaded = outcomes.filter((o) => o.status === 'loaded').length;
	if (options.dryRun) {
		out.line(
			out.colour.yellow(
				lang === 'vi'
					? 'Chạy thử (--dry-run): cơ sở dữ liệu không thay đổi.'
					: 'Dry run: the database is unchanged.'
			)
		);
	} else if (loaded === 0) {
		out.line(lang === 'vi' ? 'Không có gì mới để nhập.' : 'Nothing new to import.');
	}
	return 0;
}

function printOutcome(o: FileOutcome, out: Output, lang: Lang): void {
	const vi = lang === 'vi';
	const n = (v: number) => formatNumber(v, lang);
	const { colour } = out;
	if (o.status === 'unchanged') {
		out.line(
			`${colour.dim('=')} ${o.file}: ${vi ? `đã nhập trước đây (lượt #${o.importId}, số liệu đến ${formatDate(o.asOf)}); không thay đổi gì` : `already imported (import #${o.importId}, as of ${formatDate(o.asOf)}); nothing changed`}`
		);
		return;
	}
	const sheet = o.sheet ? (vi ? `, trang “${o.sheet}”` : `, sheet "${o.sheet}"`) : '';
	out.line(
		`${colour.green('✓')} ${colour.bold(o.file)}${sheet} → ${vi ? 'lượt' : 'import'} #${o.importId}, ${vi ? 'số liệu đến' : 'as of'} ${formatDate(o.asOf)}: ` +
			`${n(o.rowsRead)} ${vi ? 'dòng đọc' : 'rows read'}, ${n(o.rowsAccepted)} ${vi ? 'nhận' : 'accepted'}, ` +
			`${o.rowsRejected > 0 ? colour.yellow(`${n(o.rowsRejected)} ${vi ? 'bị loại' : 'rejected'}`) : `0 ${vi ? 'bị loại' : 'rejected'}`} ` +
			colour.dim(`(${o.seconds.toFixed(1).replace('.', vi ? ',' : '.')} s)`)
	);
	if (o.rowsRejected > 0) {
		const reasons = o.rejectsByReason
			.map(
				(r) =>
					`${n(r.rows)} ${REJECT_REASONS.includes(r.reason as RejectReason) ? rejectText(r.reason as RejectReason, lang) : r.reason}`
			)
			.join('; ');
		out.line(`    ${vi ? 'lý do loại' : 'rejected'}: ${reasons}`);
		out.line(
			colour.dim(
				`    ${vi ? `xem từng dòng: npm run pipeline -- rejects ${o.importId}` : `see each row: npm run pipeline -- rejects ${o.importId} --lang en`}`
			)
		);
	}
	if (o.rowsIgnored > 0) {
		out.line(
			colour.dim(
				`    ${n(o.rowsIgnored)} ${vi ? 'dòng trống, dòng tổng cộng hoặc chữ ký được bỏ qua' : 'blank, total or signature rows ignored'}`
			)
		);
	}
	if (o.unknownColumns.length > 0) {
		out.line(
			colour.dim(
				`    ${vi ? 'cột không dùng' : 'columns not used'}: ${o.unknownColumns.join(', ')}`
			)
		);
	}
	const w = o.warnings;
	names(
		out,
		lang,
		vi
			? 'Huyện không có trong danh mục (dòng bị loại)'
			: 'Districts not in the unit list (rows rejected)',
		w.unknownDistricts
	);
	names(
		out,
		lang,
		vi
			? 'Xã không có trong danh mục (tính cho huyện)'
			: 'Communes not in the unit list (counted for the district)',
		w.unknownCommunes.map((c) => ({ ...c, name: `${c.name} (${c.district})` }))
	);
	names(
		out,
		lang,
		vi
			? 'Nơi công tác không có trong danh mục (chỉ tính theo nơi cư trú)'
			: 'Workplaces not in the unit list (counted where people live)',
		w.unknownWorkplaces
	);
	names(
		out,
		lang,
		vi
			? 'Đối tượng không xác định (ghi là “không rõ”)'
			: 'Groups not recognised (recorded as "not stated")',
		w.unknownGroups
	);
}

function names(out: Output, lang: Lang, title: string, list: NameWarning[]): void {
	if (list.length === 0) return;
	const vi = lang === 'vi';
	const total = list.reduce((s, w) => s + w.rows, 0);
	out.line(
		`    ${out.colour.yellow('!')} ${title}: ${formatNumber(list.length, lang)} ${vi ? 'tên' : 'names'}, ${formatNumber(total, lang)} ${vi ? 'dòng' : 'rows'}`
	);
	for (const w of list.slice(0, SHOWN_NAMES)) {
		const hint =
			w.suggestions.length > 0
				? ` → ${vi ? 'có phải' : 'did you mean'}: ${w.suggestions.join(', ')}?`
				: '';
		out.line(`      “${w.name.replace(/\s+/g, ' ')}” (${formatNumber(w.rows, lang)})${hint}`);
	}
	if (list.length > SHOWN_NAMES)
		out.line(
			out.colour.dim(
				`      … ${vi ? 'và' : 'and'} ${formatNumber(list.length - SHOWN_NAMES, lang)} ${vi ? 'tên khác' : 'more'}`
			)
		);
}
