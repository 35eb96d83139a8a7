/**
 * The audit log: who did what and when. Append-only: this module only inserts and reads, and a
 * trigger in the file refuses UPDATE and DELETE whoever tries.
 */
import type { Kysely } from 'kysely';
import type { AccountsDatabase, AuditSource } from './schema.ts';

export interface AuditEntry {
	actor: string;
	source: AuditSource;
	action: string;
	target?: string | null;
	/** Counts, file names (masked), roles: never a personal value or a password. */
	detail?: Record<string, unknown> | null;
	address?: string | null;
}

export interface AuditRow {
	id: number;
	at: string;
	actor: string;
	source: AuditSource;
	action: string;
	target: string | null;
	detail: string | null;
	address: string | null;
}

export async function recordAudit(
	db: Kysely<AccountsDatabase>,
	entry: AuditEntry,
	at = new Date()
): Promise<void> {
	await db
		.insertInto('audit')
		.values({
			at: at.toISOString(),
			actor: entry.actor,
			source: entry.source,
			action: entry.action,
			target: entry.target ?? null,
			detail: entry.detail ? JSON.stringify(entry.detail) : null,
			address: entry.address ?? null
		})
		.execute();
}

export interface AuditFilter {
	actor?: string;
	/** An action, or the start of one: "names" finds "names accept" and "names undo". */
	action?: string;
	/** Days YYYY-MM-DD, both included (UTC). */
	from?: string;
	to?: string;
	limit?: number;
}

/** The entries matching the filter, newest first. */
export async function listAudit(
	db: Kysely<AccountsDatabase>,
	filter: AuditFilter = {}
): Promise<AuditRow[]> {
	let query = filtered(db, filter).selectAll().orderBy('id', 'desc');
	if (filter.limit) query = query.limit(filter.limit);
	return query.execute();
}

export async function countAudit(
	db: Kysely<AccountsDatabase>,
	filter: AuditFilter = {}
): Promise<number> {
	const row = await filtered(db, filter)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

function filtered(db: Kysely<AccountsDatabase>, filter: AuditFilter) {
	let query = db.selectFrom('audit');
	if (filter.actor) query = query.where('actor', '=', filter.actor);
	if (filter.action)
		query = query.where((eb) =>
			eb.or([eb('action', '=', filter.action!), eb('action', 'like', `${filter.action} %`)])
		);
	if (filter.from) query = query.where('at', '>=', filter.from);
	// The whole last day: every time stamp of that day sorts before the next day's date.
	if (filter.to) query = query.where('at', '<', nextDay(filter.to));
	return query;
}

function nextDay(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/** The distinct actions and actors logged, for the filter's choices. */
export async function auditChoices(
	db: Kysely<AccountsDatabase>
): Promise<{ actors: string[]; actions: string[] }> {
	const actors = await db.selectFrom('audit').select('actor').distinct().orderBy('actor').execute();
	const actions = await db
		.selectFrom('audit')
		.select('action')
		.distinct()
		.orderBy('action')
		.execute();
	return { actors: actors.map((r) => r.actor), actions: actions.map((r) => r.action) };
}
