import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	utimesSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDesk } from '../../../../src/lib/server/desk/desk.ts';
import {
	cleanFileName,
	newUploadDir,
	saveUpload,
	sweepUploads
} from '../../../../src/lib/server/desk/uploads.ts';

const base = mkdtempSync(path.join(tmpdir(), 'cdht-uploads-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('uploaded files', () => {
	it('keep their name, cleaned: no folders, no control characters, not hidden, not too long', () => {
		expect(cleanFileName('dk_31-10-2023 Cẩm Xuyên.xlsx')).toBe('dk_31-10-2023 Cẩm Xuyên.xlsx');
		expect(cleanFileName('C:\\Users\\lan\\export.csv')).toBe('export.csv');
		expect(cleanFileName('../../etc/passwd')).toBe('passwd');
		expect(cleanFileName('..\u0007.csv')).toBe('tep.csv');
		const long = cleanFileName(`${'Huyện '.repeat(60)}.xlsx`);
		expect(Buffer.byteLength(long)).toBeLessThanOrEqual(120);
		expect(long.endsWith('.xlsx')).toBe(true);
	});

	it('are written in a private folder of a fixed-length name, one numbered folder per file', async () => {
		const root = path.join(base, 'a');
		const dir = newUploadDir(root);
		expect(path.basename(dir)).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{16}$`));
		expect(statSync(root).mode & 0o777).toBe(0o700);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		const first = await saveUpload(dir, 0, 'same.csv', new TextEncoder().encode('a'));
		const second = await saveUpload(dir, 1, 'same.csv', new TextEncoder().encode('b'));
		expect(first).not.toBe(second);
		expect(path.basename(second)).toBe('same.csv');
		expect(statSync(first).mode & 0o777).toBe(0o600);
	});

	it("are swept when their process is gone or, for this one's, when left too long", () => {
		const root = path.join(base, 'b');
		const held = newUploadDir(root);
		const old = newUploadDir(root);
		const fresh = newUploadDir(root);
		const past = new Date(Date.now() - 3_600_000);
		utimesSync(old, past, past);
		utimesSync(held, past, past);
		// A process id no process has (above the kernel's maximum).
		const dead = path.join(root, '99999999-0123456789abcdef');
		mkdirSync(dead);
		const other = path.join(root, 'not-ours');
		mkdirSync(other);
		const removed = sweepUploads(root, new Set([held]), 60_000);
		expect(removed.sort()).toEqual([old, dead].sort());
		expect(readdirSync(root).sort()).toEqual(
			[held, fresh, other].map((d) => path.basename(d)).sort()
		);
		expect(sweepUploads(root, new Set(), 0)).toEqual(expect.arrayContaining([held, fresh]));
		expect(existsSync(other)).toBe(true);
	});
});

describe('the desk at start', () => {
	it('deletes every upload an earlier run left, even one whose process id this one reuses', () => {
		const root = path.join(base, 'c');
		const reused = newUploadDir(root);
		const dead = path.join(root, '99999999-fedcba9876543210');
		mkdirSync(dead);
		startDesk(root);
		expect(existsSync(reused)).toBe(false);
		expect(existsSync(dead)).toBe(false);
	});
});
