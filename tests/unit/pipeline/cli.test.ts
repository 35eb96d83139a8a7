import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../pipeline/cli.ts';
import { UsageError } from '../../../pipeline/errors.ts';

describe('parseOptions', () => {
	it('reads a command with its arguments and defaults', () => {
		expect(
			parseOptions([
				'ingest',
				'a.csv',
				'b.xlsx',
				'--db',
				'x.duckdb',
				'--as-of',
				'2023-07-31',
				'--dry-run'
			])
		).toEqual({
			command: 'ingest',
			args: ['a.csv', 'b.xlsx'],
			db: 'x.duckdb',
			dataDir: path.resolve('data'),
			asOf: '2023-07-31',
			dryRun: true,
			again: false,
			json: false,
			csv: undefined,
			preset: undefined,
			lang: 'vi'
		});
		expect(parseOptions([])).toBe('help');
		expect(parseOptions(['progress', '--help'])).toBe('help');
	});

	it('takes the data directory from --data, its database from that directory', () => {
		const options = parseOptions(['progress', '--data', 'nowhere/quang-ngai']);
		expect(options).toMatchObject({
			dataDir: path.resolve('nowhere/quang-ngai'),
			db: path.resolve('nowhere/quang-ngai/cdht.duckdb')
		});
		expect(parseOptions(['progress', '--data', 'x', '--db', 'y.duckdb'])).toMatchObject({
			dataDir: path.resolve('x'),
			db: 'y.duckdb'
		});
	});

	it.each([
		[
			['frobnicate'],
			'unknown command "frobnicate": one of ingest, units, activity, progress, imports, rejects'
		],
		[['ingest'], 'ingest: wrong number of arguments'],
		[['progress', '--as-of', '31/07/2023'], '--as-of must be a date YYYY-MM-DD, not "31/07/2023"'],
		[['progress', '--lang', 'fr'], '--lang must be vi or en, not "fr"'],
		[['rejects', 'abc'], 'rejects: the import is its number (see "imports"), not "abc"'],
		[['progress', '--colour'], "Unknown option '--colour'"]
	])('refuses %j', (argv, message) => {
		expect(() => parseOptions(argv)).toThrow(UsageError);
		expect(() => parseOptions(argv)).toThrow(message);
	});
});
