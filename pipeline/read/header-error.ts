import { ImportError, type Place } from '../errors.ts';
import { HEADER_SYNONYMS, REQUIRED_FIELDS } from './fields.ts';
import type { HeaderError } from './header.ts';

/** The user-facing refusal for a file whose header lacks required columns. */
export function headerError(error: HeaderError, place: Place): ImportError {
	const columns = error.missing.map((f) => `“${HEADER_SYNONYMS[f][0]}”`).join(', ');
	if (error.missing.length === REQUIRED_FIELDS.length) {
		return new ImportError('no_header', place, { columns });
	}
	return new ImportError('missing_columns', place, { columns, found: error.found.join(', ') });
}
