import type { Role } from '../access.ts';
import type { MessageKey } from './messages.ts';

/** Each role's name in the interface. */
export const ROLE_KEYS: Record<Role, MessageKey> = {
	viewer: 'roleViewer',
	officer: 'roleOfficer',
	association: 'roleAssociation',
	admin: 'roleAdmin'
};
