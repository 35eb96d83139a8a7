/**
 * A file the pipeline refuses, with where and why. The message is worded in messages.ts, in
 * Vietnamese or English; the pipeline changes nothing when it throws one.
 */
import type { MessageKey, MessageParams } from './messages.ts';
import { safeDetail } from './privacy.ts';

export interface Place {
	file?: string;
	sheet?: string | null;
	row?: number;
	column?: string;
}

export class ImportError extends Error {
	readonly key: MessageKey;
	readonly params: MessageParams;
	readonly place: Place;

	constructor(key: MessageKey, place: Place = {}, params: MessageParams = {}) {
		// A library's wording (DuckDB's, a ZIP reader's) may quote the data it choked on.
		if (typeof params.detail === 'string')
			params = { ...params, detail: safeDetail(params.detail) };
		super(`${key} ${JSON.stringify({ ...place, ...params })}`);
		this.name = 'ImportError';
		this.key = key;
		this.place = place;
		this.params = params;
	}
}

/** Usage mistakes on the command line (exit code 2). */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** Several problems in one hand-kept sheet, reported together so they can be fixed in one go. */
export class ImportErrors extends Error {
	readonly errors: ImportError[];

	constructor(errors: ImportError[]) {
		super(errors.map((e) => e.message).join('\n'));
		this.name = 'ImportErrors';
		this.errors = errors;
	}
}
