/**
 * Failed logins slow down and then lock, per account name and per client address. An attempt is
 * counted as a failure before the password is checked and forgiven when it proves right, so a
 * burst of parallel guesses cannot all slip through before the first failure is written.
 * Unknown account names are counted like real ones: the answers tell nothing about which exist.
 */
import type { Kysely } from 'kysely';
import { createHmac, randomBytes } from 'node:crypto';
import type { AccountsDatabase } from './schema.ts';

export interface ThrottlePolicy {
	/** Failures allowed without waiting; then 1 s, 2 s, 4 s … between attempts. */
	freeFailures: number;
	maxDelayMs: number;
	/** After this many failures the key is locked for lockMs. */
	lockAfter: number;
	lockMs: number;
	/** Failures older than this are forgotten. */
	windowMs: number;
}

/** Per account: an office worker mistyping three times waits a second, not a quarter hour. */
export const USER_POLICY: ThrottlePolicy = {
	freeFailures: 3,
	maxDelayMs: 60_000,
	lockAfter: 10,
	lockMs: 15 * 60_000,
	windowMs: 15 * 60_000
};

/** Per address: looser, since a whole office may sign in from one address behind its router. */
export const ADDRESS_POLICY: ThrottlePolicy = {
	freeFailures: 10,
	maxDelayMs: 60_000,
	lockAfter: 30,
	lockMs: 15 * 60_000,
	windowMs: 15 * 60_000
};

/** Milliseconds to wait after `failures` failures before the next attempt. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
	if (failures < policy.freeFailures) return 0;
	return Math.min(policy.maxDelayMs, 1000 * 2 ** (failures - policy.freeFailures));
}

export type Admission =
	{ admitted: true } | { admitted: false; reason: 'wait' | 'locked'; retryAfterMs: number };

export interface ThrottleKey {
	key: string;
	policy: ThrottlePolicy;
}

/**
 * A name is counted under a keyed hash whose key lives only in this process's memory: the name
 * tried may be a password or an ID number typed in the wrong field, and the table is on disk.
 * A restart forgets the counts of names (addresses keep theirs).
 */
const NAME_KEY = randomBytes(32);
const nameKey = (name: string) =>
	createHmac('sha256', NAME_KEY).update(name.toLowerCase()).digest('hex').slice(0, 32);

export function throttleKeys(
	name: string,
	address: string,
	user = USER_POLICY,
	addr = ADDRESS_POLICY
): ThrottleKey[] {
	return [
		{ key: `user:${nameKey(name)}`, policy: user },
		{ key: `address:${address}`, policy: addr }
	];
}

/**
 * Admits an attempt (and counts it as a failure until `forgive`), or says how long to wait. One
 * transaction: Kysely's SQLite driver holds its one connection for it, so the server's requests
 * pass one at a time.
 */
export async function admit(
	db: Kysely<AccountsDatabase>,
	keys: ThrottleKey[],
	now = Date.now()
): Promise<Admission> {
	return db.transaction().execute(async (tx) => {
		const rows = await tx
			.selectFrom('loginFailure')
			.selectAll()
			.where(
				'key',
				'in',
				keys.map((k) => k.key)
			)
			.execute();
		const counts = keys.map(({ key, policy }) => {
			const row = rows.find((r) => r.key === key);
			const stale = !row || now - row.lastFailureAt >= policy.windowMs;
			return {
				key,
				policy,
				row: stale && !(row?.lockedUntil && row.lockedUntil > now) ? null : row
			};
		});
		let refusal: Admission = { admitted: true };
		for (const { policy, row } of counts) {
			if (!row) continue;
			if (row.lockedUntil !== null && row.lockedUntil > now)
				return { admitted: false, reason: 'locked', retryAfterMs: row.lockedUntil - now };
			const readyAt = row.lastFailureAt + delayAfter(row.failures, policy);
			if (readyAt > now) refusal = { admitted: false, reason: 'wait', retryAfterMs: readyAt - now };
		}
		if (!refusal.admitted) return refusal;
		for (const { key, policy, row } of counts) {
			const failures = (row?.failures ?? 0) + 1;
			const lockedUntil = failures >= policy.lockAfter ? now + policy.lockMs : null;
			await tx
				.insertInto('loginFailure')
				.values({ key, failures, lastFailureAt: now, lockedUntil })
				.onConflict((oc) =>
					oc.column('key').doUpdateSet({ failures, lastFailureAt: now, lockedUntil })
				)
				.execute();
		}
		return refusal;
	});
}

/** The password was right: the account's count starts again; the address's attempt is taken back. */
export async function forgive(db: Kysely<AccountsDatabase>, keys: ThrottleKey[]): Promise<void> {
	const [user, ...others] = keys;
	await db.transaction().execute(async (tx) => {
		await tx.deleteFrom('loginFailure').where('key', '=', user!.key).execute();
		for (const { key } of others)
			await tx
				.updateTable('loginFailure')
				.set((eb) => ({ failures: eb('failures', '-', 1) }))
				.where('key', '=', key)
				.where('failures', '>', 0)
				.execute();
	});
}
