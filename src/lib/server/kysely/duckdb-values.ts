import {
	DuckDBTypeId,
	JsonDuckDBValueConverter,
	type DuckDBValueConverter,
	type Json
} from '@duckdb/node-api';

/**
 * Converts result values to plain JSON-safe JS: dates and timestamps as ISO strings, UUIDs as
 * strings, and every integer or decimal as a number. The JSON converter of `@duckdb/node-api`
 * returns BIGINT (what `count(*)` and `sum()` produce) as a string, which would leak into the
 * pages as "12" + 1 = "121"; integers above 2^53 cannot occur in counts of people, so a loud
 * error is better than a silent rounding.
 */
export const plainValue: DuckDBValueConverter<Json> = (value, type, converter) => {
	switch (type.typeId) {
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT: {
			const n = Number(value);
			if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${String(value)} is too large`);
			return n;
		}
		case DuckDBTypeId.DECIMAL:
			return Number(String(value));
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return value === null ? null : new Date(String(value).replace(' ', 'T') + 'Z').toISOString();
		default:
			return JsonDuckDBValueConverter(value, type, converter);
	}
};
