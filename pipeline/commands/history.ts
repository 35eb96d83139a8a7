/** `imports` and `rejects`: what was loaded when, and what was left out and why. */
import { writeFile } from 'node:fs/promises';
import { csvLines } from '../../src/lib/csv.ts';
import { formatDate, formatNumber } from '../../src/lib/format.ts';
import { REJECT_REASONS, type RejectReason } from '../../src/lib/rejects.ts';
import { getImport, listImports, rejectsOf } from '../../src/lib/server/imports.ts';
import type { CliOptions } from '../cli.ts';
import { ImportError } from '../errors.ts';
import { removeImport } from '../imports.ts';
import { rejectText, say } from '../messages.ts';
import { matchingContext } from '../names/context.ts';
import { settle } from '../names/rematch.ts';
import { withWorkingCopy } from '../workspace.ts';
import { printMoves, printOpenNames } from './moves.ts';
import type { Output } from '../tty.ts';
import { chosenPreset, openForReading } from './open.ts';
import { publishedFigures } from '../../src/lib/server/desk/figures.ts';
import { unitsTouched } from '../../src/lib/server/desk/touched.ts';

export async function runImports(options: CliOptions, out: Output): Promise<number> {
	if (options.args[0] === 'remove') return runRemove(options, out);
	const { lang } = options;
	const vi = lang === 'vi';
	const db = await openForReading(options.db);
	try {
		const imports = await listImports(db.kysely);
		if (imports.length === 0) {
			out.line(vi ? 'Chưa có lượt nhập nào.' : 'No imports yet.');
			return 0;
		}
		out.line(
			vi
				? '#    Số liệu đến  Đọc        Nhận       Loại     Trùng   Thời gian nhập       Tệp'
				: '#    As of        Read       Accepted   Rejected Dupl.   Imported at          File'
		);
		for (const i of imports) {
			out.line(
				[
					String(i.id).padEnd(4),
					formatDate(i.asOf).padEnd(12),
					formatNumber(i.rowsRead, lang).padStart(9),
					formatNumber(i.rowsAccepted, lang).padStart(10),
					formatNumber(i.rowsRejected, lang).padStart(8),
					formatNumber(i.rowsDuplicate, lang).padStart(6),
					` ${i.finishedAt.slice(0, 19).replace('T', ' ')}`,
					i.sheet ? `${i.file} [${i.sheet}]` : i.file
				].join(' ')
			);
		}
		return 0;
	} finally {
		await db.close();
	}
}

/**
 * `imports remove <id>`: all or nothing; the figures are rebuilt and the file can come back.
 * With --json: the import, the units its rows named and the published figures before and after.
 */
async function runRemove(options: CliOptions, out: Output): Promise<number> {
	const id = Number(options.args[1]);
	const preset = options.json ? chosenPreset(options.preset, options.dataDir) : null;
	const { removed, settled, detail } = await withWorkingCopy(
		options.db,
		async (db) => {
			const removed = await getImport(db.kysely, id);
			if (!removed) throw new ImportError('no_import', {}, { id });
			const before = preset && {
				touched: await unitsTouched(db.kysely, id),
				figures: await publishedFigures(db.kysely, preset)
			};
			const connection = await db.connect();
			try {
				await removeImport(connection, id);
				const matching = await matchingContext(db, options.dataDir);
				const settled = await settle(db, connection, matching, {
					rowsChanged: true,
					from: removed.asOf
				});
				const detail = before &&
					preset && {
						touched: before.touched,
						figures: { before: before.figures, after: await publishedFigures(db.kysely, preset) }
					};
				return { removed, settled, detail };
			} finally {
				connection.closeSync();
			}
		},
		{ dryRun: options.dryRun }
	);
	if (options.json) {
		// Not settled.moves: it holds counts, and confidential units publish shares only (figures).
		const { rematched, open, latest } = settled;
		out.line(
			JSON.stringify({
				dryRun: options.dryRun,
				removed,
				settled: { rematched, open, latest },
				...detail
			})
		);
		return 0;
	}
	const { lang } = options;
	out.line(say('removed', lang, { id, file: removed.file, date: formatDate(removed.asOf) }));
	printMoves(out, lang, settled);
	printOpenNames(out, lang, settled.open);
	out.line(out.colour.dim(say(options.dryRun ? 'dryRun' : 'wrote', lang, { db: options.db })));
	return 0;
}

export async function runRejects(options: CliOptions, out: Output): Promise<number> {
	const { lang } = options;
	const id = Number(options.args[0]);
	const db = await openForReading(options.db);
	try {
		const imported = await getImport(db.kysely, id);
		if (!imported) throw new ImportError('no_import', {}, { id });
		const rejects = await rejectsOf(db.kysely, id);
		const reason = (r: string) =>
			REJECT_REASONS.includes(r as RejectReason) ? rejectText(r as RejectReason, lang) : r;
		if (options.csv) {
			const header =
				lang === 'vi' ? ['Dòng', 'Cột', 'Lý do', 'Giá trị'] : ['Row', 'Column', 'Reason', 'Value'];
			const lines = [header, ...rejects.map((r) => [r.row, r.column, reason(r.reason), r.value])];
			await writeFile(options.csv, '\ufeff' + csvLines(lines));
			out.line(
				`${formatNumber(rejects.length, lang)} ${lang === 'vi' ? 'dòng bị loại đã ghi vào' : 'rejected rows written to'} ${options.csv}`
			);
			return 0;
		}
		out.line(
			`${imported.file}: ${formatNumber(rejects.length, lang)} ${lang === 'vi' ? 'dòng bị loại' : 'rejected rows'}`
		);
		for (const r of rejects) {
			const value = r.value === null ? '' : ` “${r.value}”`;
			out.line(
				`  ${lang === 'vi' ? 'dòng' : 'row'} ${r.row}, ${lang === 'vi' ? 'cột' : 'column'} “${r.column ?? ''}”: ${reason(r.reason)}${value}`
			);
		}
		return 0;
	} finally {
		await db.close();
	}
}
