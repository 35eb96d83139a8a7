/**
 * Chromium for the browser tests: Debian's package, driven by playwright-core, with the flags
 * this closed network needs, a fresh profile per launch, and every console error collected.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../src/lib/server/chromium.ts';

export const CHROMIUM = chromiumPath();
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results');

export interface Session {
	browser: BrowserContext;
	page: Page;
	/** Console errors and uncaught exceptions seen so far. */
	errors: string[];
	close(): Promise<void>;
}

export async function openSession(viewport = { width: 1280, height: 720 }): Promise<Session> {
	const profile = mkdtempSync(path.join(tmpdir(), 'cdht-chromium-'));
	const browser = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		args: CHROMIUM_FLAGS,
		viewport,
		locale: 'vi-VN'
	});
	const page = browser.pages()[0] ?? (await browser.newPage());
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	return { browser, page, errors, close: () => browser.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	const file = path.join(SCREENSHOTS, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

export type { Browser, Page };
