import { describe, expect, it } from 'vitest';
import {
	ARGON2_PARAMS,
	hashPassword,
	verifyPassword
} from '../../../../src/lib/server/accounts/password.ts';

describe('password hashing', () => {
	it('stores a self-describing Argon2id string with a random salt', async () => {
		const a = await hashPassword('một mật khẩu dài');
		const b = await hashPassword('một mật khẩu dài');
		expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
		expect(a).not.toBe(b);
		expect(ARGON2_PARAMS.memory).toBeGreaterThanOrEqual(19_456);
	});

	it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
		expect(await verifyPassword('correct horse battery', hash.replace('argon2id', 'argon2i'))).toBe(
			false
		);
		expect(await verifyPassword('x', 'plain text')).toBe(false);
	});

	it('verifies a hash made with other parameters, read from the string', async () => {
		const hash = await hashPassword('mật khẩu mười ký tự');
		const { argon2Sync } = await import('node:crypto');
		const salt = Buffer.from(hash.split('$')[4]!, 'base64');
		const tag = argon2Sync('argon2id', {
			message: 'mật khẩu mười ký tự',
			nonce: salt,
			parallelism: 1,
			tagLength: 32,
			memory: 8192,
			passes: 3
		});
		const stronger = `$argon2id$v=19$m=8192,t=3,p=1$${hash.split('$')[4]}$${tag.toString('base64').replace(/=+$/, '')}`;
		expect(await verifyPassword('mật khẩu mười ký tự', stronger)).toBe(true);
	});
});
