/**
 * How people and software write the same thing differently: unit names with and without
 * diacritics or prefixes, status words of different software versions, date forms.
 */
import type { IsoDate } from '../../src/lib/dates.ts';
import { stripDiacritics } from '../text.ts';
import type { GroupKey, PersonState } from './people.ts';
import type { Random } from './random.ts';

const PREFIX_ABBREVIATIONS: Record<string, string[]> = {
	Huyện: ['H.', 'H. ', 'huyện'],
	'Thị xã': ['TX.', 'TX ', 'Tx.', 'thị xã'],
	'Thành phố': ['TP.', 'TP ', 'Tp.', 'thành phố'],
	Xã: ['X.', 'xã'],
	Phường: ['P.', 'phường'],
	'Thị trấn': ['TT.', 'TT ', 'thị trấn']
};

/** "Huyện Can Lộc" → ["Huyện", "Can Lộc"]. */
export function splitPrefix(name: string): [string, string] {
	for (const prefix of Object.keys(PREFIX_ABBREVIATIONS)) {
		if (name.startsWith(prefix + ' ')) return [prefix, name.slice(prefix.length + 1)];
	}
	return ['', name];
}

/**
 * A spelling of a unit name as typed in an export. `keepPrefix` is set where dropping the prefix
 * makes the name ambiguous (Kỳ Anh is a district and a town).
 */
export function spellUnit(r: Random, name: string, keepPrefix: boolean): string {
	const [prefix, bare] = splitPrefix(name);
	const abbreviations = PREFIX_ABBREVIATIONS[prefix] ?? [];
	switch (r.int(0, 7)) {
		case 0:
			return keepPrefix || !prefix ? name : bare;
		case 1: {
			const abbr = r.pick(abbreviations.length ? abbreviations : [prefix]);
			// "H. Can Lộc", and sometimes "H.Can Lộc" as typed in a hurry
			const glued = abbr.endsWith(' ') || (abbr.endsWith('.') && r.chance(0.5));
			return `${abbr}${glued ? '' : ' '}${bare}`.trim();
		}
		case 2:
			return name.toLowerCase();
		case 3:
			return name.toUpperCase();
		case 4:
			return stripDiacritics(name);
		case 5:
			return name.normalize('NFD');
		case 6:
			return ` ${name.replace(' ', '  ')} `;
		default:
			return stripDiacritics(name).toLowerCase();
	}
}

export interface StatusWords {
	recognised: string[];
	registered: string[];
	notRecognised: string[];
}

/** Status vocabularies of successive versions of the programme's software. */
export const STATUS_WORDS: StatusWords[] = [
	{ recognised: ['Đạt'], registered: ['Đã đăng ký'], notRecognised: ['Không đạt'] },
	{
		recognised: ['Đã công nhận'],
		registered: ['Chờ xét duyệt', 'Đang tự đánh giá'],
		notRecognised: ['Không đạt']
	},
	{
		recognised: ['Đạt danh hiệu'],
		registered: ['Đã đăng ký', 'Đang tự đánh giá'],
		notRecognised: ['Không đạt']
	}
];

export function statusWord(r: Random, words: StatusWords, state: PersonState): string {
	if (state.status === 'recognised') return r.pick(words.recognised);
	if (state.status === 'not_recognised') return r.pick(words.notRecognised);
	return r.pick(words.registered);
}

const GROUP_WORDS: Record<GroupKey, string[]> = {
	civil_servant: [
		'Cán bộ, công chức, viên chức',
		'Cán bộ, công chức, viên chức',
		'CBCCVC',
		'Cán bộ công chức viên chức'
	],
	worker: ['Người lao động'],
	armed_forces: ['Lực lượng vũ trang', 'LLVT'],
	student: ['Học sinh, sinh viên', 'HSSV'],
	farmer: ['Nông dân'],
	member: ['Hội viên'],
	elderly: ['Người cao tuổi'],
	citizen: ['Công dân', 'Người dân']
};

export function groupWord(r: Random, group: GroupKey): string {
	return r.pick(GROUP_WORDS[group]);
}

export function digitalWord(r: Random, skills: boolean): string {
	return skills ? r.pick(['Có', 'Có', 'x', 'Có kỹ năng số']) : r.pick(['Không', '']);
}

export type DateForm = 'excel' | 'dmy' | 'dmyShort' | 'iso' | 'mixed';

/** A date as text in one of the forms offices use; never month-first. */
export function dateText(r: Random, day: IsoDate, form: Exclude<DateForm, 'excel'>): string {
	const [y, m, d] = day.split('-');
	const chosen = form === 'mixed' ? r.pick(['dmy', 'dmyShort', 'iso'] as const) : form;
	if (chosen === 'iso') return day;
	if (chosen === 'dmyShort') return `${Number(d)}/${Number(m)}/${y!.slice(2)}`;
	return `${d}/${m}/${y}`;
}

/** A date no calendar has, or no date at all. */
export function badDateText(r: Random): string {
	return r.pick(['31/02/2023', '2023-13-05', 'chưa rõ', '00/00/0000']);
}
