/**
 * The dashboard's side of the monthly report: the model from the progress cache, and one PDF
 * at a time (each launches a Chromium; a queue keeps a busy morning from starting ten).
 */
import type { TargetPreset } from '../../targets.ts';
import type { Db } from '../db.ts';
import { appConfig, cachedProgress } from '../live.ts';
import { loadReport } from './load.ts';
import type { ReportModel } from './model.ts';

export function dashboardReport(
	db: Db,
	preset: TargetPreset,
	month: string
): Promise<ReportModel | null> {
	return loadReport(
		{
			db,
			preset,
			simulated: appConfig().simulated,
			progress: (day) => cachedProgress(db, preset, day)
		},
		month
	);
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it has settled. */
export function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
	const result = queue.then(task, task);
	queue = result.catch(() => undefined);
	return result;
}
