/**
 * The GSO administrative-unit catalogue (Danh mục đơn vị hành chính): one row per commune with its
 * district and province, national or one province. Turned into the territory part of a unit list:
 * the province, its districts and their communes, eligible counts left to fill in.
 *
 * A district with no communes (island districts: Lý Sơn, Cồn Cỏ, Bạch Long Vĩ…) has no row in
 * the catalogue, or one with the commune columns empty: the boundary file names it, so districts
 * are taken from both.
 */
import type { Unit } from '../src/lib/units.ts';
import { ImportError } from './errors.ts';
import type { TableRow } from './read/table.ts';
import { clean } from './text.ts';

export type GsoField =
	'provinceCode' | 'provinceName' | 'districtCode' | 'districtName' | 'communeCode' | 'communeName';

/** The catalogue's columns: as collected in daohoangson/dvhcvn, and as the GSO site names them. */
export const GSO_COLUMNS: Record<GsoField, string[]> = {
	provinceCode: ['province_code', 'Mã TP', 'Mã tỉnh'],
	provinceName: ['province_name', 'Tỉnh Thành Phố', 'Tỉnh / Thành phố', 'Tên tỉnh'],
	districtCode: ['district_code', 'Mã QH', 'Mã huyện'],
	districtName: ['district_name', 'Quận Huyện', 'Quận / Huyện', 'Tên huyện'],
	communeCode: ['commune_code', 'Mã PX', 'Mã xã'],
	communeName: ['commune_name', 'Phường Xã', 'Phường / Xã', 'Tên xã']
};

export const GSO_REQUIRED: GsoField[] = [
	'provinceCode',
	'provinceName',
	'districtCode',
	'districtName'
];

/** A district as the boundary file names it. */
export interface NamedDistrict {
	code: string;
	name: string;
	provinceCode: string;
}

/** GSO codes are text of fixed width (tỉnh 2, huyện 3, xã 5 digits); a spreadsheet drops zeros. */
export function gsoCode(value: string, width: number): string {
	const code = clean(value);
	return /^\d+$/.test(code) ? code.padStart(width, '0') : code;
}

export interface Province {
	code: string;
	name: string;
}

/**
 * The province the catalogue is about: the one asked for, or its only one. A national catalogue
 * without --province is refused rather than guessed.
 */
export function chooseProvince(
	rows: TableRow<GsoField>[],
	wanted: string | undefined,
	file: string
): Province {
	const provinces = new Map<string, string>();
	for (const { values } of rows) {
		if (!values.provinceCode) continue;
		const code = gsoCode(values.provinceCode, 2);
		if (!provinces.has(code)) provinces.set(code, clean(values.provinceName ?? code));
	}
	const examples = [...provinces]
		.slice(0, 3)
		.map(([code, name]) => `${code} ${name}`)
		.join(', ');
	if (wanted === undefined) {
		const [only, ...others] = [...provinces];
		if (only && others.length === 0) return { code: only[0], name: only[1] };
		throw new ImportError('several_provinces', { file }, { count: provinces.size, examples });
	}
	const code = gsoCode(wanted, 2);
	const name = provinces.get(code);
	if (name === undefined) throw new ImportError('no_such_province', { file }, { code, examples });
	return { code, name };
}

/** The province, its districts (catalogue and boundary file) and communes, in code order. */
export function territoryUnits(
	rows: TableRow<GsoField>[],
	province: Province,
	boundaryDistricts: NamedDistrict[]
): Unit[] {
	const unit = (code: string, name: string, kind: Unit['kind'], parent: string | null): Unit => ({
		code,
		name,
		kind,
		parent,
		eligible: null,
		confidential: false,
		aliases: []
	});
	const districts = new Map<string, Unit>();
	const communes = new Map<string, Unit>();
	for (const { values } of rows) {
		if (!values.provinceCode || gsoCode(values.provinceCode, 2) !== province.code) continue;
		if (!values.districtCode) continue;
		const district = gsoCode(values.districtCode, 3);
		if (!districts.has(district))
			districts.set(
				district,
				unit(district, clean(values.districtName ?? district), 'district', province.code)
			);
		if (values.communeCode) {
			const code = gsoCode(values.communeCode, 5);
			communes.set(code, unit(code, clean(values.communeName ?? code), 'commune', district));
		}
	}
	for (const d of boundaryDistricts) {
		if (d.provinceCode === province.code && !districts.has(d.code))
			districts.set(d.code, unit(d.code, clean(d.name), 'district', province.code));
	}
	const byCode = (a: Unit, b: Unit) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
	const units = [unit(province.code, province.name, 'province', null)];
	for (const district of [...districts.values()].sort(byCode)) {
		units.push(district);
		units.push(...[...communes.values()].filter((c) => c.parent === district.code).sort(byCode));
	}
	return units;
}
