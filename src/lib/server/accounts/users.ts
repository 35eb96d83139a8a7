/**
 * The accounts: added, listed, changed and removed the same way from the CLI and the admin page,
 * each change recorded in the audit log with who made it. Refusals are AccountErrors whose code
 * the two message tables translate.
 */
import type { Kysely } from 'kysely';
import type { Role, User } from '../../access.ts';
import { recordAudit } from './audit.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';
import type { AccountsDatabase, AuditSource } from './schema.ts';

export type AccountErrorCode =
	| 'bad_name'
	| 'bad_role'
	| 'user_exists'
	| 'no_user'
	| 'short_password'
	| 'unit_required'
	| 'unit_not_allowed'
	| 'unknown_unit'
	| 'last_admin'
	| 'password_mismatch'
	| 'password_cancelled';

export class AccountError extends Error {
	readonly code: AccountErrorCode;
	readonly params: Record<string, string | number>;
	constructor(code: AccountErrorCode, params: Record<string, string | number> = {}) {
		super(code);
		this.code = code;
		this.params = params;
	}
}

/** Who makes a change, and from where: the audit log's actor, source and address. */
export interface Actor {
	name: string;
	source: AuditSource;
	address?: string | null;
}

export interface UserRow extends User {
	createdAt: string;
	updatedAt: string;
}

/** Letters (any script), digits, dot, dash, underscore, at: a name to type, not to display. */
const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export function checkPassword(password: string): void {
	if ([...password].length < MIN_PASSWORD_LENGTH)
		throw new AccountError('short_password', { min: MIN_PASSWORD_LENGTH });
}

/** An officer needs a unit; the other roles act for the whole province and take none. */
function checkRoleUnit(role: Role, unitCode: string | null): void {
	if (role === 'officer' && !unitCode) throw new AccountError('unit_required');
	if (role !== 'officer' && unitCode) throw new AccountError('unit_not_allowed', { role });
}

export async function listUsers(db: Kysely<AccountsDatabase>): Promise<UserRow[]> {
	return db
		.selectFrom('user')
		.select(['name', 'role', 'unitCode', 'createdAt', 'updatedAt'])
		.orderBy('name')
		.execute();
}

export async function getUser(db: Kysely<AccountsDatabase>, name: string): Promise<User | null> {
	const row = await db
		.selectFrom('user')
		.select(['name', 'role', 'unitCode'])
		.where('name', '=', name)
		.executeTakeFirst();
	return row ?? null;
}

export interface NewUser {
	name: string;
	role: Role;
	unitCode: string | null;
	password: string;
}

export async function addUser(
	db: Kysely<AccountsDatabase>,
	user: NewUser,
	actor: Actor
): Promise<void> {
	if (!NAME.test(user.name)) throw new AccountError('bad_name', { name: user.name });
	checkRoleUnit(user.role, user.unitCode);
	checkPassword(user.password);
	if (await getUser(db, user.name)) throw new AccountError('user_exists', { name: user.name });
	const passwordHash = await hashPassword(user.password);
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('user')
			.values({
				name: user.name,
				role: user.role,
				unitCode: user.unitCode,
				passwordHash,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await audit(tx, actor, 'users add', user.name, { role: user.role, unit: user.unitCode });
	});
}

export async function changeRole(
	db: Kysely<AccountsDatabase>,
	name: string,
	role: Role,
	unitCode: string | null,
	actor: Actor
): Promise<void> {
	checkRoleUnit(role, unitCode);
	await db.transaction().execute(async (tx) => {
		const before = await existing(tx, name);
		if (before.role === 'admin' && role !== 'admin') await keepAnAdmin(tx, name);
		await tx
			.updateTable('user')
			.set({ role, unitCode, updatedAt: new Date().toISOString() })
			.where('name', '=', name)
			.execute();
		await audit(tx, actor, 'users role', name, {
			from: before.role,
			fromUnit: before.unitCode,
			role,
			unit: unitCode
		});
	});
}

/** A new password; the user's sessions end, so a stolen one stops working too. */
export async function setPassword(
	db: Kysely<AccountsDatabase>,
	name: string,
	password: string,
	actor: Actor
): Promise<void> {
	checkPassword(password);
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (tx) => {
		await existing(tx, name);
		await tx
			.updateTable('user')
			.set({ passwordHash, updatedAt: new Date().toISOString() })
			.where('name', '=', name)
			.execute();
		await tx.deleteFrom('session').where('userName', '=', name).execute();
		await audit(tx, actor, 'users passwd', name, null);
	});
}

export async function removeUser(
	db: Kysely<AccountsDatabase>,
	name: string,
	actor: Actor
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const before = await existing(tx, name);
		if (before.role === 'admin') await keepAnAdmin(tx, name);
		// The sessions go with the user (foreign key, on delete cascade).
		await tx.deleteFrom('user').where('name', '=', name).execute();
		await audit(tx, actor, 'users remove', name, { role: before.role, unit: before.unitCode });
	});
}

async function existing(db: Kysely<AccountsDatabase>, name: string): Promise<User> {
	const user = await getUser(db, name);
	if (!user) throw new AccountError('no_user', { name });
	return user;
}

/** Refuses to take away the last administrator: nobody could manage the accounts after. */
async function keepAnAdmin(db: Kysely<AccountsDatabase>, leaving: string): Promise<void> {
	const others = await db
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'admin')
		.where('name', '!=', leaving)
		.executeTakeFirstOrThrow();
	if (Number(others.n) === 0) throw new AccountError('last_admin', { name: leaving });
}

function audit(
	db: Kysely<AccountsDatabase>,
	actor: Actor,
	action: string,
	target: string,
	detail: Record<string, unknown> | null
): Promise<void> {
	return recordAudit(db, {
		actor: actor.name,
		source: actor.source,
		address: actor.address ?? null,
		action,
		target,
		detail
	});
}
