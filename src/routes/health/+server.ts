import type { RequestHandler } from './$types';

/** For a reverse proxy or a monitor: the server is up. Open even when the dashboard is not. */
export const GET: RequestHandler = () =>
	new Response('ok\n', { headers: { 'content-type': 'text/plain' } });
