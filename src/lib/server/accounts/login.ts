/**
 * Signing in: throttled, checked in constant work whether or not the account exists, and
 * recorded in the audit log (successes, failures, refusals while throttled). A failure names the
 * account tried only when there is one: a name no account has may be a password typed in the
 * wrong field, or an ID number, and is never written anywhere.
 */
import type { Kysely } from 'kysely';
import type { User } from '../../access.ts';
import { recordAudit } from './audit.ts';
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

/** What the log keeps of a name no account has. */
export const UNKNOWN_ACCOUNT = '(?)';

export async function attemptLogin(
	db: Kysely<AccountsDatabase>,
	attempt: LoginAttempt
): Promise<LoginResult> {
	const name = attempt.name.trim();
	const now = attempt.now ?? Date.now();
	const keys = attempt.keys ?? throttleKeys(name, attempt.address);
	const row = await db
		.selectFrom('user')
		.select(['name', 'role', 'unitCode', 'passwordHash'])
		.where('name', '=', name)
		.executeTakeFirst();
	const tried = row?.name ?? UNKNOWN_ACCOUNT;
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
