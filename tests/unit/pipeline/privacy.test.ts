import { DuckDBInstance } from '@duckdb/node-api';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseBirthYear } from '../../../pipeline/normalise.ts';
import { PersonKeyer, registerPersonKey } from '../../../pipeline/person-key.ts';
import {
	birthToken,
	birthTokenSql,
	idToken,
	idTokenSql,
	KEYED_ID_PREFIX,
	personKeySql,
	maskDigits,
	maskPersonal,
	safeDetail
} from '../../../pipeline/privacy.ts';
import { ImportError } from '../../../pipeline/errors.ts';
import { errorText } from '../../../pipeline/messages.ts';

describe('idToken', () => {
	const key = randomBytes(32);
	const keyer = new PersonKeyer(key);
	const hmac = (id: string) => createHmac('sha256', key).update(id).digest('hex').slice(0, 32);

	it('writes a valid ID as its person key, separators dropped first, as the SQL function would', async () => {
		expect(idToken('042001234567', keyer)).toBe(KEYED_ID_PREFIX + hmac('042001234567'));
		expect(idToken(' 042 001.234-567 ', keyer)).toBe(KEYED_ID_PREFIX + hmac('042001234567'));
		expect(idToken('123456789', keyer)).toBe(KEYED_ID_PREFIX + hmac('123456789'));
		// The UUID validate.ts casts it to is the SQL function's UUID.
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		try {
			const token = idToken('042001234567', keyer).slice(1);
			const read = await connection.runAndReadAll(`SELECT '${token}'::UUID::VARCHAR AS k`);
			const uuid = (read.getRowObjectsJson()[0] as { k: string }).k;
			expect(uuid.replaceAll('-', '')).toBe(hmac('042001234567'));
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
	});

	it('keeps a blank cell blank and masks every digit of a malformed one', () => {
		expect(idToken('   ', keyer)).toBe('');
		expect(idToken('04200123456', keyer)).toBe('###########');
		expect(idToken('Tổng cộng: 52', keyer)).toBe('Tổng cộng: ##');
		expect(idToken(`${KEYED_ID_PREFIX}${'a'.repeat(32)}`, keyer)).toBe('a'.repeat(32));
		expect(maskDigits('a\x01b7')).toBe('ab#');
	});
});

describe('birthToken', () => {
	it('keeps only what gives parseBirthYear the same year, whatever the as-of year', () => {
		const dates = [
			'1985-03-02',
			'02/03/1985',
			'2/3/85',
			'02/03/25',
			'1985',
			'31135',
			'abc',
			'31/02/1990',
			''
		];
		for (const raw of dates)
			for (const asOf of [2024, 2026, 2090])
				expect(parseBirthYear(birthToken(raw), asOf), `${raw} ${asOf}`).toBe(
					parseBirthYear(raw, asOf)
				);
		expect(birthToken('1985-03-02')).toBe('1985');
		expect(birthToken('2/3/85')).toBe('01/01/85');
		expect(birthToken('abc')).toBe('');
	});
});

describe('the SQL tokens (read/csv.ts)', () => {
	const key = randomBytes(32);
	const keyer = new PersonKeyer(key);
	/** Each text through `sql(column)` in DuckDB, with the person key registered. */
	async function throughSql(texts: (string | null)[], sql: (cell: string) => string) {
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		try {
			registerPersonKey(connection, key);
			await connection.run('CREATE TABLE t (i INTEGER, v VARCHAR)');
			const appender = await connection.createAppender('t');
			texts.forEach((text, i) => {
				appender.appendInteger(i);
				if (text === null) appender.appendNull();
				else appender.appendVarchar(text);
				appender.endRow();
			});
			appender.closeSync();
			const read = await connection.runAndReadAll(`SELECT ${sql('v')} AS k FROM t ORDER BY i`);
			return read.getRows().map(([k]) => k as string | null);
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
	}

	it('key an ID number as idToken does, in two columns, and never pass a cell off as a key', async () => {
		const ids = ['042001234567', ' 042 001.234-567 ', '123456789', '0420012345', 'Tổng: 52'];
		const forged = `${KEYED_ID_PREFIX}${'a'.repeat(32)}`;
		const texts = [...ids, forged, '   ', null];
		const keys = await throughSql(texts, (c) => `${personKeySql(c)}::VARCHAR`);
		const rest = await throughSql(texts, (c) => idTokenSql(c, false));
		// Together they are idToken's token: the key of a valid ID, or what is left of the cell.
		const together = keys.map((k, i) => (k ? KEYED_ID_PREFIX + k.replaceAll('-', '') : rest[i]));
		expect(together).toEqual([...ids.map((t) => idToken(t, keyer)), 'a'.repeat(32), '   ', null]);
		expect(rest.slice(0, 3)).toEqual([null, null, null]);
		// A re-encoded file's keys are kept as they are.
		const tokens = ids.map((t) => idToken(t, keyer));
		expect(await throughSql(tokens, (c) => idTokenSql(c, true))).toEqual(tokens);
	});

	it('reduce a birth date as birthToken does', async () => {
		const dates = [
			'1985-03-02',
			' 02/03/1985 ',
			'2/3/85',
			'02/03/25',
			'29/02/00',
			'29/02/1900',
			'1985',
			'31135',
			'31135.5',
			'02.03.1985 10:30',
			'1985-3-2T08:00:00Z',
			'0012-01-01',
			'abc',
			'31/02/1990',
			'',
			'1/13/85',
			'31/12/1987',
			'30/02/1987',
			'14/05/0087',
			'14/05/0987',
			'1/05/19870'
		];
		const sql = await throughSql([...dates, null], birthTokenSql);
		expect(sql).toEqual([...dates.map(birthToken), null]);
	});
});

describe('maskPersonal', () => {
	it('masks ID and phone numbers in any text, separators or +84 included', () => {
		expect(maskPersonal('042001234567')).toBe('04********67');
		expect(maskPersonal('CMND 123456789 cũ')).toBe('CMND 12*****89 cũ');
		expect(maskPersonal('ĐT: 0912 345 678.')).toBe('ĐT: 09******78.');
		expect(maskPersonal('+84 912.345.678')).toBe('+84*******78');
		expect(maskPersonal('ID042001234567x')).toBe('ID04********67x');
	});

	it('leaves dates, counts and short numbers alone', () => {
		for (const text of [
			'10/07/2023',
			'2023-07-10',
			'Xã 12345678',
			'70.000',
			'45123',
			'Huyện Can Lộc'
		])
			expect(maskPersonal(text)).toBe(text);
	});
});

describe('error details', () => {
	it('drop DuckDB’s "Original Line" and mask numbers that may be personal', () => {
		const duck =
			'Invalid Input Error: CSV Error on Line: 7\nOriginal Line: 079123456789,Canary Yến,14/05/1987,0912345678\nValue with unterminated quote found.';
		const error = new ImportError('csv_malformed', { file: 'a.csv' }, { detail: duck });
		const text = errorText(error, 'vi');
		expect(text).toContain('CSV Error on Line: 7');
		for (const canary of ['079123456789', 'Canary', '14/05/1987', '0912345678'])
			expect(text).not.toContain(canary);
		expect(safeDetail('Lỗi ở ô có 079123456789')).toBe('Lỗi ở ô có 07********89');
	});
});
