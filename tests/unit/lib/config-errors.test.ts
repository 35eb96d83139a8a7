import { describe, expect, it } from 'vitest';
import { ConfigError, configText, parseJson } from '../../../src/lib/config-errors.ts';

function syntaxError(text: string): ConfigError {
	try {
		parseJson(text, 'x.json');
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return error as ConfigError;
	}
	throw new Error('parseJson accepted invalid JSON');
}

describe('parseJson', () => {
	it('parses valid JSON', () => {
		expect(parseJson('{ "a": [1, 2] }', 'x.json')).toEqual({ a: [1, 2] });
	});

	it.each([
		['{\n  "a": 1,\n}', 3, 1, 'trailingComma'],
		['[1, 2,\n  ]', 2, 3, 'trailingComma'],
		['{ "a": 1 "b": 2 }', 1, 10, 'syntax'],
		['{ "a": ', 1, 8, 'syntax']
	])('names the line and column of %j', (text, line, column, problem) => {
		const error = syntaxError(text);
		expect(error.place).toEqual({ file: 'x.json', line, column });
		expect(error.problem).toBe(problem);
	});

	it('words the problem in both languages on one line', () => {
		const error = syntaxError('{\n  "a": 1,\n}');
		expect(configText(error, 'vi')).toBe(
			'x.json, dòng 3, cột 1: dấu phẩy thừa ngay trước “}” hoặc “]”: xóa dấu phẩy đó'
		);
		expect(error.message).toBe(
			'x.json, line 3, column 1: a comma right before "}" or "]": remove it'
		);
	});
});
