/**
 * The simulated people of the demo province: who registers, when, and how their assessment ends.
 * Every attribute is drawn from a stream keyed by the person, so any snapshot regenerates the
 * same person without memory of the others.
 */
import { addDays, daysBetween, type IsoDate } from '../../src/lib/dates.ts';
import type { Unit } from '../../src/lib/units.ts';
import type { DemoConfig, MessKind } from './config.ts';
import { random, scramble, type Random } from './random.ts';

/** The groups the demo draws from (codes of pipeline/vocabulary/groups.csv). */
export type GroupKey =
	| 'civil_servant'
	| 'worker'
	| 'armed_forces'
	| 'student'
	| 'farmer'
	| 'member'
	| 'elderly'
	| 'citizen';

export interface Person {
	/** Unique per person in one generated data set (drives the ID number). */
	index: number;
	fullName: string;
	female: boolean;
	birthDate: IsoDate;
	idNumber: string;
	phone: string;
	group: GroupKey;
	/** Agency or armed-force unit, when the person works in one of the list. */
	organisationCode: string | null;
	/** What the person typed as workplace when not one of the list (may be blank). */
	workplaceText: string;
	districtCode: string;
	communeCode: string;
	registeredOn: IsoDate;
	outcome: 'recognised' | 'not_recognised' | 'pending';
	decidedOn: IsoDate;
	digitalSkills: boolean;
	/** At most one defect that makes the row invalid or suspect, fixed for the person. */
	defect: MessKind | null;
}

export interface PersonState {
	status: 'registered' | 'recognised' | 'not_recognised';
	recognisedOn: IsoDate | null;
}

/** The person's state in an export taken at `asOf` (they must have registered by then). */
export function stateAt(person: Person, asOf: IsoDate): PersonState {
	if (person.outcome === 'pending' || person.decidedOn > asOf)
		return { status: 'registered', recognisedOn: null };
	if (person.outcome === 'not_recognised') return { status: 'not_recognised', recognisedOn: null };
	return { status: 'recognised', recognisedOn: person.decidedOn };
}

const FAMILY = [
	'Nguyễn',
	'Trần',
	'Lê',
	'Phạm',
	'Hoàng',
	'Phan',
	'Võ',
	'Đặng',
	'Bùi',
	'Đỗ',
	'Hồ',
	'Ngô',
	'Dương',
	'Đinh',
	'Thái',
	'Hà'
];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Xuân', 'Đình', 'Công'];
const MIDDLE_F = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Minh'];
const GIVEN_M = [
	'An',
	'Bình',
	'Cường',
	'Dũng',
	'Hải',
	'Hùng',
	'Khánh',
	'Long',
	'Nam',
	'Phúc',
	'Quân',
	'Sơn',
	'Thắng',
	'Tuấn',
	'Việt',
	'Vinh'
];
const GIVEN_F = [
	'Anh',
	'Hà',
	'Hằng',
	'Hương',
	'Lan',
	'Linh',
	'Mai',
	'Nga',
	'Ngọc',
	'Oanh',
	'Phương',
	'Thảo',
	'Trang',
	'Tuyết',
	'Vân',
	'Yến'
];

const CITIZEN_GROUPS: (readonly [GroupKey, number])[] = [
	['farmer', 30],
	['worker', 25],
	['student', 12],
	['member', 10],
	['elderly', 10],
	['civil_servant', 8],
	['citizen', 5]
];

const DEFECTS: MessKind[] = [
	'missingId',
	'malformedId',
	'unknownDistrict',
	'ambiguousDistrict',
	'unknownStatus',
	'badDate',
	'duplicate'
];

interface Block {
	/** Stream key of the block: a commune code or an agency code. */
	key: string;
	count: number;
	offset: number;
	districtCode: string | null;
	communeCode: string | null;
	organisationCode: string | null;
	armed: boolean;
	early: boolean;
	stopsAfter: IsoDate | null;
}

/** Who exists in the generated province: blocks of people by commune, then by agency. */
export class Population {
	readonly config: DemoConfig;
	readonly #blocks: Block[] = [];
	readonly #communesByDistrict = new Map<string, string[]>();
	readonly #homeDistricts: (readonly [string, number])[] = [];
	readonly #curve: [IsoDate, number][];
	readonly total: number;

	constructor(config: DemoConfig, units: Unit[]) {
		this.config = config;
		this.#curve = [
			[config.registrationStart, 0],
			...(Object.entries(config.registrationCurve) as [IsoDate, number][]).sort((a, b) =>
				a[0] < b[0] ? -1 : 1
			)
		];
		let offset = 0;
		const add = (block: Omit<Block, 'offset'>) => {
			this.#blocks.push({ ...block, offset });
			offset += block.count;
		};
		for (const district of units.filter((u) => u.kind === 'district')) {
			const plan = config.districts[district.code];
			if (!plan) throw new Error(`demo.json has no plan for district ${district.code}`);
			this.#homeDistricts.push([
				district.code,
				(district.eligible ?? 0) * (district.code === '436' ? 6 : 1)
			]);
			const communes = units.filter((u) => u.parent === district.code && u.kind === 'commune');
			this.#communesByDistrict.set(
				district.code,
				communes.map((c) => c.code)
			);
			for (const commune of communes) {
				add({
					key: commune.code,
					count: Math.round((commune.eligible ?? 0) * plan.registered),
					districtCode: district.code,
					communeCode: commune.code,
					organisationCode: null,
					armed: false,
					early: false,
					stopsAfter: plan.stopsAfter ?? null
				});
			}
		}
		const organisations = units.filter((u) => u.kind === 'agency' || u.kind === 'armed_force');
		for (const unit of organisations) {
			const children = organisations.filter((u) => u.parent === unit.code);
			const direct = (unit.eligible ?? 0) - children.reduce((s, c) => s + (c.eligible ?? 0), 0);
			const plan = config.agencies[unit.code] ?? config.agencies.default!;
			add({
				key: unit.code,
				count: Math.round(Math.max(0, direct) * plan.registered),
				districtCode: null,
				communeCode: null,
				organisationCode: unit.code,
				armed: unit.kind === 'armed_force',
				early: plan.early ?? false,
				stopsAfter: null
			});
		}
		this.total = offset;
	}

	/** Every person, in export order (by commune, then by agency). */
	*people(): Generator<Person> {
		for (const block of this.#blocks) {
			for (let j = 0; j < block.count; j++) {
				const person = this.#person(block, j);
				if (person) yield person;
			}
		}
	}

	#person(block: Block, j: number): Person | null {
		const { config } = this;
		const r = random(config.seed, 'person', block.key, j);
		const registeredOn = this.#registrationDay(r, block.early);
		if (block.stopsAfter && registeredOn > block.stopsAfter) return null;
		const female = r.chance(block.armed ? 0.12 : 0.52);
		let group: GroupKey;
		if (block.armed) group = 'armed_forces';
		else if (block.organisationCode) group = r.chance(0.85) ? 'civil_servant' : 'worker';
		else group = r.weighted(CITIZEN_GROUPS);
		const districtCode = block.districtCode ?? r.weighted(this.#homeDistricts);
		const communeCode = block.communeCode ?? r.pick(this.#communesByDistrict.get(districtCode)!);
		const index = block.offset + j;
		const rec = config.recognition;
		const u = r.next();
		// The units the letter names as leaders got everyone through the assessment.
		const outcome =
			block.early || u < rec.recognisedShare
				? 'recognised'
				: u < rec.recognisedShare + rec.notRecognisedShare
					? 'not_recognised'
					: 'pending';
		const messy = config.messiness;
		const defectChance = DEFECTS.reduce((s, d) => s + messy[d], 0);
		const defect = r.chance(defectChance)
			? r.weighted(DEFECTS.map((d) => [d, messy[d]] as const))
			: null;
		return {
			index,
			fullName: `${r.pick(FAMILY)} ${r.pick(female ? MIDDLE_F : MIDDLE_M)} ${r.pick(female ? GIVEN_F : GIVEN_M)}`,
			female,
			birthDate: birthDate(r, group),
			idNumber: r.chance(0.03) ? '18' + scramble(index, 7) : '042' + scramble(index, 9),
			phone: r.pick(['09', '03', '08', '07']) + String(r.int(10_000_000, 99_999_999)),
			group,
			organisationCode: block.organisationCode,
			workplaceText: block.organisationCode ? '' : citizenWorkplace(r, group),
			districtCode,
			communeCode,
			registeredOn,
			outcome,
			decidedOn: addDays(registeredOn, r.int(rec.delayDaysMin, rec.delayDaysMax)),
			digitalSkills: r.chance(block.organisationCode ? 0.75 : rec.digitalSkillsShare),
			defect
		};
	}

	/** Inverse of the registration curve; early units register in half the time. */
	#registrationDay(r: Random, early: boolean): IsoDate {
		const u = r.next();
		const curve = this.#curve;
		for (let i = 1; i < curve.length; i++) {
			const [day, share] = curve[i]!;
			const [prevDay, prevShare] = curve[i - 1]!;
			if (u <= share) {
				const span = daysBetween(prevDay, day);
				const offset = Math.floor(((u - prevShare) / (share - prevShare)) * span);
				const fromStart = daysBetween(curve[0]![0], prevDay) + offset;
				return addDays(curve[0]![0], early ? Math.floor(fromStart / 2) : fromStart);
			}
		}
		return curve[curve.length - 1]![0];
	}
}

function birthDate(r: Random, group: GroupKey): IsoDate {
	const [min, max] =
		group === 'student'
			? [15, 24]
			: group === 'elderly'
				? [60, 85]
				: group === 'civil_servant' || group === 'armed_forces'
					? [22, 60]
					: [18, 70];
	const year = 2023 - r.int(min, max);
	return addDays(`${year}-01-01`, r.int(0, 364));
}

function citizenWorkplace(r: Random, group: GroupKey): string {
	if (group === 'student')
		return r.pick([
			'Trường THPT Phan Đình Phùng',
			'Trường Cao đẳng Y tế Hà Tĩnh',
			'',
			'Trường THCS'
		]);
	if (group === 'farmer' || group === 'elderly') return r.chance(0.8) ? '' : 'Tự do';
	if (group === 'civil_servant')
		return r.pick(['UBND xã', 'Trường Tiểu học', 'Trạm Y tế xã', 'Trường Mầm non']);
	return r.pick([
		'',
		'',
		'Tự do',
		'Công ty TNHH Formosa Hà Tĩnh',
		'Hợp tác xã nông nghiệp',
		'Kinh doanh tự do'
	]);
}
