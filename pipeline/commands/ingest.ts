/**
 * `ingest`: load exports and print, per file, what happened: rows read, accepted, rejected by
 * reason, and the names that matched nothing, with the closest known names. With --json (the
 * import desk's way in): one JSON document on stdout with each file's rejected rows, the units
 * it names and the published figures before and after, and the progress as JSON lines on stderr.
 */
import { maskPersonal } from '../privacy.ts';
import { formatDate, formatNumber, type Lang } from '../../src/lib/format.ts';
import { REJECT_REASONS, type RejectReason } from '../../src/lib/rejects.ts';
import type { CliOptions } from '../cli.ts';
import type { NameWarning } from '../dictionaries.ts';
import { ingest, type FileOutcome, type Stage } from '../ingest.ts';
import { rejectText, say, type SayKey } from '../messages.ts';
import type { Output } from '../tty.ts';
import { printMoves, printOpenNames } from './moves.ts';
import { chosenPreset } from './open.ts';

const STAGES: Record<Stage, SayKey> = {
	hash: 'stageHash',
	read: 'stageRead',
	match: 'stageMatch',
	validate: 'stageValidate',
	load: 'stageLoad',
	aggregate: 'stageAggregate'
};

const SHOWN_NAMES = 8;

export async function runIngest(options: CliOptions, out: Output): Promise<number> {
	if (options.json) return runIngestJson(options, out);
	const { lang } = options;
	const n = (v: number) => formatNumber(v, lang);
	const { outcomes, settled } = await ingest({
		db: options.db,
		dataDir: options.dataDir,
		inputs: options.args,
		asOf: options.asOf,
		dryRun: options.dryRun,
		again: options.again,
		onStage: (file, stage, progress) => {
			const label = `${file ? `${file}: ` : ''}${say(STAGES[stage], lang)}`;
			const rows =
				progress?.rows !== undefined ? ` ${say('rows', lang, { n: n(progress.rows) })}` : '';
			out.status(label + rows, progress?.fraction);
		}
	});
	out.done();
	if (options.notes) options.notes.files = outcomes.map(auditedOutcome);
	for (const outcome of outcomes) printOutcome(outcome, out, lang);
	const loaded = outcomes.some((o) => o.status === 'loaded');
	if (settled.rematched) printMoves(out, lang, settled);
	printOpenNames(out, lang, settled.open);
	const db = { db: options.db };
	if (options.dryRun) out.line(out.colour.yellow(say('dryRun', lang, db)));
	else if (loaded || settled.rematched) out.line(out.colour.dim(say('wrote', lang, db)));
	else out.line(say('nothingNew', lang, db));
	return 0;
}

/** Progress lines `{"file","stage","fraction","rows"}` on stderr, the result on stdout. */
async function runIngestJson(options: CliOptions, out: Output): Promise<number> {
	const { outcomes, settled, figures } = await ingest({
		db: options.db,
		dataDir: options.dataDir,
		inputs: options.args,
		asOf: options.asOf,
		dryRun: options.dryRun,
		again: options.again,
		detail: chosenPreset(options.preset, options.dataDir),
		onStage: (file, stage, progress) =>
			out.error(JSON.stringify({ file, stage, fraction: progress?.fraction, rows: progress?.rows }))
	});
	if (options.notes) options.notes.files = outcomes.map(auditedOutcome);
	// Not settled.moves: it holds counts, and confidential units publish shares only (figures).
	const { rematched, open, latest } = settled;
	out.line(
		JSON.stringify({
			dryRun: options.dryRun,
			files: outcomes.map(masked),
			settled: { rematched, open, latest },
			figures
		})
	);
	return 0;
}

/** The names as the terminal shows them: one that is an ID or phone number (a shifted row) masked. */
function masked(outcome: FileOutcome): FileOutcome {
	if (outcome.status !== 'loaded') return outcome;
	const mask = <T extends NameWarning>(list: T[]) =>
		list.map((w) => ({ ...w, name: maskPersonal(w.name.replace(/\s+/g, ' ')) }));
	const w = outcome.warnings;
	return {
		...outcome,
		warnings: {
			unknownDistricts: mask(w.unknownDistricts),
			unknownCommunes: mask(w.unknownCommunes),
			unknownWorkplaces: mask(w.unknownWorkplaces),
			unknownGroups: mask(w.unknownGroups)
		}
	};
}

/** A file as the audit log keeps it: its name (masked), hash and counts, no row of it. */
function auditedOutcome(o: FileOutcome): Record<string, unknown> {
	const file = {
		file: maskPersonal(o.file),
		hash: o.contentHash,
		import: o.importId,
		asOf: o.asOf
	};
	if (o.status === 'unchanged') return { ...file, status: o.status };
	return {
		...file,
		status: o.status,
		sheet: o.sheet === null ? null : maskPersonal(o.sheet),
		read: o.rowsRead,
		accepted: o.rowsAccepted,
		rejected: o.rowsRejected,
		duplicate: o.rowsDuplicate,
		replaced: o.replaced
	};
}

function printOutcome(o: FileOutcome, out: Output, lang: Lang): void {
	const n = (v: number) => formatNumber(v, lang);
	const { colour } = out;
	if (o.status === 'unchanged') {
		out.line(
			`${colour.dim('=')} ${say('unchanged', lang, { file: o.file, id: o.importId, date: formatDate(o.asOf) })}`
		);
		return;
	}
	const rejected = `${n(o.rowsRejected)}`;
	const source =
		o.asOfSource === 'file_name'
			? say('asOfFromName', lang)
			: o.asOfSource === 'option'
				? say('asOfTyped', lang)
				: '';
	out.line(
		`${colour.green('✓')} ${say('loaded', lang, {
			file: colour.bold(o.file),
			sheet: o.sheet ?? '',
			id: o.importId,
			date: formatDate(o.asOf),
			source,
			read: n(o.rowsRead),
			accepted: n(o.rowsAccepted),
			rejected: o.rowsRejected > 0 ? colour.yellow(rejected) : rejected
		})} ${colour.dim(`(${o.seconds.toFixed(1).replace('.', lang === 'vi' ? ',' : '.')} s)`)}`
	);
	const note = (text: string) => out.line(`    ${colour.yellow('!')} ${text}`);
	if (o.titleAsOf)
		note(
			say('titleDisagrees', lang, { typed: formatDate(o.asOf), title: formatDate(o.titleAsOf) })
		);
	if (o.replaced !== null) out.line(`    ${say('replaced', lang, { id: o.replaced })}`);
	if (o.sameAsOf.length > 0)
		note(
			say('sameAsOf', lang, {
				imports: o.sameAsOf.map((i) => `#${i.id} (${i.file})`).join(', ')
			})
		);
	if (o.rowsRejected > 0) {
		const reasons = o.rejectsByReason
			.map(
				(r) =>
					`${n(r.rows)} ${REJECT_REASONS.includes(r.reason as RejectReason) ? rejectText(r.reason as RejectReason, lang) : r.reason}`
			)
			.join('; ');
		out.line(`    ${say('reasons', lang, { reasons })}`);
		out.line(colour.dim(`    ${say('seeRejects', lang, { id: o.importId })}`));
	}
	if (o.rowsIgnored > 0)
		out.line(colour.dim(`    ${say('ignoredRows', lang, { n: n(o.rowsIgnored) })}`));
	if (o.unknownColumns.length > 0)
		out.line(
			colour.dim(`    ${say('unusedColumns', lang, { columns: o.unknownColumns.join(', ') })}`)
		);
	const w = o.warnings;
	names(out, lang, say('unknownDistricts', lang), w.unknownDistricts);
	names(
		out,
		lang,
		say('unknownCommunes', lang),
		w.unknownCommunes.map((c) => ({ ...c, name: `${c.name} (${c.district})` }))
	);
	names(out, lang, say('unknownWorkplaces', lang), w.unknownWorkplaces);
	names(out, lang, say('unknownGroups', lang), w.unknownGroups);
}

function names(out: Output, lang: Lang, title: string, list: NameWarning[]): void {
	if (list.length === 0) return;
	const total = list.reduce((s, w) => s + w.rows, 0);
	out.line(
		`    ${out.colour.yellow('!')} ${title}: ${say('namesCount', lang, {
			names: formatNumber(list.length, lang),
			rows: formatNumber(total, lang)
		})}`
	);
	for (const w of list.slice(0, SHOWN_NAMES)) {
		const choices = w.suggestions.map((s) => `${s.name} [${s.code}]`).join(', ');
		const hint =
			w.suggestions.length === 0
				? ''
				: say(w.problem === 'ambiguous' ? 'ambiguousAmong' : 'didYouMean', lang, {
						names: choices
					});
		out.line(
			`      “${maskPersonal(w.name.replace(/\s+/g, ' '))}” (${formatNumber(w.rows, lang)})${hint}`
		);
	}
	if (list.length > SHOWN_NAMES)
		out.line(
			out.colour.dim(
				`      ${say('moreNames', lang, { n: formatNumber(list.length - SHOWN_NAMES, lang) })}`
			)
		);
}
