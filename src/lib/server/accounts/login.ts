/**
 * Signing in: throttled, checked in constant work whether or not the account exists, and
 * recorded in the audit log (successes, failures with the name tried, refusals while throttled).
 */
import type { Kysely } from 'kysely';
import type { User } from '../../access.ts';
import { recordAudit } from './audit.ts';
import { maskNumbers } from './mask.ts';
import { decoyHash, verifyPassword } from './password.ts';
import type { AccountsDatabase } from './schema.ts';
import { createSession, deleteSession, sessionUser } from './sessions.ts';
import { admit, forgive, throttleKeys, type ThrottleKey } from './throttle.ts';

export type LoginResult =
	| { ok: true; user: User; token: string; expiresAt: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'wait' | 'locked'; retryAfterMs: number };

export interface LoginAttempt {
	name: string;
	password: string;
	address: string;
	/** The throttle's keys and policies (tests pass shorter ones). */
	keys?: ThrottleKey[];
	now?: number;
}

/**
 * Refused tries cost the attacker nothing and the log is append-only: at most this many entries
 * a minute per address say a flood is going on without letting it fill the disk.
 */
const THROTTLE_LOG_PER_MINUTE = 10;
const throttleLogged = new Map<string, { since: number; count: number }>();
function throttleLogDue(address: string, now: number): boolean {
	let spell = throttleLogged.get(address);
	if (!spell || now - spell.since >= 60_000 || now < spell.since) {
		if (throttleLogged.size >= 10_000) throttleLogged.clear();
		spell = { since: now, count: 0 };
		throttleLogged.set(address, spell);
	}
	spell.count += 1;
	return spell.count <= THROTTLE_LOG_PER_MINUTE;
}

function refusal(admission: { reason: 'wait' | 'locked'; retryAfterMs: number }): LoginResult {
	return { ok: false, reason: admission.reason, retryAfterMs: admission.retryAfterMs };
}

/** Account names are at most 64 characters (users.ts): a longer one is cut where it is kept. */
const KEPT_NAME_CHARS = 64;
function shortened(name: string): string {
	const chars = [...name];
	return chars.length <= KEPT_NAME_CHARS ? name : chars.slice(0, KEPT_NAME_CHARS).join('') + '…';
}

export async function attemptLogin(
	db: Kysely<AccountsDatabase>,
	attempt: LoginAttempt
): Promise<LoginResult> {
	const name = attempt.name.trim();
	const now = attempt.now ?? Date.now();
	const keys = attempt.keys ?? throttleKeys(shortened(name), attempt.address);
	const tried = shortened(maskNumbers(name));
	const log = (action: string, detail: Record<string, unknown> | null = null) =>
		recordAudit(db, {
			actor: tried,
			source: 'web',
			action,
			target: tried,
			detail,
			address: attempt.address
		});
	const admission = await admit(db, keys, now);
	if (!admission.admitted) {
		if (!throttleLogDue(attempt.address, now)) return refusal(admission);
		await log('login throttled', {
			reason: admission.reason,
			retryAfterSeconds: Math.ceil(admission.retryAfterMs / 1000)
		});
		return refusal(admission);
	}
	const row = await db
		.selectFrom('user')
		.select(['name', 'role', 'unitCode', 'passwordHash'])
		.where('name', '=', name)
		.executeTakeFirst();
	const right = await verifyPassword(attempt.password, row?.passwordHash ?? (await decoyHash()));
	if (!row || !right) {
		await log('login failed');
		return { ok: false, reason: 'invalid' };
	}
	await forgive(db, keys);
	const session = await createSession(db, row.name, now);
	await log('login');
	return {
		ok: true,
		user: { name: row.name, role: row.role, unitCode: row.unitCode },
		...session
	};
}

export async function logout(
	db: Kysely<AccountsDatabase>,
	token: string,
	address: string | null
): Promise<void> {
	const user = await sessionUser(db, token);
	await deleteSession(db, token);
	if (user)
		await recordAudit(db, {
			actor: user.name,
			source: 'web',
			action: 'logout',
			target: user.name,
			address
		});
}
