/**
 * `report --month YYYY-MM [--format docx|xlsx|pdf|html] [--out FILE]`: the month's progress
 * report in the official layout, written next to the user (or to --out). The file is written
 * under a temporary name and renamed, so a half-written report never lies around.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatMonth, formatNumber } from '../../src/lib/format.ts';
import { progressOn } from '../../src/lib/server/progress.ts';
import { reportFileName } from '../../src/lib/server/report/formats.ts';
import type { ReportModel } from '../../src/lib/server/report/model.ts';
import type { ReportFormat } from '../../src/lib/server/report/formats.ts';
import type { Lang } from '../../src/lib/format.ts';
import type { CliOptions } from '../cli.ts';
import { ImportError } from '../errors.ts';
import type { Output } from '../tty.ts';
import { loadConfig } from '../../src/lib/server/config.ts';
import { chosenPreset, openForReading } from './open.ts';

export async function runReport(options: CliOptions, out: Output): Promise<number> {
	const { lang } = options;
	const month = options.month!;
	const format = options.format ?? 'docx';
	const preset = chosenPreset(options.preset, options.dataDir);
	const db = await openForReading(options.db);
	try {
		out.status(
			lang === 'vi'
				? `lập báo cáo ${formatMonth(month, lang)}`
				: `building the report for ${formatMonth(month, lang)}`
		);
		const source = {
			db,
			preset,
			simulated: loadConfig(options.dataDir).simulated,
			progress: (day: string) => progressOn(db.kysely, preset, day)
		};
		// The writers (Word, Excel, charts) load only when a report is asked for.
		const { loadReport } = await import('../../src/lib/server/report/load.ts');
		const model = await loadReport(source, month);
		if (!model) throw new ImportError('no_report_data', {}, { month: formatMonth(month, lang) });
		const bytes = await render(model, format, lang);
		// `npm run` starts in the project folder; the user meant the folder they typed the command in.
		const file = path.resolve(
			process.env.INIT_CWD ?? process.cwd(),
			options.out ?? reportFileName(month, format, lang)
		);
		writeAtomically(file, bytes);
		out.done();
		const size = `${formatNumber(Math.ceil(bytes.length / 1024), lang)} KB`;
		out.line(
			`${out.colour.green('✓')} ${lang === 'vi' ? `Báo cáo ${formatMonth(month, lang)}` : `Report for ${formatMonth(month, lang)}`}: ${file} (${size})`
		);
		if (model.partial) {
			out.line(
				lang === 'vi'
					? `Tháng chưa kết thúc trong dữ liệu: số liệu đến ngày ${model.asOf}.`
					: `The month is not over in the data: figures as of ${model.asOf}.`
			);
		}
		return 0;
	} finally {
		await db.close();
	}
}

async function render(model: ReportModel, format: ReportFormat, lang: Lang): Promise<Buffer> {
	const { renderReport } = await import('../../src/lib/server/report/render.ts');
	const { NoBrowserError } = await import('../../src/lib/server/report/pdf.ts');
	try {
		return await renderReport(model, format, lang);
	} catch (error) {
		if (error instanceof NoBrowserError)
			throw new ImportError('no_chromium', {}, { path: error.path });
		throw error;
	}
}

function writeAtomically(file: string, bytes: Buffer): void {
	const temporary = `${file}.${process.pid}.part`;
	try {
		writeFileSync(temporary, bytes);
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, { force: true });
		if (
			(error as NodeJS.ErrnoException).code === 'ENOENT' ||
			(error as NodeJS.ErrnoException).code === 'EACCES'
		) {
			throw new ImportError('cannot_write', { file }, { detail: (error as Error).message });
		}
		throw error;
	}
}
