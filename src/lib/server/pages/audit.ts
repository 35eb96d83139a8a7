/** The audit page's filter, read from the URL (the page and its CSV share it). */
import { isIsoDate } from '../../dates.ts';
import type { AuditFilter } from '../accounts/audit.ts';

export function auditFilter(url: URL): AuditFilter {
	const param = (key: string) => url.searchParams.get(key)?.trim() || undefined;
	const day = (key: string) => {
		const value = param(key);
		return value && isIsoDate(value) ? value : undefined;
	};
	return { actor: param('actor'), action: param('action'), from: day('from'), to: day('to') };
}
