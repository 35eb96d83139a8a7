/**
 * The words the matching uses besides the unit list, kept as data: administrative abbreviations,
 * the groups (đối tượng) and their synonyms, and the words meaning "no workplace". The tool ships
 * a table of each (pipeline/vocabulary/); a province extends them with files of the same name in
 * its data directory (`abbreviations.csv`, `groups.csv`, `no-workplace.csv`), CSV or XLSX.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Localised } from '../../src/lib/targets.ts';
import { ImportError, ImportErrors } from '../errors.ts';
import { readTable } from '../read/table.ts';
import { clean } from '../text.ts';

export interface Abbreviation {
	abbreviation: string;
	meaning: string;
}

export interface GroupDefinition {
	/** Stored in the database: lower-case letters, digits and "_". */
	code: string;
	name: Localised;
	synonyms: string[];
}

export interface Vocabulary {
	abbreviations: Abbreviation[];
	groups: GroupDefinition[];
	noWorkplace: string[];
}

/** Where nobody's group is stated or recognised; always present. */
export const UNKNOWN_GROUP = 'other';

const BUILT_IN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../vocabulary');
const FILES = {
	abbreviations: 'abbreviations.csv',
	groups: 'groups.csv',
	noWorkplace: 'no-workplace.csv'
} as const;

/** The shipped tables, extended by the province's files in `dataDir` when there are any. */
export async function loadVocabulary(dataDir: string | null): Promise<Vocabulary> {
	const tables = [BUILT_IN, ...(dataDir ? [dataDir] : [])];
	const vocabulary: Vocabulary = { abbreviations: [], groups: [], noWorkplace: [] };
	for (const dir of tables) {
		const file = (name: string) => {
			const full = path.join(dir, name);
			return existsSync(full) ? full : null;
		};
		const abbreviations = file(FILES.abbreviations);
		if (abbreviations) vocabulary.abbreviations.push(...(await readAbbreviations(abbreviations)));
		const groups = file(FILES.groups);
		if (groups) mergeGroups(vocabulary.groups, await readGroups(groups));
		const none = file(FILES.noWorkplace);
		if (none) vocabulary.noWorkplace.push(...(await readWords(none)));
	}
	if (!vocabulary.groups.some((g) => g.code === UNKNOWN_GROUP))
		vocabulary.groups.push({
			code: UNKNOWN_GROUP,
			name: { vi: 'Không rõ đối tượng', en: 'Group not stated' },
			synonyms: []
		});
	return vocabulary;
}

async function readAbbreviations(file: string): Promise<Abbreviation[]> {
	const table = await readTable(
		file,
		{
			abbreviation: ['abbreviation', 'Viết tắt', 'Chữ viết tắt'],
			meaning: ['meaning', 'Nghĩa', 'Viết đầy đủ', 'Tên đầy đủ']
		},
		['abbreviation', 'meaning']
	);
	const errors: ImportError[] = [];
	const out: Abbreviation[] = [];
	for (const { row, values } of table.rows) {
		const abbreviation = clean(values.abbreviation ?? '');
		const meaning = clean(values.meaning ?? '');
		const missing = !abbreviation ? 'abbreviation' : !meaning ? 'meaning' : null;
		if (missing) {
			errors.push(
				new ImportError(
					'bad_value',
					{ file: table.file, sheet: table.sheet, row, column: table.labels[missing] },
					{
						value: '',
						expected: missing === 'meaning' ? 'nghĩa / meaning' : 'chữ viết tắt / abbreviation'
					}
				)
			);
			continue;
		}
		out.push({ abbreviation, meaning });
	}
	if (errors.length > 0) throw new ImportErrors(errors);
	return out;
}

const GROUP_CODE = /^[a-z][a-z0-9_]*$/;

async function readGroups(file: string): Promise<GroupDefinition[]> {
	const table = await readTable(
		file,
		{
			code: ['code', 'Mã', 'Mã đối tượng'],
			name: ['name', 'Tên', 'Tên đối tượng', 'Đối tượng'],
			nameEn: ['name_en', 'Tên tiếng Anh', 'English'],
			synonyms: ['synonyms', 'Tên khác', 'Cách ghi khác']
		},
		['code']
	);
	const errors: ImportError[] = [];
	const out: GroupDefinition[] = [];
	for (const { row, values } of table.rows) {
		const code = clean(values.code ?? '');
		const at = { file: table.file, sheet: table.sheet, row, column: table.labels.code };
		if (!GROUP_CODE.test(code)) {
			errors.push(
				new ImportError('bad_value', at, {
					value: code,
					expected: 'mã viết thường không dấu, ví dụ ngu_dan / lower-case code such as fisher'
				})
			);
			continue;
		}
		const vi = clean(values.name ?? '');
		out.push({
			code,
			name: { vi, en: clean(values.nameEn ?? '') || vi },
			synonyms: (values.synonyms ?? '').split('|').map(clean).filter(Boolean)
		});
	}
	if (errors.length > 0) throw new ImportErrors(errors);
	return out;
}

/** A province's row for a shipped code renames it (when it gives a name) and adds synonyms. */
function mergeGroups(into: GroupDefinition[], more: GroupDefinition[]): void {
	for (const group of more) {
		const known = into.find((g) => g.code === group.code);
		if (!known) {
			into.push({
				...group,
				name: group.name.vi ? group.name : { vi: group.code, en: group.code }
			});
			continue;
		}
		if (group.name.vi) known.name = group.name;
		known.synonyms.push(...group.synonyms);
	}
}

async function readWords(file: string): Promise<string[]> {
	const table = await readTable(file, { words: ['words', 'Từ', 'Cách ghi'] }, ['words']);
	return table.rows.map((r) => clean(r.values.words ?? '')).filter(Boolean);
}
