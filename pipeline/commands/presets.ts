/**
 * `presets`: the target presets of the data directory; `presets add <file.json>` validates a
 * preset and writes it as targets/<id>.json (replacing the preset of that id); `presets remove
 * <id>` removes one. The dashboard picks the change up by itself.
 */
import { formatNumber } from '../../src/lib/format.ts';
import { loadConfig, shownPath } from '../../src/lib/server/config.ts';
import type { CliOptions } from '../cli.ts';
import { UsageError } from '../errors.ts';
import { say } from '../messages.ts';
import { addPreset, presetFiles, readPreset, removePreset } from '../presets.ts';
import type { Output } from '../tty.ts';

export const PRESETS_USAGE =
	'presets | presets add <file.json> [--dry-run] | presets remove <id> [--dry-run]';

export async function runPresets(options: CliOptions, out: Output): Promise<number> {
	const [action = 'list', ...rest] = options.args;
	if (rest.length !== (action === 'list' ? 0 : 1))
		throw new UsageError(`presets ${action}: ${PRESETS_USAGE}`);
	const config = loadConfig(options.dataDir);
	const { lang } = options;
	switch (action) {
		case 'list': {
			for (const { file, preset } of presetFiles(config)) {
				const marker = preset.id === config.defaultPreset ? ' *' : '';
				out.line(
					say('presetLine', lang, {
						id: `${preset.id}${marker}`,
						name: preset.name[lang],
						targets: formatNumber(preset.targets.length, lang),
						file: shownPath(file)
					})
				);
			}
			return 0;
		}
		case 'add': {
			const preset = readPreset(rest[0]!);
			const added = await addPreset(config, preset, options.dryRun);
			out.line(
				out.colour.green('✓ ') +
					say(added.replaced ? 'presetReplaced' : 'presetAdded', lang, {
						id: preset.id,
						name: preset.name[lang],
						targets: formatNumber(preset.targets.length, lang)
					})
			);
			printWritten(options, out, added.file);
			return 0;
		}
		case 'remove': {
			const removed = await removePreset(config, rest[0]!, options.dryRun);
			out.line(
				out.colour.green('✓ ') +
					say('presetRemoved', lang, { id: removed.preset.id, name: removed.preset.name[lang] })
			);
			printWritten(options, out, removed.file);
			return 0;
		}
		default:
			throw new UsageError(`unknown presets action "${action}": ${PRESETS_USAGE}`);
	}
}

function printWritten(options: CliOptions, out: Output, file: string): void {
	const where = { db: shownPath(file) };
	if (options.dryRun) out.line(out.colour.yellow(say('dryRun', options.lang, where)));
	else out.line(out.colour.dim(say('wrote', options.lang, where)));
}
