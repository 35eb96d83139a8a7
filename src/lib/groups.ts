/**
 * The groups (đối tượng) a registration names. Exports spell them many ways; the pipeline stores
 * one of these keys and the interface labels them.
 */
import type { Localised } from './targets.ts';

export const GROUPS = [
	'civil_servant',
	'worker',
	'armed_forces',
	'student',
	'farmer',
	'member',
	'elderly',
	'citizen',
	'other'
] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_LABELS: Record<Group, Localised> = {
	civil_servant: { vi: 'Cán bộ, công chức, viên chức', en: 'Civil servants and public employees' },
	worker: { vi: 'Người lao động', en: 'Workers' },
	armed_forces: { vi: 'Lực lượng vũ trang', en: 'Armed forces' },
	student: { vi: 'Học sinh, sinh viên', en: 'Pupils and students' },
	farmer: { vi: 'Nông dân', en: 'Farmers' },
	member: { vi: 'Hội viên', en: 'Association members' },
	elderly: { vi: 'Người cao tuổi', en: 'Older people' },
	citizen: { vi: 'Công dân khác', en: 'Other citizens' },
	other: { vi: 'Không rõ đối tượng', en: 'Group not stated' }
};

export function isGroup(value: string): value is Group {
	return (GROUPS as readonly string[]).includes(value);
}
