/**
 * A name tried at the login, as the log and the throttle keep it: someone may type their ID or
 * phone number in the name field, so it is masked as the pipeline masks such numbers, however
 * its digits are grouped (pipeline/privacy.ts: first and last two digits kept).
 */
import { maskPersonal } from '../../../../pipeline/privacy.ts';

export function maskNumbers(text: string): string {
	return maskPersonal(text);
}
