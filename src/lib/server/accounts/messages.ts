import type { MessageKey } from '../../i18n/messages.ts';
import type { AccountErrorCode } from './users.ts';

/** Each refusal of users.ts as the interface's message. */
export const ACCOUNT_ERROR_KEYS: Record<AccountErrorCode, MessageKey> = {
	bad_name: 'accountErrorBadName',
	bad_role: 'accountErrorBadRole',
	user_exists: 'accountErrorExists',
	no_user: 'accountErrorNoUser',
	short_password: 'accountErrorShortPassword',
	unit_required: 'accountErrorUnitRequired',
	unit_not_allowed: 'accountErrorUnitNotAllowed',
	unknown_unit: 'accountErrorUnknownUnit',
	last_admin: 'accountErrorLastAdmin',
	password_mismatch: 'accountErrorPasswordMismatch',
	password_cancelled: 'accountErrorPasswordMismatch'
};
