/**
 * The CLI's own entries in the audit log: every command that changes something, recorded once
 * it has succeeded, by the dispatcher (cli.ts) rather than by each command, so a command added
 * later is recorded without anyone remembering to. Read-only commands are listed here; anything
 * not listed counts as a change.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { recordAudit } from '../src/lib/server/accounts/audit.ts';
import type { AuditSource } from '../src/lib/server/accounts/schema.ts';
import { accountsPath, openAccounts } from '../src/lib/server/accounts/store.ts';
import type { CliOptions, Command } from './cli.ts';
import { maskPersonal } from './privacy.ts';

/**
 * Commands (by their arguments) that change nothing: not logged. `users` changes are logged by
 * the store in the same transaction as the change, so they are not logged twice; `setup` writes
 * a new data directory, which has no log yet.
 */
const UNLOGGED: Partial<Record<Command, (args: string[]) => boolean>> = {
	progress: () => true,
	rejects: () => true,
	report: () => true,
	setup: () => true,
	users: () => true,
	imports: (args) => args[0] !== 'remove',
	names: (args) => args[0] === undefined || args[0] === 'list' || args[0] === 'export',
	presets: (args) => args[0] === undefined || args[0] === 'list'
};

/** The action logged for the command ("ingest", "names accept"), or null when nothing changes. */
export function loggedAction(
	options: Pick<CliOptions, 'command' | 'args' | 'dryRun'>
): string | null {
	if (options.dryRun || UNLOGGED[options.command]?.(options.args)) return null;
	const sub = SUBCOMMANDS.has(options.command) && options.args[0] ? ` ${options.args[0]}` : '';
	return options.command + sub;
}

const SUBCOMMANDS = new Set<Command>(['imports', 'names', 'presets']);

/** Who runs the command: the browser's user (the server sets CDHT_ACTOR), else the OS user. */
export function cliActor(): { actor: string; source: AuditSource } {
	const web = process.env.CDHT_ACTOR;
	if (web) return { actor: web, source: 'web' };
	let name = 'unknown';
	try {
		name = userInfo().username;
	} catch {
		// no entry for this uid (a container): still record the change
	}
	return { actor: name, source: 'cli' };
}

/** An argument as logged: a file by its name alone (no directories), numbers that look personal masked. */
export function loggedArgument(arg: string): string {
	return maskPersonal(existsSync(arg) ? path.basename(arg) : arg);
}

export async function recordCommand(
	options: CliOptions,
	action: string,
	notes: Record<string, unknown>
): Promise<void> {
	const { actor, source } = cliActor();
	const args = options.args.slice(SUBCOMMANDS.has(options.command) ? 1 : 0).map(loggedArgument);
	const flags = {
		...(options.asOf && { asOf: options.asOf }),
		...(options.again && { again: true }),
		...(options.province && { province: options.province })
	};
	const store = await openAccounts(accountsPath(options.db));
	try {
		await recordAudit(store.kysely, {
			actor,
			source,
			action,
			target: args.join(' ') || null,
			detail: { args, ...flags, ...notes }
		});
	} finally {
		await store.close();
	}
}
