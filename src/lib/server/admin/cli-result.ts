/**
 * A pipeline command's answer as a page shows it: whether it succeeded and its lines, plain
 * (no terminal colours), with the private upload's path replaced by its file's name.
 */
import path from 'node:path';
import type { PipelineResult } from '../pipeline-run.ts';
import type { SavedUpload } from '../desk/uploads.ts';

export interface CommandReport {
	ok: boolean;
	/** What the command printed (stdout), line by line. */
	lines: string[];
	/** Its one-line errors (stderr), when it refused. */
	errors: string[];
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function commandReport(result: PipelineResult, upload?: SavedUpload): CommandReport {
	const clean = (text: string) => {
		let out = text.replace(ANSI, '');
		// The command names the file by its path or (in a row's place) by its base name.
		if (upload)
			for (const known of [upload.file, path.basename(upload.file)])
				out = out.split(known).join(upload.name);
		return out
			.split(/\r?\n/)
			.map((l) => l.trimEnd())
			.filter((l) => l !== '');
	};
	return { ok: result.code === 0, lines: clean(result.stdout), errors: clean(result.stderr) };
}
