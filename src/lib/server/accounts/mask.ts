/**
 * A name tried at the login, as the log and the throttle keep it: someone may type their ID or
 * phone number in the name field, so a run of 9 or more digits keeps only its first and last two
 * (as the pipeline masks such numbers, pipeline/privacy.ts). Account names are rarely digits.
 */
export function maskNumbers(text: string): string {
	return text.replace(/\d{9,}/g, (d) => d.slice(0, 2) + '*'.repeat(d.length - 4) + d.slice(-2));
}
