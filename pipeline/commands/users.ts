/**
 * `users add|list|remove|passwd`: the accounts of the browser's dashboard, kept in the accounts
 * store beside the database. There is no default password: the first administrator is made here.
 * Each change is written to the audit log with the change itself (one transaction), as the
 * operating-system user.
 */
import { existsSync } from 'node:fs';
import { isRole, type Role } from '../../src/lib/access.ts';
import { accountsPath, openAccounts } from '../../src/lib/server/accounts/store.ts';
import {
	AccountError,
	addUser,
	checkPassword,
	listUsers,
	removeUser,
	setPassword
} from '../../src/lib/server/accounts/users.ts';
import { listUnits } from '../../src/lib/server/units.ts';
import type { CliOptions } from '../cli.ts';
import { UsageError } from '../errors.ts';
import { say } from '../messages.ts';
import { readPassword, stdinSource, type PasswordSource } from '../password-input.ts';
import type { Output } from '../tty.ts';
import { cliActor } from '../audit.ts';
import { openForReading } from './open.ts';

export const USERS_USAGE =
	'users add <name> --role admin|association|officer|viewer [--unit CODE] | users list | users remove <name> | users passwd <name>';

export async function runUsers(
	options: CliOptions,
	out: Output,
	passwords: PasswordSource = stdinSource()
): Promise<number> {
	const [action, name, ...rest] = options.args;
	const needName = () => {
		if (name === undefined || rest.length > 0)
			throw new UsageError(`users ${action}: ${USERS_USAGE}`);
		return name;
	};
	const { lang } = options;
	const store = await openAccounts(accountsPath(options.db));
	const { actor: actorName, source } = cliActor();
	const actor = { name: actorName, source };
	try {
		switch (action) {
			case 'list': {
				if (name !== undefined) throw new UsageError(`users list: ${USERS_USAGE}`);
				const users = await listUsers(store.kysely);
				if (users.length === 0) out.line(say('noUsers', lang));
				for (const u of users)
					out.line(
						`${u.name.padEnd(20)} ${u.role.padEnd(12)} ${(u.unitCode ?? '').padEnd(8)} ${u.updatedAt.slice(0, 19).replace('T', ' ')}`
					);
				return 0;
			}
			case 'add': {
				const user = needName();
				const { role, unitCode } = await roleAndUnit(options);
				const password = await newPassword(passwords, lang);
				await addUser(store.kysely, { name: user, role, unitCode, password }, actor);
				out.line(say('userAdded', lang, { name: user, role, unit: unitCode ?? '' }));
				return 0;
			}
			case 'remove': {
				const user = needName();
				await removeUser(store.kysely, user, actor);
				out.line(say('userRemoved', lang, { name: user }));
				return 0;
			}
			case 'passwd': {
				const user = needName();
				const password = await newPassword(passwords, lang);
				await setPassword(store.kysely, user, password, actor);
				out.line(say('passwordSet', lang, { name: user }));
				return 0;
			}
			default:
				throw new UsageError(`users: ${USERS_USAGE}`);
		}
	} finally {
		await store.close();
	}
}

async function roleAndUnit(options: CliOptions): Promise<{ role: Role; unitCode: string | null }> {
	const role = options.role;
	if (role === undefined || !isRole(role))
		throw new UsageError(`users add: --role admin|association|officer|viewer, not "${role ?? ''}"`);
	const unitCode = options.unit ?? null;
	if (role === 'officer' && unitCode === null) throw new AccountError('unit_required');
	if (role === 'officer' && existsSync(options.db)) {
		// The unit list of the analytics file, read-only: the pipeline may be writing it.
		const db = await openForReading(options.db);
		try {
			const units = await listUnits(db.kysely);
			if (!units.some((u) => u.code === unitCode))
				throw new AccountError('unknown_unit', { unit: unitCode! });
		} finally {
			await db.close();
		}
	}
	return { role, unitCode };
}

async function newPassword(source: PasswordSource, lang: CliOptions['lang']): Promise<string> {
	const read = await readPassword(source, {
		first: say('passwordPrompt', lang),
		again: say('passwordAgain', lang)
	});
	if ('problem' in read)
		throw new AccountError(
			read.problem === 'mismatch' ? 'password_mismatch' : 'password_cancelled'
		);
	checkPassword(read.password);
	return read.password;
}
