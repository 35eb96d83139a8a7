/** The accounts store's tables, as Kysely sees them (camelCase; snake_case in the file). */
import type { Generated } from 'kysely';
import type { Role } from '../../access.ts';

export interface UserTable {
	name: string;
	role: Role;
	unitCode: string | null;
	/** "$argon2id$v=19$m=…,t=…,p=1$<salt>$<hash>" (see password.ts). */
	passwordHash: string;
	createdAt: string;
	updatedAt: string;
}

/** Times in milliseconds since the epoch: compared, never shown. */
export interface SessionTable {
	/** SHA-256 of the cookie's token, hex: a copy of the file opens no session. */
	tokenHash: string;
	userName: string;
	createdAt: number;
	lastSeenAt: number;
	expiresAt: number;
}

/** Failed logins per key: "user:<name>" or "address:<ip>". */
export interface LoginFailureTable {
	key: string;
	failures: number;
	lastFailureAt: number;
	lockedUntil: number | null;
}

export type AuditSource = 'web' | 'cli';

export interface AuditTable {
	id: Generated<number>;
	/** ISO 8601 UTC, to the millisecond. */
	at: string;
	actor: string;
	source: AuditSource;
	action: string;
	/** What it was done to: a user name, an import, a name; null when nothing in particular. */
	target: string | null;
	/** JSON: counts, file names, roles — never a personal value or a password. */
	detail: string | null;
	/** The client's address, for what came from the browser. */
	address: string | null;
}

export interface AccountsDatabase {
	user: UserTable;
	session: SessionTable;
	loginFailure: LoginFailureTable;
	audit: AuditTable;
}
