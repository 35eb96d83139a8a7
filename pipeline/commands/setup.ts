/** `setup --province CODE --units CATALOGUE --boundaries GEOJSON [--out DIR] [--year YYYY]`. */
import { shownPath } from '../../src/lib/server/config.ts';
import { formatNumber } from '../../src/lib/format.ts';
import type { CliOptions } from '../cli.ts';
import { say } from '../messages.ts';
import { setupProvince } from '../setup.ts';
import type { Output } from '../tty.ts';

export async function runSetup(options: CliOptions, out: Output): Promise<number> {
	const { lang } = options;
	const dir = options.out ?? shownPath(options.dataDir);
	const result = await setupProvince({
		province: options.province!,
		catalogue: options.units!,
		boundaries: options.boundaries!,
		out: dir,
		year: options.year ?? new Date().getFullYear(),
		force: options.force ?? false
	});
	const count = (kind: string) =>
		formatNumber(result.units.filter((u) => u.kind === kind).length, lang);
	out.line(
		`${out.colour.green('✓')} ${say('setupDone', lang, {
			province: `${result.province.name} (${result.province.code})`,
			districts: count('district'),
			communes: count('commune')
		})}`
	);
	for (const d of result.boundaryOnly)
		out.line(say('setupBoundaryOnly', lang, { unit: `${d.name} (${d.code})` }));
	if (result.shapes === 0) out.line(out.colour.yellow(say('setupNoShapes', lang)));
	for (const file of result.backups) out.line(say('setupBackup', lang, { file }));
	out.line(say('setupNext', lang, { readme: `${dir}/README.md`, dir }));
	out.line(out.colour.dim(say('wrote', lang, { db: `${dir}/ (${result.files.join(', ')})` })));
	return 0;
}
