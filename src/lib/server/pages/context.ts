/**
 * What every page needs before its own data: the database, the view from the URL, the preset,
 * the snapshot dates. Route loaders call this first; it answers "no data" without throwing.
 */
import { schemaIsCurrent, type Db } from '../db.ts';
import { appConfig, appPresets, cachedSnapshots, currentDatabase, memo } from '../live.ts';
import { resolveView } from '../view.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';

export interface PageContext {
	/** Null when there is nothing to show: no file, no import yet, or a file of an older version. */
	db: Db | null;
	/** Why `db` is null. */
	problem: 'no_data' | 'outdated' | null;
	view: View;
	preset: TargetPreset;
	snapshots: string[];
}

export async function pageContext(url: URL): Promise<PageContext> {
	const config = appConfig();
	const presets = appPresets();
	const opened = await currentDatabase();
	const current = opened !== null && (await memo(opened, 'schema', () => schemaIsCurrent(opened)));
	const snapshots = opened && current ? await cachedSnapshots(opened) : [];
	const view = resolveView(url, snapshots, presets, config.defaultPreset);
	const preset = presets.find((p) => p.id === view.preset);
	if (!preset) throw new Error(`no target preset under ${config.targetsDir}`);
	const db = current && snapshots.length > 0 ? opened : null;
	const problem = db ? null : opened && !current ? 'outdated' : 'no_data';
	return { db, problem, view, preset, snapshots };
}
