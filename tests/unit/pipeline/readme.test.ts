/**
 * The README documents the header labels the unit list and the GSO catalogue may have: the tables
 * must say exactly what the code accepts, so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GSO_COLUMNS } from '../../../pipeline/gso.ts';
import { SYNONYMS } from '../../../pipeline/units.ts';

const README = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');

/** The rows of the first table after `heading`: column name → the labels in its last cell. */
function documentedLabels(heading: string): Record<string, string[]> {
	const start = README.indexOf(heading);
	expect(start, `README has "${heading}"`).toBeGreaterThan(-1);
	const lines = README.slice(start).split('\n');
	const first = lines.findIndex((l) => l.startsWith('|'));
	const table = lines.slice(
		first + 2,
		lines.findIndex((l, i) => i > first && !l.startsWith('|'))
	);
	return Object.fromEntries(
		table.map((line) => {
			const cells = line.split(/(?<!\\)\|/).slice(1, -1);
			const labels = [...cells.at(-1)!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
			return [/`([^`]+)`/.exec(cells[0]!)![1]!, labels];
		})
	);
}

describe('README', () => {
	it("lists the unit list's columns with exactly the header labels the code accepts", () => {
		expect(documentedLabels("#### The unit list's columns")).toEqual(SYNONYMS);
	});

	it("lists the GSO catalogue's columns with exactly the labels the code accepts", () => {
		const byColumn = Object.fromEntries(Object.values(GSO_COLUMNS).map((l) => [l[0]!, l]));
		expect(documentedLabels('The GSO catalogue is recognised by its own columns')).toEqual(
			byColumn
		);
	});
});
