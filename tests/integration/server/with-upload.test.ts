/**
 * One uploaded file for one command (the admin pages' unit list, activity sheet and presets):
 * it lives in a private folder under its own cleaned name only while its command runs — the
 * command and the audit log name it as the user knows it — and is gone afterwards whether the
 * command succeeded, failed or threw.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	UploadRefused,
	withUpload,
	type SavedUpload
} from '../../../src/lib/server/desk/uploads.ts';

const MB = 1024 * 1024;
const root = path.join(mkdtempSync(path.join(tmpdir(), 'cdht-with-upload-')), '.cdht-uploads');
afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const csv = (name: string, text = 'code,name\n42,Hà Tĩnh\n') =>
	new File([text], name, { type: 'text/csv' });
const folders = () => (existsSync(root) ? readdirSync(root) : []);

describe('withUpload', () => {
	it('saves the file privately under its cleaned name, then deletes it', async () => {
		const seen: SavedUpload[] = [];
		for (const name of ['Danh mục đơn vị.CSV', '../../etc/passwd.csv']) {
			await withUpload(root, csv(name), ['.csv'], MB, async (upload) => {
				seen.push(upload);
				expect(readFileSync(upload.file, 'utf8')).toBe('code,name\n42,Hà Tĩnh\n');
				expect(statSync(path.dirname(upload.file)).mode & 0o777).toBe(0o700);
				expect(statSync(path.dirname(path.dirname(upload.file))).mode & 0o777).toBe(0o700);
				expect(statSync(upload.file).mode & 0o777).toBe(0o600);
				expect(path.basename(upload.file)).toBe(upload.name);
				expect(path.relative(root, upload.file).split(path.sep)[0]).toMatch(
					new RegExp(`^${process.pid}-[0-9a-f]{16}$`)
				);
			});
		}
		expect(seen.map((s) => s.name)).toEqual(['Danh mục đơn vị.CSV', 'passwd.csv']);
		expect(path.dirname(seen[0]!.file)).not.toBe(path.dirname(seen[1]!.file));
		for (const s of seen) expect(existsSync(s.file)).toBe(false);
		expect(folders()).toEqual([]);
	});

	it('deletes the file when the command throws', async () => {
		let file = '';
		await expect(
			withUpload(root, csv('units.csv'), ['.csv'], MB, async (upload) => {
				file = upload.file;
				throw new Error('the command failed');
			})
		).rejects.toThrow('the command failed');
		expect(file).not.toBe('');
		expect(existsSync(file)).toBe(false);
		expect(folders()).toEqual([]);
	});

	it('refuses a missing, empty, too large or unknown file before writing anything', async () => {
		const never = async () => expect.unreachable('the command must not run');
		const refused = async (file: unknown, max = MB) => {
			const error = await withUpload(root, file, ['.csv', '.xlsx'], max, never).catch((e) => e);
			expect(error).toBeInstanceOf(UploadRefused);
			return (error as UploadRefused).reason;
		};
		expect(await refused(null)).toBe('missing');
		expect(await refused('units.csv')).toBe('missing');
		expect(await refused(csv('units.csv', ''))).toBe('missing');
		expect(await refused(csv('units.csv', 'x'.repeat(2000)), 1000)).toBe('too_large');
		expect(await refused(csv('units.ods'))).toBe('extension');
		expect(await refused(csv('units'))).toBe('extension');
		expect(folders()).toEqual([]);
	});
});
