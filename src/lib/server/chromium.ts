/**
 * Debian's Chromium, as the PDF report and the browser tests launch it. Without the network flags
 * it keeps trying Google's hosts, which this closed network refuses.
 */
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** /usr/bin/chromium unless CDHT_CHROMIUM names another binary. */
export function chromiumPath(): string {
	return process.env.CDHT_CHROMIUM ?? '/usr/bin/chromium';
}
