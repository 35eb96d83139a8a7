/**
 * Removing an import from the browser: first what the figures would become (`imports remove
 * --dry-run --json` on a working copy), then the removal itself through the CLI. A unit officer
 * may remove only an import whose rows are all their unit's, checked again on the live data when
 * the removal is confirmed.
 */
import { error } from '@sveltejs/kit';
import type { User } from '../../access.ts';
import type { Lang } from '../../format.ts';
import type { Db } from '../db.ts';
import { runPipeline } from '../pipeline-run.ts';
import { listUnits } from '../units.ts';
import { mayRemove, parentLookup } from './scope.ts';
import { shapeRemoval, type RemovalPreview, type RemoveDocument } from './shape.ts';
import { unitsTouched } from './touched.ts';

/** The pipeline's messages from stderr, without the failure mark. */
const messages = (stderr: string) =>
	stderr
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '')
		.map((l) => l.replace(/^✗ /, ''));

/**
 * Each database version's dry runs, by import and language: the page can be reloaded (or asked
 * for over and over) without queueing another run ahead of everyone's imports.
 */
const previews = new WeakMap<Db, Map<string, RemoveDocument>>();

export async function previewRemoval(
	user: User,
	db: Db,
	id: number,
	lang: Lang
): Promise<RemovalPreview> {
	await requireRemovable(user, db, id);
	const cached = previews.get(db) ?? new Map<string, RemoveDocument>();
	previews.set(db, cached);
	let document = cached.get(`${id}:${lang}`);
	if (document === undefined) {
		const result = await runPipeline(
			['imports', 'remove', String(id), '--dry-run', '--json', '--lang', lang],
			{ actor: user.name }
		);
		if (result.code !== 0) error(404, messages(result.stderr).join(' ') || 'Not found');
		document = JSON.parse(result.stdout) as RemoveDocument;
		cached.set(`${id}:${lang}`, document);
	}
	const preview = shapeRemoval(document, user);
	if (!preview.allowed) error(403, 'Forbidden');
	return preview;
}

/** A unit officer's request for an import that is not theirs is refused before anything runs. */
async function requireRemovable(user: User, db: Db, id: number): Promise<void> {
	const [touched, units] = await Promise.all([unitsTouched(db.kysely, id), listUnits(db.kysely)]);
	if (!mayRemove(user, touched, parentLookup(units))) error(403, 'Forbidden');
}

/** Removes the import; the pipeline's messages when it refused. */
export async function removeAs(
	user: User,
	db: Db,
	id: number,
	lang: Lang
): Promise<{ ok: true } | { ok: false; messages: string[] }> {
	await requireRemovable(user, db, id);
	const result = await runPipeline(['imports', 'remove', String(id), '--lang', lang], {
		actor: user.name
	});
	return result.code === 0 ? { ok: true } : { ok: false, messages: messages(result.stderr) };
}
