/**
 * /data/progress.arrow and /data/progress.csv on a simulated province: read back with
 * apache-arrow and with DuckDB's CSV reader, they carry the figures the pages show for the same
 * day and preset, and confidential units carry rounded shares only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLiveDatabases, liveDatabase, type Db } from '../../../src/lib/server/db.ts';
import { snapshotDates } from '../../../src/lib/server/imports.ts';
import { districtsData } from '../../../src/lib/server/pages/districts.ts';
import { laggardsData } from '../../../src/lib/server/pages/laggards.ts';
import { organisationsData } from '../../../src/lib/server/pages/organisations.ts';
import type { UnitRow } from '../../../src/lib/rows.ts';
import type { View } from '../../../src/lib/view.ts';
import { realPreset } from '../../unit/lib/fixtures.ts';
import {
	arrowRows,
	csvRows,
	getProgress,
	serveDatabase,
	type DataRow
} from '../../support/data-endpoints.ts';
import { buildProvince } from '../../support/province.ts';

let db: Db;
let snapshots: string[];

beforeAll(async () => {
	// At this size one armed-force unit (20 people) has shares published, the others withheld.
	const province = await buildProvince(3000);
	db = (await liveDatabase(province.db))!;
	snapshots = await snapshotDates(db.kysely);
	serveDatabase(province.db);
}, 600_000);

afterAll(() => closeLiveDatabases());

/** Every unit row the pages publish for a view: districts, agencies, armed forces, laggards. */
async function pageRows(view: View): Promise<UnitRow[]> {
	const preset = realPreset(view.preset as Parameters<typeof realPreset>[0]);
	return [
		...(await districtsData(db, preset, view)).districts,
		...(await organisationsData(db, preset, view, 'agency')).units,
		...(await organisationsData(db, preset, view, 'armed_force')).units,
		...(await laggardsData(db, preset, view))
	];
}

/** A page row in the download's columns. */
const asData = (r: UnitRow): DataRow => ({
	code: r.code,
	name: r.name,
	kind: r.kind,
	confidential: r.confidential,
	eligible: r.eligible,
	registered: r.registered,
	recognised: r.recognised,
	share: r.share,
	registered_share: r.registeredShare,
	recognised_share: r.recognisedShare,
	digital_share: r.digitalShare,
	target: r.threshold,
	expected: r.expected,
	projected: r.projected,
	pace_class: r.paceClass,
	severity: r.severity,
	trainings: r.activity?.trainings ?? null,
	trained_people: r.activity?.trainedPeople ?? null
});

const pick = (row: DataRow, keys: string[]) =>
	Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));

function expectSameAsPages(data: DataRow[], pages: UnitRow[]) {
	const byCode = new Map(data.map((r) => [r.code, r]));
	expect(pages.length).toBeGreaterThan(0);
	for (const page of pages) {
		const want = asData(page);
		const got = byCode.get(page.code);
		expect(got, page.code).toBeDefined();
		expect(pick(got!, Object.keys(want)), page.code).toEqual(want);
		expect(got!.flags ?? '').toBe(page.flags.map((f) => f.kind).join(';'));
	}
}

describe('/data/progress.arrow', () => {
	it('is an Arrow IPC file with its content type and a file name', async () => {
		const asOf = snapshots.at(-1)!;
		const response = await getProgress('arrow', { asOf, preset: 'ha-tinh-2023' });
		expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.file');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="progress-${asOf}-ha-tinh-2023.arrow"`
		);
		const bytes = new Uint8Array(await response.clone().arrayBuffer());
		// The IPC file format starts and ends with its magic.
		expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe('ARROW1');
		expect(new TextDecoder().decode(bytes.slice(-6))).toBe('ARROW1');
	});

	it.each([
		['the latest day', () => snapshots.at(-1)!, 'ha-tinh-2023'],
		['an earlier day', () => snapshots[0]!, 'ha-tinh-2023'],
		['another preset', () => snapshots.at(-1)!, 'cu-chi-2023']
	])('carries what the pages show on %s', async (_, day, preset) => {
		const view: View = { asOf: day(), preset, lang: 'vi' };
		const rows = await arrowRows(await getProgress('arrow', { asOf: view.asOf, preset }));
		expectSameAsPages(rows, await pageRows(view));
		expect(new Set(rows.map((r) => r.preset))).toEqual(new Set([preset]));
	});

	it('types its columns for an analyst: counts as integers, shares as doubles, days as dates', async () => {
		const { tableFromIPC } = await import('apache-arrow');
		const response = await getProgress('arrow');
		const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
		const type = (name: string) => String(table.schema.fields.find((f) => f.name === name)?.type);
		expect(type('eligible')).toBe('Int32');
		expect(type('share')).toBe('Float64');
		expect(type('as_of')).toBe('Date32<DAY>');
		expect(type('confidential')).toBe('Bool');
		expect(type('name')).toBe('Utf8');
	});

	it('gives confidential units shares only: no count, no training headcount', async () => {
		const rows = await arrowRows(await getProgress('arrow'));
		const secret = rows.filter((r) => r.confidential === true);
		expect(secret.length).toBeGreaterThan(0);
		expect(secret.some((r) => r.registered_share !== null)).toBe(true);
		expect(secret.some((r) => r.pace_class === 'withheld')).toBe(true);
		for (const r of secret) {
			expect(
				pick(r, ['eligible', 'registered', 'recognised', 'trainings', 'trained_people'])
			).toEqual({
				eligible: null,
				registered: null,
				recognised: null,
				trainings: null,
				trained_people: null
			});
			for (const s of [r.share, r.registered_share, r.recognised_share, r.projected]) {
				if (s !== null)
					expect(Math.abs((s as number) * 100 - Math.round((s as number) * 100))).toBeLessThan(
						1e-9
					);
			}
		}
	});
});

describe('/data/progress.csv', () => {
	it('is UTF-8 CSV with a BOM and a file name', async () => {
		const asOf = snapshots.at(-1)!;
		const response = await getProgress('csv', { asOf });
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="progress-${asOf}-ha-tinh-2023.csv"`
		);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.subarray(3).toString('utf8');
		expect(text.slice(0, text.indexOf('\r\n'))).toMatch(/^as_of,preset,code,name,kind,parent,/);
	});

	it.each([
		['the latest day', () => snapshots.at(-1)!, 'ha-tinh-2023'],
		['an earlier day', () => snapshots[0]!, 'cu-chi-2023']
	])('read back by DuckDB, carries what the pages show on %s', async (_, day, preset) => {
		const view: View = { asOf: day(), preset, lang: 'vi' };
		const rows = await csvRows(await getProgress('csv', { asOf: view.asOf, preset }));
		expectSameAsPages(rows, await pageRows(view));
	});

	it('has no count of a confidential unit', async () => {
		const rows = await csvRows(await getProgress('csv'));
		const secret = rows.filter((r) => r.confidential === true);
		expect(secret.length).toBeGreaterThan(0);
		for (const r of secret)
			expect([r.eligible, r.registered, r.recognised]).toEqual([null, null, null]);
	});
});

it('answers 404 for another format', async () => {
	await expect(getProgress('json')).rejects.toMatchObject({ status: 404 });
});
