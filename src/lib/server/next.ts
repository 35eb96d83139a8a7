/**
 * Where to go after signing in: a path of this site only, so a crafted link cannot send a user
 * who has just signed in to another site (an open redirect).
 */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	if (next.startsWith('/login') || next.startsWith('/logout')) return '/';
	return next;
}
