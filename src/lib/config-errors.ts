/**
 * A problem in a hand-edited JSON file (config.json, a target preset): the file, where in it (a
 * JSON path, or a line and column for a syntax error), the value found and what is expected.
 * Worded here in both languages because the dashboard logs it as well as the command line.
 */
import type { Lang } from './format.ts';

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const PROBLEMS = {
	object: { vi: () => 'cần một nhóm { … }', en: () => 'expected an object { … }' },
	list: { vi: () => 'cần một danh sách [ … ]', en: () => 'expected a list [ … ]' },
	text: { vi: () => 'cần một đoạn chữ, không để trống', en: () => 'expected a non-empty text' },
	textOrNull: {
		vi: () => 'cần một đoạn chữ (đường dẫn tệp) hoặc null',
		en: () => 'expected a text (a file path) or null'
	},
	boolean: { vi: () => 'cần true hoặc false', en: () => 'expected true or false' },
	share: { vi: () => 'cần tỉ lệ từ 0 đến 1', en: () => 'expected a share between 0 and 1' },
	percent: {
		vi: (p) => `tỉ lệ viết dạng số thập phân, ${p.percent}% viết là ${p.share}`,
		en: (p) => `a share is written as a decimal: ${p.percent}% is ${p.share}`
	},
	date: {
		vi: () => 'cần ngày dạng YYYY-MM-DD, ví dụ 2023-12-31',
		en: () => 'expected a date YYYY-MM-DD, e.g. 2023-12-31'
	},
	positive: { vi: () => 'cần số nguyên lớn hơn 0', en: () => 'expected a whole number above 0' },
	presetId: {
		vi: () =>
			'mã bộ chỉ tiêu cũng là tên tệp: chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 80 ký tự), ví dụ ha-tinh-2023',
		en: () =>
			'a preset id is also its file name: letters without marks, digits, dots, dashes and underscores (80 at most), e.g. ha-tinh-2023'
	},
	duplicateId: {
		vi: (p) => `mã chỉ tiêu “${p.id}” đã dùng cho chỉ tiêu khác`,
		en: (p) => `duplicate target id "${p.id}"`
	},
	unknownKind: {
		vi: (p) => `không có loại đơn vị này; dùng một trong: ${p.kinds}`,
		en: (p) => `unknown kind; one of ${p.kinds}`
	},
	unknownMetric: {
		vi: (p) => `không có thước đo này; dùng một trong: ${p.metrics}`,
		en: (p) => `unknown metric; one of ${p.metrics}`
	},
	afterStart: {
		vi: () => 'hạn phải sau ngày bắt đầu (start)',
		en: () => 'must be after the start'
	},
	between: {
		vi: () => 'phải nằm giữa ngày bắt đầu (start) và hạn (deadline)',
		en: () => 'must lie between the start and the deadline'
	},
	trailingComma: {
		vi: () => 'dấu phẩy thừa ngay trước “}” hoặc “]”: xóa dấu phẩy đó',
		en: () => 'a comma right before "}" or "]": remove it'
	},
	syntax: {
		vi: (p) => `không đọc được JSON (${p.detail})`,
		en: (p) => `not valid JSON (${p.detail})`
	}
} satisfies Record<string, Record<Lang, Text>>;

export type ConfigProblem = keyof typeof PROBLEMS;

export interface ConfigPlace {
	/** The file as shown to the user. */
	file: string;
	/** JSON path of the field, e.g. "$.targets[2].threshold". */
	path?: string;
	/** 1-based, for syntax errors. */
	line?: number;
	column?: number;
}

export class ConfigError extends Error {
	readonly place: ConfigPlace;
	readonly problem: ConfigProblem;
	readonly params: Params;
	/** The value found, as written in JSON; undefined when the field is missing. */
	readonly value: string | undefined;

	constructor(place: ConfigPlace, problem: ConfigProblem, value?: unknown, params: Params = {}) {
		const shown = value === undefined ? undefined : shortJson(value);
		super(configText({ place, problem, params, value: shown }, 'en'));
		this.name = 'ConfigError';
		this.place = place;
		this.problem = problem;
		this.params = params;
		this.value = shown;
	}
}

const WORDS = {
	vi: { line: 'dòng', column: 'cột', missing: 'chưa có' },
	en: { line: 'line', column: 'column', missing: 'missing' }
} satisfies Record<Lang, Record<string, string>>;

/** One line: "targets/x.json: $.targets[2].threshold = 40: tỉ lệ viết dạng số thập phân, …". */
export function configText(
	error: Pick<ConfigError, 'place' | 'problem' | 'params' | 'value'>,
	lang: Lang
): string {
	const { place } = error;
	const words = WORDS[lang];
	let where = place.file;
	if (place.line !== undefined)
		where += `, ${words.line} ${place.line}, ${words.column} ${place.column}`;
	if (place.path !== undefined)
		where += `: ${place.path} ${error.value === undefined ? `(${words.missing})` : `= ${error.value}`}`;
	return `${where}: ${problemText(error, lang)}`;
}

/** What is wrong, without where: shown next to the field of a form. */
export function problemText(error: Pick<ConfigError, 'problem' | 'params'>, lang: Lang): string {
	return PROBLEMS[error.problem][lang](error.params);
}

function shortJson(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * JSON.parse with a ConfigError naming the line and column instead of a bare SyntaxError; a
 * comma before "}" or "]" (the most common slip when editing by hand) is named as such.
 */
export function parseJson(text: string, file: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const detail = (error as Error).message;
		const at = /position (\d+)/.exec(detail);
		// V8 gives no position for some errors ("Unexpected token ']'"): look for the usual one.
		const offset = at ? Number(at[1]) : (trailingCommaAt(text) ?? text.length);
		const before = text.slice(0, offset);
		const line = before.split('\n').length;
		const column = offset - before.lastIndexOf('\n');
		const trailing = /[}\]]/.test(text[offset] ?? '') && /,\s*$/.test(before);
		throw new ConfigError(
			{ file, line, column },
			trailing ? 'trailingComma' : 'syntax',
			undefined,
			{ detail: detail.replace(/\s*in JSON at position.*$/, '') }
		);
	}
}

/** Where a "}" or "]" follows a comma (outside strings), or null. */
function trailingCommaAt(text: string): number | null {
	let inString = false;
	let afterComma = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		if ((c === '}' || c === ']') && afterComma) return i;
		if (!/\s/.test(c)) afterComma = c === ',';
	}
	return null;
}
