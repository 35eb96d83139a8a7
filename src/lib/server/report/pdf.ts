/**
 * PDF without a network service: Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
 * prints the HTML report. Where no Chromium is installed the caller gets a NoBrowserError to
 * explain, never a crash; CDHT_CHROMIUM points at another binary.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium.ts';
import { escapeHtml } from '../../html.ts';

export class NoBrowserError extends Error {
	readonly path: string;

	constructor(file: string) {
		super(
			`no Chromium at ${file}: PDF reports need it (apt-get install chromium, or set CDHT_CHROMIUM)`
		);
		this.name = 'NoBrowserError';
		this.path = file;
	}
}

export function pdfAvailable(): boolean {
	return existsSync(chromiumPath());
}

/** Prints `html` to an A4 PDF with `footer` and the page number at the bottom of every page. */
export async function htmlToPdf(html: string, footer: string): Promise<Buffer> {
	const executablePath = chromiumPath();
	if (!existsSync(executablePath)) throw new NoBrowserError(executablePath);
	// Loaded only when needed: the dashboard runs without it until someone asks for a PDF.
	const { chromium } = await import('playwright-core');
	const profile = mkdtempSync(path.join(tmpdir(), 'cdht-pdf-'));
	const browser = await chromium.launchPersistentContext(profile, {
		executablePath,
		args: CHROMIUM_FLAGS,
		headless: true
	});
	try {
		const page = browser.pages()[0] ?? (await browser.newPage());
		// The report is self-contained: nothing may be fetched while printing it.
		await page.route('**/*', (route) => route.abort());
		await page.setContent(html, { waitUntil: 'load' });
		const pdf = await page.pdf({
			format: 'A4',
			printBackground: true,
			preferCSSPageSize: true,
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			// Chromium draws the footer in the bottom margin, at its own scale: 10 pt reads as about 8.
			footerTemplate: `<div style="font-family:'Times New Roman','Liberation Serif',serif;font-size:10pt;font-style:italic;width:100%;padding:0 15mm 0 30mm;text-align:center;">${escapeHtml(footer)} · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`
		});
		return Buffer.from(pdf);
	} finally {
		await browser.close();
		rmSync(profile, { recursive: true, force: true });
	}
}
