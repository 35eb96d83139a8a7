/**
 * The import desk on a real data directory: a simulated province with every monthly export but
 * the last, which is then uploaded through the desk's server modules as the browser would, read
 * in a dry run by the CLI in a child process, confirmed or cancelled, and removed again.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, type User } from '../../../src/lib/access.ts';
import { REJECT_REASONS } from '../../../src/lib/rejects.ts';
import { openDatabase } from '../../../src/lib/server/db.ts';
import {
	cancelUpload,
	confirmUpload,
	createUpload,
	getUpload,
	PREVIEW_TTL_MS,
	sweepDesk,
	type Upload
} from '../../../src/lib/server/desk/desk.ts';
import { publishedFigures, type Figures } from '../../../src/lib/server/desk/figures.ts';
import { previewRemoval, removeAs } from '../../../src/lib/server/desk/removal.ts';
import { parentLookup } from '../../../src/lib/server/desk/scope.ts';
import { uploadRoot } from '../../../src/lib/server/desk/uploads.ts';
import { loadConfig, loadPresets } from '../../../src/lib/server/config.ts';
import { generate, type Generated } from '../../../pipeline/demo/generate.ts';
import { query } from '../../support/database.ts';
import { pipeline } from '../../support/province.ts';
import { actions } from '../../../src/routes/imports/new/+page.server.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const association: User = { name: 'hoa', role: 'association', unitCode: null };
/** Huyện Can Lộc in the demo's unit list. */
const CAN_LOC = '443';
const officer: User = { name: 'lan', role: 'officer', unitCode: CAN_LOC };

let dir: string;
let db: string;
let root: string;
let generated: Generated;
let month: { name: string; data: Uint8Array<ArrayBuffer> };

async function figuresNow(): Promise<Figures> {
	const preset = loadPresets(loadConfig())[0]!;
	const live = await openDatabase(db, { readOnly: true });
	try {
		return await publishedFigures(live.kysely, preset);
	} finally {
		await live.close();
	}
}

async function importsNow() {
	const live = await openDatabase(db, { readOnly: true });
	try {
		return await live.kysely.selectFrom('import').selectAll().orderBy('id').execute();
	} finally {
		await live.close();
	}
}

/** A file of Can Lộc people only, one of them with a malformed ID number. */
function canLocFile(): { name: string; data: Uint8Array<ArrayBuffer> } {
	const header =
		'STT;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Số điện thoại;Đối tượng;Cơ quan/đơn vị công tác;Xã/Phường/Thị trấn;Huyện/Thị xã/Thành phố;Ngày đăng ký;Trạng thái;Ngày công nhận;Kỹ năng số';
	const rows = Array.from({ length: 12 }, (_, i) => {
		const id = i === 5 ? '04209900' : `0420990000${String(i).padStart(2, '0')}`;
		return `${i + 1};Người Thử ${i};01/01/1990;Nữ;${id};;Người dân;;;Huyện Can Lộc;01/12/2023;Đã công nhận;20/12/2023;`;
	});
	const text = ['DANH SÁCH CÔNG DÂN HỌC TẬP', '(Tính đến ngày 31/12/2023)', header, ...rows].join(
		'\r\n'
	);
	return { name: 'can-loc.csv', data: new TextEncoder().encode(text) };
}

const settled = async (upload: Upload, running: Promise<void> | false) => {
	expect(running).not.toBe(false);
	await running;
	return upload;
};

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'cdht-desk-'));
	db = path.join(dir, 'cdht.duckdb');
	generated = await generate({
		out: path.join(dir, 'demo'),
		rows: 3000,
		snapshots: 'monthly',
		formats: ['csv', 'xlsx']
	});
	const files = generated.exports.map((e) => e.file);
	for (const args of [
		['units', generated.units],
		['activity', generated.activity],
		['ingest', ...files.slice(0, -1)]
	]) {
		const result = await pipeline([...args, '--db', db]);
		if (result.code !== 0) throw new Error(`${args[0]} failed: ${result.text}`);
	}
	const last = files.at(-1)!;
	month = { name: path.basename(last), data: new Uint8Array(readFileSync(last)) };
	process.env.CDHT_DB = db;
	process.env.CDHT_DATA = path.resolve('data');
	root = uploadRoot(db);
});

afterAll(() => {
	delete process.env.CDHT_DB;
	delete process.env.CDHT_DATA;
	rmSync(dir, { recursive: true, force: true });
});

describe('the import desk', () => {
	let importId: number;
	let original: Figures;

	it('previews an upload with its counts, rejects, names and effect, then imports exactly that', async () => {
		original = await figuresNow();
		const upload = await createUpload(root, association, [month], { lang: 'vi' });
		expect(upload.error).toEqual([]);
		expect(upload.state).toBe('ready');
		// Saved privately under its own name, which the pipeline records.
		expect(statSync(upload.dir).mode & 0o777).toBe(0o700);
		expect(path.basename(upload.paths[0]!)).toBe(month.name);
		expect(statSync(upload.paths[0]!).mode & 0o777).toBe(0o600);
		// A dry run: nothing changed yet.
		expect(await figuresNow()).toEqual(original);

		const file = upload.preview!.files[0]!;
		if (file.status !== 'loaded') throw new Error('expected a loaded file');
		expect(file.asOf).toBe(generated.exports.at(-1)!.asOf);
		expect(file.asOfSource).toBe('title');
		expect(file.rowsRead).toBe(generated.exports.at(-1)!.rows);
		expect(file.rowsRejected).toBeGreaterThan(0);
		expect(file.rejects).toHaveLength(file.rowsRejected);
		expect(file.reasons.reduce((s, r) => s + r.rows, 0)).toBe(file.rowsRejected);
		for (const r of file.rejects) {
			expect(r.row).toBeGreaterThan(3);
			expect(REJECT_REASONS).toContain(r.reason);
			expect(r.value ?? '').not.toMatch(/\d{9}/);
		}
		expect(file.names.some((n) => n.warning.suggestions.length > 0)).toBe(true);
		const effect = upload.preview!.effect!;
		expect(effect.asOfBefore).toBe(original.asOf);
		expect(effect.asOfAfter).toBe(file.asOf);
		expect(effect.changes.length).toBeGreaterThan(0);
		await settled(upload, confirmUpload(association, upload.id));
		expect(upload.error).toEqual([]);
		expect(upload.state).toBe('done');
		expect(upload.progress.fraction).toBe(1);
		expect(existsSync(upload.dir)).toBe(false);

		const after = await figuresNow();
		// Confidential units (the armed forces) only as their rounded published shares.
		const confidential = new Set(
			(await query<{ code: string }>(db, 'SELECT code FROM unit WHERE confidential')).map(
				(u) => u.code
			)
		);
		const coarse = after.units.filter((u) => confidential.has(u.code) && u.share !== null);
		expect(coarse.length).toBeGreaterThan(0);
		for (const u of coarse)
			expect(Math.abs(u.share! * 100 - Math.round(u.share! * 100))).toBeLessThan(1e-9);
		const byCode = new Map(after.units.map((u) => [u.code, u.share]));
		for (const c of effect.changes) expect(byCode.get(c.code)).toBe(c.after);
		const beforeByCode = new Map(original.units.map((u) => [u.code, u.share]));
		for (const c of effect.changes) expect(beforeByCode.get(c.code)).toBe(c.before);
		const record = (await importsNow()).at(-1)!;
		expect(record).toMatchObject({
			file: month.name,
			rowsRead: file.rowsRead,
			rowsAccepted: file.rowsAccepted,
			rowsRejected: file.rowsRejected
		});
		importId = record.id;
		expect(upload.imported).toEqual([{ file: month.name, importId, status: 'loaded' }]);
	});

	it('states what removing an import does to the figures, and removing it brings them back exactly', async () => {
		const current = await figuresNow();
		const live = await openDatabase(db, { readOnly: true });
		try {
			const removal = await previewRemoval(association, live, importId, 'vi');
			expect(removal.removed.file).toBe(month.name);
			expect(removal.effect.asOfAfter).toBe(original.asOf);
			const originalByCode = new Map(original.units.map((u) => [u.code, u.share]));
			for (const c of removal.effect.changes) expect(c.after).toBe(originalByCode.get(c.code));
			expect(await figuresNow()).toEqual(current);
			// Asked again, the same database's dry run is not run again (no pipeline to run it now).
			process.env.CDHT_PIPELINE = path.join(root, 'no-such-pipeline.ts');
			try {
				expect(await previewRemoval(association, live, importId, 'vi')).toEqual(removal);
				await expect(previewRemoval(association, live, importId, 'en')).rejects.toThrow();
			} finally {
				delete process.env.CDHT_PIPELINE;
			}
			await expect(previewRemoval(officer, live, importId, 'vi')).rejects.toMatchObject({
				status: 403
			});
			await expect(removeAs(officer, live, importId, 'vi')).rejects.toMatchObject({ status: 403 });
			expect(await removeAs(association, live, importId, 'vi')).toEqual({ ok: true });
		} finally {
			await live.close();
		}
		expect(await figuresNow()).toEqual(original);
		expect((await importsNow()).map((i) => i.id)).not.toContain(importId);
	});

	it('refuses, as a whole, a unit officer’s file with rows of other units, and deletes it', async () => {
		const upload = await createUpload(root, officer, [month], { lang: 'vi' });
		expect(upload.state).toBe('refused');
		expect(existsSync(upload.dir)).toBe(false);
		expect(upload.preview!.refusedForScope).toBe(true);
		const file = upload.preview!.files[0]!;
		if (file.status !== 'loaded') throw new Error('expected a loaded file');
		expect(file.outside.length).toBeGreaterThan(0);
		const parentOf = parentLookup(original.units);
		for (const o of file.outside) expect(inScope(officer, o.code, parentOf)).toBe(false);
		expect(file.outside.map((o) => o.unit)).toContain('Thành phố Hà Tĩnh');
		expect(file.outside.reduce((s, o) => s + o.rows, 0)).toBeLessThan(file.rowsAccepted);
		expect(confirmUpload(officer, upload.id)).toBe(false);
		expect(await figuresNow()).toEqual(original);
	});

	it('lets a unit officer import and remove a file of their own unit', async () => {
		const upload = await createUpload(root, officer, [canLocFile()], { lang: 'en' });
		expect(upload.error).toEqual([]);
		expect(upload.state).toBe('ready');
		const file = upload.preview!.files[0]!;
		if (file.status !== 'loaded') throw new Error('expected a loaded file');
		expect([file.rowsRead, file.rowsAccepted, file.rowsRejected]).toEqual([12, 11, 1]);
		expect(file.rejects[0]).toMatchObject({ row: 9, reason: 'malformed_id', column: 'Số CCCD' });
		expect(file.outside).toEqual([]);
		// Someone else cannot see or confirm it.
		expect(getUpload(association, upload.id)).toBeUndefined();
		expect(confirmUpload(association, upload.id)).toBe(false);
		await settled(upload, confirmUpload(officer, upload.id));
		expect(upload.state).toBe('done');
		const id = upload.imported[0]!.importId;
		const live = await openDatabase(db, { readOnly: true });
		try {
			expect((await previewRemoval(officer, live, id, 'en')).allowed).toBe(true);
			expect(await removeAs(officer, live, id, 'en')).toEqual({ ok: true });
		} finally {
			await live.close();
		}
		expect(await figuresNow()).toEqual(original);
	});

	it('takes the as-of date typed on the form when the file does not say it', async () => {
		const text = new TextDecoder().decode(canLocFile().data).replace(/^.*Tính đến ngày.*$/m, '');
		const undated = { name: 'danh-sach.csv', data: new TextEncoder().encode(text) };
		const refused = await createUpload(root, association, [undated], { lang: 'en' });
		expect(refused.state).toBe('refused');
		expect(refused.error).toHaveLength(1);
		expect(refused.error[0]).toContain('danh-sach.csv');
		const typed = await createUpload(root, association, [undated], {
			lang: 'en',
			asOf: '2023-12-20'
		});
		expect(typed.state).toBe('ready');
		expect(typed.preview!.files[0]).toMatchObject({ asOf: '2023-12-20', asOfSource: 'option' });
		expect(cancelUpload(association, typed.id)).toBe(true);
	});

	it('deletes the upload when it is cancelled, refused, fails, or left open too long', async () => {
		const cancelled = await createUpload(root, association, [month], { lang: 'vi' });
		expect(cancelUpload(association, cancelled.id)).toBe(true);
		expect(cancelled.state).toBe('cancelled');
		expect(existsSync(cancelled.dir)).toBe(false);
		expect(confirmUpload(association, cancelled.id)).toBe(false);

		const broken = await createUpload(
			root,
			association,
			[{ name: 'rong.csv', data: new TextEncoder().encode('') }],
			{ lang: 'vi' }
		);
		expect(broken.state).toBe('refused');
		expect(broken.error).toHaveLength(1);
		expect(broken.error[0]).toContain('rong.csv');
		expect(existsSync(broken.dir)).toBe(false);

		// The import fails: another writer holds the database (this very process, alive).
		const failing = await createUpload(root, association, [month], { lang: 'en' });
		writeFileSync(`${db}.lock`, String(process.pid));
		try {
			await settled(failing, confirmUpload(association, failing.id));
		} finally {
			rmSync(`${db}.lock`, { force: true });
		}
		expect(failing.state).toBe('failed');
		expect(failing.error.join(' ')).toMatch(/lock|another|đang/i);
		expect(existsSync(failing.dir)).toBe(false);

		const abandoned = await createUpload(root, association, [month], { lang: 'vi' });
		sweepDesk(root, Date.now() + PREVIEW_TTL_MS - 60_000);
		expect(existsSync(abandoned.dir)).toBe(true);
		sweepDesk(root, Date.now() + PREVIEW_TTL_MS + 1);
		expect(existsSync(abandoned.dir)).toBe(false);
		expect(getUpload(association, abandoned.id)).toBeUndefined();

		expect(readdirSync(root)).toEqual([]);
		expect(await figuresNow()).toEqual(original);
	});
});

describe('the upload action', () => {
	const upload = actions.upload!;
	type Event = Parameters<typeof upload>[0];
	const post = async (
		user: User | null,
		files: { name: string; data: Uint8Array<ArrayBuffer> }[]
	) => {
		const form = new FormData();
		for (const f of files) form.append('files', new File([f.data], f.name));
		form.set('lang', 'en');
		const request = new Request('http://localhost/imports/new?/upload', {
			method: 'POST',
			body: form
		});
		return upload({ locals: { user }, request, url: new URL(request.url) } as unknown as Event);
	};

	it('answers 401 to anonymous users and 403 to viewers', async () => {
		const viewer: User = { name: 'v', role: 'viewer', unitCode: null };
		await expect(post(null, [canLocFile()])).rejects.toMatchObject({ status: 401 });
		await expect(post(viewer, [canLocFile()])).rejects.toMatchObject({ status: 403 });
	});

	it('refuses an upload over the limit before saving anything', async () => {
		process.env.CDHT_UPLOAD_LIMIT_MB = '0.01';
		try {
			const before = existsSync(root) ? readdirSync(root) : [];
			const result = await post(association, [month]);
			expect(result).toMatchObject({
				status: 413,
				data: { key: 'deskTooLarge', values: { limit: '1 MB' } }
			});
			expect(existsSync(root) ? readdirSync(root) : []).toEqual(before);
		} finally {
			delete process.env.CDHT_UPLOAD_LIMIT_MB;
		}
	});

	it('sends the user to the preview of what they uploaded', async () => {
		const redirect = await post(association, [canLocFile()]).catch((e: unknown) => e);
		expect(redirect).toMatchObject({ status: 303 });
		const id = /upload=([0-9a-f]+)/.exec((redirect as { location: string }).location)![1]!;
		expect(getUpload(association, id)?.state).toBe('ready');
		expect(cancelUpload(association, id)).toBe(true);
	});
});
