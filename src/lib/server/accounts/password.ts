/**
 * Passwords as Argon2id hashes (Node's `crypto.argon2`), stored as a self-describing PHC string
 * so that stronger parameters later still verify the hashes made today.
 */
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/** A password shorter than this is refused (NIST SP 800-63B asks at least 8; we ask more). */
export const MIN_PASSWORD_LENGTH = 10;

/** OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const SALT_BYTES = 16;
const TAG_BYTES = 32;

function derive(
	password: string,
	salt: Buffer,
	params: { memory: number; passes: number; parallelism: number },
	tagLength: number
): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		argon2('argon2id', { message: password, nonce: salt, tagLength, ...params }, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const tag = await derive(password, salt, ARGON2_PARAMS, TAG_BYTES);
	const { memory: m, passes: t, parallelism: p } = ARGON2_PARAMS;
	return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(tag)}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Whether the password is the one hashed; false for a malformed hash. Constant-time compare. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
	const m = PHC.exec(hash);
	if (!m) return false;
	const expected = Buffer.from(m[5]!, 'base64');
	const params = { memory: Number(m[1]), passes: Number(m[2]), parallelism: Number(m[3]) };
	const actual = await derive(password, Buffer.from(m[4]!, 'base64'), params, expected.length);
	return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password made once per process: verified against when the account does
 * not exist, so that a wrong name takes as long as a wrong password and tells nothing.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	return decoy;
}
