import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit, type AuditRow } from '../../../src/lib/server/accounts/audit.ts';
import { attemptLogin } from '../../../src/lib/server/accounts/login.ts';
import { accountsPath, openAccounts } from '../../../src/lib/server/accounts/store.ts';
import { freshDatabase, row, HEADER, writeCsv } from '../../support/exports.ts';
import { pipeline } from '../../support/province.ts';

const BIN = path.resolve('pipeline/bin.ts');

/** The real CLI in a child process, with `stdin` piped in (as a script or a password manager does). */
function cli(args: string[], stdin: string, env: NodeJS.ProcessEnv = {}) {
	return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [BIN, ...args], {
			env: { ...process.env, CDHT_ACTOR: '', ...env },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
		child.stdin.end(stdin);
	});
}

async function audit(db: string): Promise<AuditRow[]> {
	const store = await openAccounts(accountsPath(db));
	try {
		return (await listAudit(store.kysely)).reverse();
	} finally {
		await store.close();
	}
}

let db: string;
let dir: string;
beforeAll(async () => {
	({ db, dir } = await freshDatabase());
});

describe('users', () => {
	it('adds an admin with the password from stdin, who can then sign in', async () => {
		const added = await cli(
			['users', 'add', 'lan', '--role', 'admin', '--db', db],
			'mật-khẩu-đủ-dài\n'
		);
		expect(added).toMatchObject({ code: 0, stdout: '✓ đã tạo tài khoản lan (admin)\n' });
		const store = await openAccounts(accountsPath(db));
		try {
			const login = await attemptLogin(store.kysely, {
				name: 'lan',
				password: 'mật-khẩu-đủ-dài',
				address: '127.0.0.1'
			});
			expect(login.ok).toBe(true);
		} finally {
			await store.close();
		}
		const list = await cli(['users', 'list', '--db', db], '');
		expect(list.stdout).toMatch(/^lan +admin /);
	});

	it('refuses a short password, an officer without a unit or with one not in the unit list', async () => {
		const short = await cli(
			['users', 'add', 'hoa', '--role', 'viewer', '--db', db, '--lang', 'en'],
			'short\n'
		);
		expect(short).toMatchObject({
			code: 1,
			stderr: '✗ the password is too short: at least 10 characters\n'
		});
		const noUnit = await cli(
			['users', 'add', 'hoa', '--role', 'officer', '--db', db],
			'mật-khẩu-đủ-dài\n'
		);
		expect(noUnit.code).toBe(1);
		const unknown = await cli(
			['users', 'add', 'hoa', '--role', 'officer', '--unit', '999', '--db', db, '--lang', 'en'],
			'mật-khẩu-đủ-dài\n'
		);
		expect(unknown).toMatchObject({
			code: 1,
			stderr: '✗ no unit with the code 999 in the unit list\n'
		});
		const officer = await cli(
			['users', 'add', 'hoa', '--role', 'officer', '--unit', '436', '--db', db],
			'mật-khẩu-đủ-dài\n'
		);
		expect(officer.code).toBe(0);
		const badRole = await cli(
			['users', 'add', 'x', '--role', 'boss', '--db', db],
			'mật-khẩu-đủ-dài\n'
		);
		expect(badRole.code).toBe(2);
	});

	it('logs user changes as the operating-system user, and the browser user through CDHT_ACTOR', async () => {
		await cli(['users', 'passwd', 'hoa', '--db', db], 'mật-khẩu-mới-dài\n', { CDHT_ACTOR: 'lan' });
		const log = (await audit(db)).filter((r) => r.action.startsWith('users'));
		expect(log.map((r) => [r.action, r.target, r.source])).toEqual([
			['users add', 'lan', 'cli'],
			['users add', 'hoa', 'cli'],
			['users passwd', 'hoa', 'web']
		]);
		expect(log[0]!.actor).not.toBe('');
		expect(log[2]!.actor).toBe('lan');
	});
});

describe('the audit log of changing commands', () => {
	it('records a real ingest with the file name only, its hash and its counts; not a dry run', async () => {
		const inner = path.join(dir, 'phòng 042090000001');
		mkdirSync(inner);
		const file = await writeCsv(path.join(inner, 'dk 0912345678 thang 7.csv'), [
			HEADER,
			row(1),
			row(2),
			row(3, { district: 'Huyện Không Có' })
		]);
		const before = (await audit(db)).length;
		expect(
			(await pipeline(['ingest', file, '--as-of', '2023-07-31', '--dry-run', '--db', db])).code
		).toBe(0);
		expect((await pipeline(['imports', '--db', db])).code).toBe(0);
		expect(await audit(db)).toHaveLength(before);
		const ingested = await pipeline(['ingest', file, '--as-of', '2023-07-31', '--db', db]);
		expect(ingested.code).toBe(0);
		const entry = (await audit(db)).at(-1)!;
		expect(entry).toMatchObject({
			action: 'ingest',
			source: 'cli',
			target: 'dk 09******78 thang 7.csv'
		});
		const detail = JSON.parse(entry.detail!);
		expect(detail).toMatchObject({
			args: ['dk 09******78 thang 7.csv'],
			asOf: '2023-07-31',
			files: [
				{
					file: 'dk 09******78 thang 7.csv',
					hash: createHash('sha256').update(readFileSync(file)).digest('hex'),
					status: 'loaded',
					asOf: '2023-07-31',
					read: 3,
					accepted: 2,
					rejected: 1
				}
			]
		});
		expect(entry.detail).not.toContain(dir);
		expect(entry.detail).not.toContain('0912345678');
		expect(entry.detail).not.toContain('Người Thử');
		expect(entry.detail).not.toContain(row(1)[2]);
	});

	it('records a removal with its subcommand, and not a refused one', async () => {
		const removed = await pipeline(['imports', 'remove', '1', '--db', db]);
		expect(removed.code).toBe(0);
		const failed = await pipeline(['imports', 'remove', '99', '--db', db]);
		expect(failed.code).toBe(1);
		const log = await audit(db);
		expect(log.at(-1)).toMatchObject({ action: 'imports remove', target: '1' });
		expect(log.map((r) => r.action)).toEqual([
			'units',
			'users add',
			'login',
			'users add',
			'users passwd',
			'ingest',
			'imports remove'
		]);
	});
});
