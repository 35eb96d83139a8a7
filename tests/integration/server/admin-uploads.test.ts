/**
 * An uploaded file lives in a private directory under a random name only while its command
 * runs, and is gone afterwards whether the command succeeded, failed or threw.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UploadRefused, withUpload, type Upload } from '../../../src/lib/server/admin/uploads.ts';

const MB = 1024 * 1024;
const csv = (name: string, text = 'code,name\n42,Hà Tĩnh\n') =>
	new File([text], name, { type: 'text/csv' });
const uploadDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('cdht-upload-'));

describe('withUpload', () => {
	it('saves the file privately under a random fixed-length name, then deletes it', async () => {
		const seen: Upload[] = [];
		for (const name of ['Danh mục đơn vị.CSV', '../../etc/passwd.csv']) {
			await withUpload(csv(name), ['.csv'], MB, async (upload) => {
				seen.push(upload);
				expect(readFileSync(upload.file, 'utf8')).toBe('code,name\n42,Hà Tĩnh\n');
				expect(statSync(path.dirname(upload.file)).mode & 0o777).toBe(0o700);
				expect(statSync(upload.file).mode & 0o777).toBe(0o600);
				expect(path.basename(upload.file)).toMatch(/^[0-9a-f]{32}\.csv$/);
			});
		}
		expect(seen.map((s) => s.name)).toEqual(['Danh mục đơn vị.CSV', 'passwd.csv']);
		expect(path.basename(seen[0]!.file)).not.toBe(path.basename(seen[1]!.file));
		for (const s of seen) expect(existsSync(path.dirname(s.file))).toBe(false);
	});

	it('deletes the file when the command throws', async () => {
		let file = '';
		await expect(
			withUpload(csv('units.csv'), ['.csv'], MB, async (upload) => {
				file = upload.file;
				throw new Error('the command failed');
			})
		).rejects.toThrow('the command failed');
		expect(file).not.toBe('');
		expect(existsSync(file)).toBe(false);
		expect(existsSync(path.dirname(file))).toBe(false);
	});

	it('refuses a missing, empty, too large or unknown file before writing anything', async () => {
		const before = uploadDirs();
		const never = async () => expect.unreachable('the command must not run');
		const refused = async (file: unknown, max = MB) => {
			const error = await withUpload(file, ['.csv', '.xlsx'], max, never).catch((e) => e);
			expect(error).toBeInstanceOf(UploadRefused);
			return (error as UploadRefused).reason;
		};
		expect(await refused(null)).toBe('missing');
		expect(await refused('units.csv')).toBe('missing');
		expect(await refused(csv('units.csv', ''))).toBe('missing');
		expect(await refused(csv('units.csv', 'x'.repeat(2000)), 1000)).toBe('too_large');
		expect(await refused(csv('units.ods'))).toBe('extension');
		expect(await refused(csv('units'))).toBe('extension');
		expect(uploadDirs()).toEqual(before);
	});
});
