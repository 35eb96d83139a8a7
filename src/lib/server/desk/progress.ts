/**
 * The import's progress bar, from the stage lines `ingest --json` writes on stderr
 * (`{"file","stage","fraction"}`): the files share the first 90% in order, each through its
 * stages (reading, the long one, by its own fraction), and rebuilding the figures the rest.
 */
import type { Stage } from '../../../../pipeline/ingest.ts';

export interface Progress {
	fraction: number;
	stage: Stage | null;
	file: string;
}

/** Where each stage starts within one file's share, and where reading ends. */
const START: Record<Exclude<Stage, 'aggregate'>, number> = {
	hash: 0,
	read: 0.05,
	match: 0.7,
	validate: 0.75,
	load: 0.85
};
const FILES_SHARE = 0.9;

/** The progress a stage line reports, or null for any other line (an error message). */
export function progressOf(line: string, files: string[], previous: Progress): Progress | null {
	let event: { file?: unknown; stage?: unknown; fraction?: unknown };
	try {
		event = JSON.parse(line);
	} catch {
		return null;
	}
	if (typeof event !== 'object' || event === null || typeof event.stage !== 'string') return null;
	const stage = event.stage as Stage;
	const file = typeof event.file === 'string' ? event.file : '';
	if (stage === 'aggregate') return { fraction: FILES_SHARE, stage, file };
	if (!(stage in START)) return null;
	const index = Math.max(0, files.indexOf(file));
	const within =
		stage === 'read' && typeof event.fraction === 'number'
			? START.read + (START.match - START.read) * Math.min(1, Math.max(0, event.fraction))
			: START[stage];
	const fraction = ((index + within) / Math.max(1, files.length)) * FILES_SHARE;
	// Never backwards: a file's stages can arrive out of the files' order (an unchanged one).
	return { fraction: Math.max(previous.fraction, fraction), stage, file };
}
