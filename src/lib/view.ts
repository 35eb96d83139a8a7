/**
 * The state every page shares and keeps in its URL, so a link reproduces the view: the as-of
 * day, the target preset and the language.
 */
import type { IsoDate } from './dates.ts';
import type { Lang } from './format.ts';

export interface View {
	asOf: IsoDate;
	preset: string;
	lang: Lang;
}

/** `path` with the view in its query string; `extra` adds page-specific parameters. */
export function href(path: string, view: View, extra: Record<string, string> = {}): string {
	const query = new URLSearchParams({
		asOf: view.asOf,
		preset: view.preset,
		lang: view.lang,
		...extra
	});
	return `${path}?${query}`;
}
