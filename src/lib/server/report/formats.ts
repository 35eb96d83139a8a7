/**
 * The report's formats, their content types and file names: light enough for the command line
 * to check its options without loading the writers.
 */
import type { Lang } from '../../format.ts';

export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
	return (REPORT_FORMATS as readonly string[]).includes(value);
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pdf: 'application/pdf',
	html: 'text/html; charset=utf-8'
};

/** "bao-cao-cdht-2023-10.docx" / "cdht-report-2023-10.docx": plain ASCII, safe in any mail client. */
export function reportFileName(month: string, format: ReportFormat, lang: Lang): string {
	const stem =
		lang === 'vi'
			? format === 'xlsx'
				? 'phu-luc-cdht'
				: 'bao-cao-cdht'
			: format === 'xlsx'
				? 'cdht-annex'
				: 'cdht-report';
	return `${stem}-${month}.${format}`;
}
