import { describe, expect, it } from 'vitest';
import { ADMIN_MESSAGES } from '../../../src/lib/i18n/admin.ts';
import { MESSAGES } from '../../../src/lib/i18n/messages.ts';

describe('the admin pages’ messages', () => {
	it('are in the one table, none overridden by (or overriding) a key of the same name', () => {
		for (const [key, text] of Object.entries(ADMIN_MESSAGES))
			expect(MESSAGES[key as keyof typeof MESSAGES], key).toBe(text);
	});
	it('have both languages, Vietnamese first', () => {
		for (const [key, text] of Object.entries(ADMIN_MESSAGES)) {
			expect(Object.keys(text), key).toEqual(['vi', 'en']);
			expect(text.vi.trim(), key).not.toBe('');
			expect(text.en.trim(), key).not.toBe('');
		}
	});
});
