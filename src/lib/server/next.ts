/**
 * Where to go after signing in: a path of this site only, so a crafted link cannot send a user
 * who has just signed in to another site (an open redirect). The address is read as a browser
 * reads it (which drops tabs and newlines and takes "\" for "/", so "/\t/evil.example" is
 * "//evil.example") and only its path, query and fragment are kept.
 */
const BASE = 'http://cdht.invalid';

export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/')) return '/';
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return '/';
	}
	if (url.origin !== BASE) return '/';
	if (/^\/(login|logout)(\/|$)/.test(url.pathname)) return '/';
	return url.pathname + url.search + url.hash;
}
