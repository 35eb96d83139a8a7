/**
 * The `units` command: load or replace the province's unit list from a CSV or XLSX sheet with
 * columns code, name, kind, parent, eligible, confidential, aliases (English or Vietnamese), or
 * straight from the GSO catalogue (territory only, eligible counts empty).
 */
import path from 'node:path';
import { stripTextPrefix } from '../src/lib/csv.ts';
import { allowedParentKinds, type Unit, type UnitKind } from '../src/lib/units.ts';
import { shownPath } from '../src/lib/server/config.ts';
import { listUnits, replaceUnits, unitCodesInUse } from '../src/lib/server/units.ts';
import { namedDistricts, provinceFeatures, readBoundaries } from './boundaries.ts';
import { ImportError, ImportErrors } from './errors.ts';
import { chooseProvince, GSO_COLUMNS, gsoCode, GSO_REQUIRED, territoryUnits } from './gso.ts';
import { matchingContext } from './names/context.ts';
import { settle, type Settled } from './names/rematch.ts';
import { readTable, type TableRow } from './read/table.ts';
import { clean, fold } from './text.ts';
import { withWorkingCopy } from './workspace.ts';

type UnitField = 'code' | 'name' | 'kind' | 'parent' | 'eligible' | 'confidential' | 'aliases';

/** The header labels each column may have (case, diacritics and punctuation aside). */
export const SYNONYMS: Record<UnitField, string[]> = {
	code: ['code', 'Mã', 'Mã đơn vị', 'Mã ĐV'],
	name: ['name', 'Tên', 'Tên đơn vị'],
	kind: ['kind', 'Loại', 'Loại đơn vị', 'Cấp'],
	parent: ['parent', 'Cấp trên', 'Mã cấp trên', 'Đơn vị cấp trên', 'Trực thuộc'],
	eligible: ['eligible', 'Số đối tượng', 'Số người', 'Biên chế', 'Tổng số'],
	confidential: ['confidential', 'Bảo mật', 'Mật'],
	aliases: ['aliases', 'Tên khác', 'Tên gọi khác']
};

const KIND_WORDS: Record<string, UnitKind> = {
	province: 'province',
	tinh: 'province',
	'thanh pho truc thuoc trung uong': 'province',
	district: 'district',
	huyen: 'district',
	'cap huyen': 'district',
	commune: 'commune',
	xa: 'commune',
	'cap xa': 'commune',
	agency: 'agency',
	'co quan': 'agency',
	'so ban nganh': 'agency',
	'so ban nganh doan the': 'agency',
	armed_force: 'armed_force',
	'armed force': 'armed_force',
	'luc luong vu trang': 'armed_force',
	llvt: 'armed_force'
};

const KIND_HINT =
	'province (tỉnh), district (huyện), commune (xã), agency (cơ quan), armed_force (lực lượng vũ trang)';

const YES = new Set(['true', 'co', 'x', '1', 'yes', 'mat']);
const NO = new Set(['false', 'khong', '0', 'no', '']);

export function parseUnits(
	file: string,
	rows: TableRow<UnitField>[],
	labels: Partial<Record<UnitField, string>>,
	sheet: string | null
): Unit[] {
	const errors: ImportError[] = [];
	const at = (row: number, field: UnitField) => ({
		file,
		sheet,
		row,
		column: labels[field] ?? field
	});
	const units: Unit[] = [];
	const firstRow = new Map<string, number>();
	for (const { row, values } of rows) {
		// A list written by `names export` carries the `'` text prefix on formula-like names.
		const code = values.code && clean(stripTextPrefix(values.code));
		const name = values.name && clean(stripTextPrefix(values.name));
		if (!code) {
			errors.push(
				new ImportError('bad_value', at(row, 'code'), {
					value: '',
					expected: 'mã đơn vị / unit code'
				})
			);
			continue;
		}
		if (firstRow.has(code)) {
			errors.push(
				new ImportError('duplicate_code', at(row, 'code'), {
					value: code,
					first: firstRow.get(code)!
				})
			);
			continue;
		}
		firstRow.set(code, row);
		const kind = KIND_WORDS[fold(values.kind ?? '')];
		if (!kind)
			errors.push(
				new ImportError('bad_value', at(row, 'kind'), {
					value: values.kind ?? '',
					expected: KIND_HINT
				})
			);
		if (!name)
			errors.push(
				new ImportError('bad_value', at(row, 'name'), {
					value: '',
					expected: 'tên đơn vị / unit name'
				})
			);
		let eligible: number | null = null;
		if (values.eligible !== undefined) {
			const n = Number(values.eligible.replace(/[.\s]/g, ''));
			if (Number.isInteger(n) && n >= 0) eligible = n;
			else
				errors.push(
					new ImportError('bad_value', at(row, 'eligible'), {
						value: values.eligible,
						expected: 'số nguyên ≥ 0 / a whole number ≥ 0'
					})
				);
		}
		const flag = fold(values.confidential ?? '');
		if (!YES.has(flag) && !NO.has(flag)) {
			errors.push(
				new ImportError('bad_value', at(row, 'confidential'), {
					value: values.confidential ?? '',
					expected: 'true/false, có/không'
				})
			);
		}
		if (!kind) continue;
		units.push({
			code,
			name: name ?? code,
			kind,
			parent: (values.parent && stripTextPrefix(values.parent)) || null,
			eligible,
			confidential: YES.has(flag),
			aliases: (values.aliases ?? '')
				.split('|')
				.map((a) => clean(stripTextPrefix(a)))
				.filter(Boolean)
		});
	}
	const byCode = new Map(units.map((u) => [u.code, u]));
	for (const unit of units) {
		const row = firstRow.get(unit.code)!;
		if (unit.parent === null) {
			if (unit.kind !== 'province')
				errors.push(
					new ImportError('bad_parent', at(row, 'parent'), {
						value: '',
						reason: 'missing',
						kind: unit.kind
					})
				);
			continue;
		}
		const parent = byCode.get(unit.parent);
		if (!parent)
			errors.push(
				new ImportError('bad_parent', at(row, 'parent'), {
					value: unit.parent,
					reason: 'missing',
					kind: unit.kind
				})
			);
		else if (!allowedParentKinds(unit.kind).includes(parent.kind)) {
			errors.push(
				new ImportError('bad_parent', at(row, 'parent'), {
					value: unit.parent,
					reason: 'kind',
					kind: unit.kind
				})
			);
		}
	}
	const provinces = units.filter((u) => u.kind === 'province').length;
	if (provinces !== 1)
		errors.push(new ImportError('one_province', { file, sheet }, { count: provinces }));
	if (errors.length > 0) throw new ImportErrors(errors.slice(0, 50));
	return units;
}

export interface UnitsOutcome {
	units: number;
	byKind: Record<string, number>;
	replaced: number;
	/** Every stored import matched again against the new list: what moved. */
	settled: Settled;
}

export interface UnitListOptions {
	/** GSO province code: picks the province of a national catalogue, checks a unit list's. */
	province?: string;
	/** District boundaries: adds a catalogue's districts that have no commune. */
	boundaries?: string;
}

/** The unit list of a file: the tool's own layout, else the GSO catalogue's. */
export async function readUnitList(file: string, options: UnitListOptions = {}): Promise<Unit[]> {
	const name = path.basename(file);
	try {
		const table = await readTable(file, SYNONYMS, ['code', 'name', 'kind']);
		const units = parseUnits(name, table.rows, table.labels, table.sheet);
		const province = units.find((u) => u.kind === 'province')!;
		if (options.province !== undefined && gsoCode(options.province, 2) !== province.code)
			throw new ImportError(
				'list_province',
				{ file: name },
				{ list: `${province.name} (${province.code})`, code: options.province }
			);
		return units;
	} catch (error) {
		if (!(error instanceof ImportError && error.key === 'no_header')) throw error;
	}
	let table;
	try {
		table = await readTable(file, GSO_COLUMNS, GSO_REQUIRED);
	} catch (error) {
		if (!(error instanceof ImportError && error.key === 'no_header')) throw error;
		throw new ImportError('no_unit_header', error.place);
	}
	const province = chooseProvince(table.rows, options.province, name);
	const extra = options.boundaries
		? namedDistricts(
				provinceFeatures(await readBoundaries(options.boundaries), province.code, new Set()),
				province.code
			)
		: [];
	return territoryUnits(table.rows, province, extra);
}

export async function loadUnits(
	dbPath: string,
	file: string,
	options: { dryRun?: boolean; dataDir?: string | null } & UnitListOptions = {}
): Promise<UnitsOutcome> {
	const units = await readUnitList(file, options);
	return withWorkingCopy(
		dbPath,
		async (db) => {
			const previous = await listUnits(db.kysely);
			const codes = new Set(units.map((u) => u.code));
			const dropped = [...(await unitCodesInUse(db.kysely))].filter((c) => !codes.has(c));
			const [held, list] = [previous, units].map((l) => l.find((u) => u.kind === 'province'));
			if (dropped.length > 0 && held && held.code !== list!.code) {
				// Not a revised list but another province's: keeping units would not help.
				throw new ImportError(
					'other_province_units',
					{ file: path.basename(file) },
					{
						list: `${list!.name} (${list!.code})`,
						held: `${held.name} (${held.code})`,
						code: list!.code,
						db: shownPath(dbPath)
					}
				);
			}
			if (dropped.length > 0) {
				throw new ImportError(
					'units_in_use',
					{ file: path.basename(file) },
					{ count: dropped.length, codes: dropped.slice(0, 10).join(', ') }
				);
			}
			await replaceUnits(db.kysely, units);
			const connection = await db.connect();
			let settled: Settled;
			try {
				// New names and aliases re-match every stored import; the figures follow.
				const matching = await matchingContext(db, options.dataDir ?? null);
				settled = await settle(db, connection, matching, { rowsChanged: true });
			} finally {
				connection.closeSync();
			}
			const byKind: Record<string, number> = {};
			for (const u of units) byKind[u.kind] = (byKind[u.kind] ?? 0) + 1;
			return { units: units.length, byKind, replaced: previous.length, settled };
		},
		options
	);
}
