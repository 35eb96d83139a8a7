/**
 * Server-side sessions: the cookie carries a random 32-byte token; the store keeps only its
 * SHA-256, so reading the file (a backup, a copy) opens no session. A session ends at its
 * expiry, after an idle spell, at logout, or when the user's password changes or the user goes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../access.ts';
import type { AccountsDatabase } from './schema.ts';

export const SESSION_COOKIE = 'cdht_session';
/** A working day: then sign in again. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** Left alone this long, a session ends (a screen left open in a shared office). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** Last-seen times are written at most this often: a page load is several requests. */
const TOUCH_EVERY_MS = 60 * 1000;

export function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A new session for the user; returns the token for the cookie (never stored). */
export async function createSession(
	db: Kysely<AccountsDatabase>,
	userName: string,
	now = Date.now()
): Promise<{ token: string; expiresAt: number }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = now + SESSION_MAX_MS;
	await db
		.insertInto('session')
		.values({ tokenHash: tokenHash(token), userName, createdAt: now, lastSeenAt: now, expiresAt })
		.execute();
	return { token, expiresAt };
}

/** The session's user, or null when the token is unknown, expired or idle too long. */
export async function sessionUser(
	db: Kysely<AccountsDatabase>,
	token: string,
	now = Date.now()
): Promise<User | null> {
	const hash = tokenHash(token);
	const row = await db
		.selectFrom('session')
		.innerJoin('user', 'user.name', 'session.userName')
		.select(['user.name', 'user.role', 'user.unitCode', 'session.lastSeenAt', 'session.expiresAt'])
		.where('session.tokenHash', '=', hash)
		.executeTakeFirst();
	if (!row) return null;
	if (now >= row.expiresAt || now - row.lastSeenAt >= SESSION_IDLE_MS) {
		await deleteSession(db, token);
		return null;
	}
	if (now - row.lastSeenAt >= TOUCH_EVERY_MS)
		await db
			.updateTable('session')
			.set({ lastSeenAt: now })
			.where('tokenHash', '=', hash)
			.execute();
	return { name: row.name, role: row.role, unitCode: row.unitCode };
}

export async function deleteSession(db: Kysely<AccountsDatabase>, token: string): Promise<void> {
	await db.deleteFrom('session').where('tokenHash', '=', tokenHash(token)).execute();
}

/** Drops sessions past their expiry or idle limit (run now and then; they are refused anyway). */
export async function deleteStaleSessions(
	db: Kysely<AccountsDatabase>,
	now = Date.now()
): Promise<void> {
	await db
		.deleteFrom('session')
		.where((eb) =>
			eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', now - SESSION_IDLE_MS)])
		)
		.execute();
}
