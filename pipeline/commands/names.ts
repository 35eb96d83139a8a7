/**
 * `names`: the names no unit or group answers to, across every import, most rows first, with
 * suggestions; `names accept|ignore|undo` record a reviewer's decision and re-match everything;
 * `names export` writes the unit list with the accepted names as aliases; `names rematch` matches
 * every import again (after editing a vocabulary file).
 */
import { maskPersonal } from '../privacy.ts';
import { writeFile } from 'node:fs/promises';
import { formatNumber, type Lang } from '../../src/lib/format.ts';
import type { NameField, OpenName } from '../../src/lib/names.ts';
import { listDecisions, getSetting, listOpenNames } from '../../src/lib/server/names.ts';
import type { CliOptions } from '../cli.ts';
import { unitsCsv } from '../demo/units.ts';
import { ImportError, UsageError } from '../errors.ts';
import { say, type SayKey } from '../messages.ts';
import { FINGERPRINT_SETTING, matchingContext } from '../names/context.ts';
import { settle } from '../names/rematch.ts';
import {
	acceptName,
	ignoreName,
	undoName,
	unitsWithDecisions,
	type Reviewed
} from '../names/review.ts';
import { withWorkingCopy } from '../workspace.ts';
import type { Output } from '../tty.ts';
import { printMoves, printOpenNames } from './moves.ts';
import { openForReading } from './open.ts';

const FIELD: Record<NameField, SayKey> = {
	district: 'fieldDistrict',
	commune: 'fieldCommune',
	workplace: 'fieldWorkplace',
	group: 'fieldGroup'
};

export const NAMES_USAGE =
	'names [--json] | names accept "<name>" <code> | names ignore "<name>" | names undo "<name>" | names export --out FILE | names rematch';

export async function runNames(options: CliOptions, out: Output): Promise<number> {
	const [action = 'list', ...rest] = options.args;
	const review = { db: options.db, dataDir: options.dataDir, dryRun: options.dryRun };
	const need = (n: number) => {
		if (rest.length !== n) throw new UsageError(`names ${action}: ${NAMES_USAGE}`);
	};
	switch (action) {
		case 'list':
			need(0);
			return listNames(options, out);
		case 'accept':
			need(2);
			return printReviewed(await acceptName(review, rest[0]!, rest[1]!), options, out);
		case 'ignore':
			need(1);
			return printReviewed(await ignoreName(review, rest[0]!), options, out);
		case 'undo':
			need(1);
			return printReviewed(await undoName(review, rest[0]!), options, out);
		case 'export':
			need(0);
			return exportNames(options, out);
		case 'rematch':
			need(0);
			return rematchAll(options, out);
		default:
			throw new UsageError(`unknown names action "${action}": ${NAMES_USAGE}`);
	}
}

async function listNames(options: CliOptions, out: Output): Promise<number> {
	const { lang } = options;
	const db = await openForReading(options.db);
	try {
		const open = await listOpenNames(db.kysely);
		if (options.json) {
			out.line(JSON.stringify({ names: open }, null, 2));
			return 0;
		}
		const stored = await getSetting(db.kysely, FINGERPRINT_SETTING);
		const current = await matchingContext(db, options.dataDir);
		if (stored !== null && stored !== current.fingerprint)
			out.line(out.colour.yellow(say('staleMatches', lang)));
		if (open.length === 0) {
			out.line(say('noOpenNames', lang));
			return 0;
		}
		const rows = open.reduce((s, n) => s + n.rows, 0);
		out.line(
			out.colour.bold(
				say('openNamesTitle', lang, {
					names: formatNumber(open.length, lang),
					rows: formatNumber(rows, lang)
				})
			)
		);
		const width = Math.max(...open.map((n) => say(FIELD[n.field], lang).length));
		for (const name of open) out.line(`  ${openNameLine(name, lang, width)}`);
		out.line(out.colour.dim(say('namesHowTo', lang)));
		return 0;
	} finally {
		await db.close();
	}
}

export function openNameLine(name: OpenName, lang: Lang, width = 0): string {
	const field = say(FIELD[name.field], lang).padEnd(width);
	const where = name.scopeName ? ` (${name.scopeName})` : '';
	const list = (l: OpenName['candidates']) => l.map((c) => `${c.name} [${c.code}]`).join(', ');
	const hint =
		name.problem === 'ambiguous'
			? say('ambiguousAmong', lang, { names: list(name.candidates) })
			: name.suggestions.length > 0
				? say('didYouMean', lang, { names: list(name.suggestions) })
				: say('noSuggestion', lang);
	const counts = say('openNameLine', lang, {
		rows: formatNumber(name.rows, lang),
		imports: formatNumber(name.imports, lang)
	});
	return `${field}  “${maskPersonal(name.raw)}”${where} — ${counts}${hint}`;
}

async function printReviewed(
	reviewed: Reviewed,
	options: CliOptions,
	out: Output
): Promise<number> {
	const { lang } = options;
	const [first] = options.args;
	for (const d of reviewed.decided) {
		const params = { name: d.raw, field: say(FIELD[d.field], lang), code: d.code ?? '' };
		if (first === 'undo') out.line(say('undone', lang, params));
		else if (d.code === null) out.line(say('ignored', lang, params));
		else out.line(say('accepted', lang, { ...params, unit: d.meaning ?? d.code }));
	}
	printMoves(out, lang, reviewed.settled);
	printOpenNames(out, lang, reviewed.settled.open);
	const where = { db: options.db };
	out.line(out.colour.dim(say(options.dryRun ? 'dryRun' : 'wrote', lang, where)));
	return 0;
}

async function exportNames(options: CliOptions, out: Output): Promise<number> {
	if (!options.out)
		throw new UsageError('names export: --out FILE is required (the unit list to write)');
	const db = await openForReading(options.db);
	try {
		const { units } = await matchingContext(db, options.dataDir);
		const decisions = await listDecisions(db.kysely);
		const accepted = decisions.filter((d) => d.code !== null);
		try {
			await writeFile(options.out, unitsCsv(unitsWithDecisions(units, accepted)));
		} catch (error) {
			throw new ImportError('cannot_write', { file: options.out }, { detail: String(error) });
		}
		const aliases = accepted.filter((d) => d.field !== 'group');
		out.line(say('exported', options.lang, { n: aliases.length, file: options.out }));
		const groups = accepted.filter((d) => d.field === 'group');
		if (groups.length > 0) {
			out.line(say('exportGroups', options.lang));
			for (const g of groups) out.line(`  ${g.code}: ${g.raw}`);
		}
		return 0;
	} finally {
		await db.close();
	}
}

async function rematchAll(options: CliOptions, out: Output): Promise<number> {
	const settled = await withWorkingCopy(
		options.db,
		async (db) => {
			const connection = await db.connect();
			try {
				const matching = await matchingContext(db, options.dataDir);
				return await settle(db, connection, matching, { rowsChanged: false, force: true });
			} finally {
				connection.closeSync();
			}
		},
		{ dryRun: options.dryRun }
	);
	printMoves(out, options.lang, settled);
	printOpenNames(out, options.lang, settled.open);
	out.line(
		out.colour.dim(say(options.dryRun ? 'dryRun' : 'wrote', options.lang, { db: options.db }))
	);
	return 0;
}
