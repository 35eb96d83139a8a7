import { DuckDBInstance } from '@duckdb/node-api';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nativeKeyer, PersonKeyer, registerPersonKey } from '../../../pipeline/person-key.ts';

/** The person key as it was defined from the start: the first 16 bytes of the HMAC, as a UUID. */
function reference(key: Buffer, id: string): string {
	const hex = createHmac('sha256', key).update(id).digest('hex').slice(0, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');

describe('person key', () => {
	it('is HMAC-SHA256 of the ID, for messages of every length up to a block', () => {
		const key = randomBytes(32);
		const keyer = new PersonKeyer(key);
		const words = new Int32Array(4);
		for (let length = 0; length <= 55; length++) {
			const message = Buffer.from('x'.repeat(length).replace(/x/g, () => digits(1)));
			expect(keyer.digest(message, 0, length, words)).toBe(true);
			const expected = createHmac('sha256', key).update(message).digest().subarray(0, 16);
			expect(Buffer.from(Int32Array.from(words).buffer).swap32()).toEqual(expected);
		}
		expect(keyer.digest(Buffer.alloc(56), 0, 56, words)).toBe(false);
	});

	it('is built as a C function at install and used (required in CI, where a compiler is certain)', async () => {
		if (process.env.CI === 'true') expect(nativeKeyer).toBeDefined();
		if (!nativeKeyer) return;
		// Anything but the bindings' connection object is refused, so JavaScript takes over.
		expect(nativeKeyer.register({}, new PersonKeyer(randomBytes(32)).states, 17, 27)).toBe(false);
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		try {
			expect(registerPersonKey(connection, randomBytes(32))).toBe('C');
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
	});

	const loops = [
		['JavaScript', null, false],
		['C', nativeKeyer, false],
		['C on SHA instructions', nativeKeyer, true]
	] as const;
	it.each(loops)(
		'gives DuckDB the same UUIDs in %s, inline and longer strings, through filters and NULLs',
		async (name, native, accelerated) => {
			if (name !== 'JavaScript' && !native) return; // not built: the CI check above fails
			if (native && native.accelerate(accelerated) !== accelerated) return; // no SHA instructions
			const key = randomBytes(32);
			const instance = await DuckDBInstance.create(':memory:');
			const connection = await instance.connect();
			try {
				expect(registerPersonKey(connection, key, native)).toBe(name === 'JavaScript' ? name : 'C');
				const ids = [
					...Array.from({ length: 5000 }, (_, i) => digits(i % 2 ? 12 : 9)),
					...Array.from({ length: 56 }, (_, n) => digits(n)),
					digits(40)
				];
				await connection.run('CREATE TABLE ids (n INTEGER, id VARCHAR)');
				const appender = await connection.createAppender('ids');
				ids.forEach((id, n) => {
					appender.appendInteger(n);
					appender.appendVarchar(id);
					appender.endRow();
				});
				appender.closeSync();
				const rows = (
					await connection.runAndReadAll(
						`SELECT n, id, CASE WHEN n % 3 <> 1 THEN person_key(id)::VARCHAR END AS k
					FROM ids ORDER BY n`
					)
				).getRowObjectsJson() as { n: number; id: string; k: string | null }[];
				for (const { n, id, k } of rows) expect(k).toBe(n % 3 === 1 ? null : reference(key, id));
				const nulls = await connection.runAndReadAll(
					'SELECT count(*)::INTEGER AS n, count(person_key(CASE WHEN n % 2 = 0 THEN id END))::INTEGER AS k FROM ids'
				);
				expect(nulls.getRowObjectsJson()).toEqual([
					{ n: ids.length, k: Math.ceil(ids.length / 2) }
				]);
				await expect(connection.run(`SELECT person_key('${'9'.repeat(56)}')`)).rejects.toThrow(
					/person_key: an ID number of 56 bytes/
				);
			} finally {
				native?.accelerate(true);
				connection.closeSync();
				instance.closeSync();
			}
		}
	);
});
