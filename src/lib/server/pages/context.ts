/**
 * What every page needs before its own data: the database, the view from the URL, the preset,
 * the snapshot dates. Route loaders call this first; it answers "no data" without throwing.
 */
import type { Db } from '../db.ts';
import { snapshotDates } from '../imports.ts';
import { appConfig, appPresets, currentDatabase } from '../live.ts';
import { resolveView } from '../view.ts';
import type { TargetPreset } from '../../targets.ts';
import type { View } from '../../view.ts';

export interface PageContext {
	db: Db | null;
	view: View;
	preset: TargetPreset;
	snapshots: string[];
}

export async function pageContext(url: URL): Promise<PageContext> {
	const config = appConfig();
	const presets = appPresets();
	const db = await currentDatabase();
	const snapshots = db ? await snapshotDates(db.kysely) : [];
	const view = resolveView(url, snapshots, presets, config.defaultPreset);
	const preset = presets.find((p) => p.id === view.preset);
	if (!preset) throw new Error(`no target preset under ${config.targetsDir}`);
	return { db: db && snapshots.length > 0 ? db : null, view, preset, snapshots };
}
