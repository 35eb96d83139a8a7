import type { Lang } from '../format.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

/** The interface text for `key`, with {name} placeholders filled. */
export function t(
	lang: Lang,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
		String(params[name] ?? `{${name}}`)
	);
}

export type { MessageKey };
