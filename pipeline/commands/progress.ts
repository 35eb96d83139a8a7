/**
 * `progress`: every unit on a day against its target. Confidential units show shares only, here
 * as everywhere. With --json, one JSON document on stdout and nothing else.
 */
import { explainFlag } from '../../src/lib/explain.ts';
import { formatDate, formatNumber, formatShare } from '../../src/lib/format.ts';
import { redact, type UnitProgress } from '../../src/lib/progress.ts';
import { snapshotDates } from '../../src/lib/server/imports.ts';
import { progressOn } from '../../src/lib/server/progress.ts';
import type { CliOptions } from '../cli.ts';
import { ImportError } from '../errors.ts';
import type { Output } from '../tty.ts';
import { chosenPreset, openForReading } from './open.ts';

export async function runProgress(options: CliOptions, out: Output): Promise<number> {
	const preset = chosenPreset(options.preset, options.dataDir);
	const db = await openForReading(options.db);
	try {
		const snapshots = await snapshotDates(db.kysely);
		const asOf = options.asOf ?? snapshots.at(-1);
		if (!asOf) throw new ImportError('no_database', {});
		const units = (await progressOn(db.kysely, preset, asOf)).map(redact);
		if (options.json) {
			out.line(JSON.stringify(progressDocument(asOf, preset.id, units), null, 2));
		} else {
			printTable(units, asOf, preset.id, options, out);
		}
		return 0;
	} finally {
		await db.close();
	}
}

export function progressDocument(asOf: string, preset: string, units: UnitProgress[]) {
	return {
		asOf,
		preset,
		units: units.map((u) => ({
			code: u.code,
			name: u.name,
			kind: u.kind,
			parent: u.parent,
			confidential: u.confidential,
			eligible: u.eligible,
			registered: u.registered,
			recognised: u.recognised,
			share: u.share,
			registeredShare: u.registeredShare,
			recognisedShare: u.recognisedShare,
			target: u.target && {
				id: u.target.id,
				metric: u.target.metric,
				threshold: u.target.threshold,
				deadline: u.target.deadline
			},
			expected: u.expected,
			projected: u.projected,
			class: u.paceClass,
			flags: u.flags
		}))
	};
}

function printTable(
	units: UnitProgress[],
	asOf: string,
	preset: string,
	options: CliOptions,
	out: Output
): void {
	const { lang } = options;
	const vi = lang === 'vi';
	out.line(
		out.colour.bold(
			`${vi ? 'Tiến độ đến ngày' : 'Progress as of'} ${formatDate(asOf)} — ${vi ? 'bộ chỉ tiêu' : 'targets'} ${preset}`
		)
	);
	const header = vi
		? [
				'Mã',
				'Đơn vị',
				'Loại',
				'Cấp trên',
				'Đối tượng',
				'Đăng ký',
				'Đạt',
				'Tỉ lệ',
				'Chỉ tiêu',
				'Cảnh báo'
			]
		: [
				'Code',
				'Unit',
				'Kind',
				'Parent',
				'Eligible',
				'Registered',
				'Recognised',
				'Share',
				'Target',
				'Flags'
			];
	const rows = units.map((u) => [
		u.code,
		u.name,
		u.kind,
		u.parent ?? '',
		formatNumber(u.eligible, lang),
		formatNumber(u.registered, lang),
		formatNumber(u.recognised, lang),
		formatShare(u.share, lang),
		u.target ? formatShare(u.target.threshold, lang, 0) : '—',
		u.flags.map((f) => explainFlag(f, lang)).join('; ')
	]);
	const widths = header.map((h, i) =>
		Math.min(i === 1 ? 40 : 24, Math.max(h.length, ...rows.map((r) => r[i]!.length)))
	);
	const right = new Set([4, 5, 6, 7, 8]);
	const fmt = (cells: string[]) =>
		cells
			.map((c, i) =>
				i === cells.length - 1
					? c
					: right.has(i)
						? c.padStart(widths[i]!)
						: c.slice(0, widths[i]).padEnd(widths[i]!)
			)
			.join('  ');
	out.line(fmt(header));
	for (const r of rows) out.line(fmt(r));
}
