/** Where this server keeps uploads: beside its live database, and the sweeper started once. */
import { appConfig } from '../live.ts';
import { startDesk } from './desk.ts';
import { uploadRoot } from './uploads.ts';

export function deskRoot(): string {
	const root = uploadRoot(appConfig().database);
	startDesk(root);
	return root;
}
