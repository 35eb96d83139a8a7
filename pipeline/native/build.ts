/**
 * Builds the person key's native DuckDB function (person_key.c) into build/person_key.node; run
 * by `npm install` / `npm ci` (the package's postinstall). It needs a C compiler, the Node-API
 * headers (the node-api-headers package) and the DuckDB library the bindings package installed,
 * which it links against; nothing is downloaded. Without a compiler the pipeline still works,
 * hashing in JavaScript at a fraction of the speed, and this says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, 'build', 'person_key.node');
const require = createRequire(import.meta.url);
const { include_dir: include } = require('node-api-headers') as { include_dir: string };
const compiler = process.env.CC ?? 'cc';

function compilerArgs(library: string): string[] {
	// The library is found at run time relative to the module, so the project can move as a whole.
	const origin = process.platform === 'darwin' ? '@loader_path' : '$ORIGIN';
	return [
		'-O2',
		'-Wall',
		'-shared',
		'-fPIC',
		`-I${include}`,
		join(here, 'person_key.c'),
		`-L${library}`,
		'-lduckdb',
		`-Wl,-rpath,${origin}/${relative(dirname(output), library)}`,
		'-o',
		output
	];
}

/** Where @duckdb/node-bindings' platform package put libduckdb (beside its duckdb.node). */
function duckdbLibraryDir(): string {
	const bindings = createRequire(require.resolve('@duckdb/node-bindings'));
	for (const variant of ['', '-musl']) {
		try {
			const name = `@duckdb/node-bindings-${process.platform}-${process.arch}${variant}`;
			const dir = dirname(bindings.resolve(`${name}/package.json`));
			if (existsSync(join(dir, 'duckdb.node'))) return dir;
		} catch {
			// not this variant
		}
	}
	throw new Error('no @duckdb/node-bindings platform package with libduckdb found');
}

mkdirSync(dirname(output), { recursive: true });
try {
	execFileSync(compiler, compilerArgs(duckdbLibraryDir()), { stdio: 'inherit' });
	console.log(`person key: built ${output}`);
} catch (error) {
	if (process.env.CI === 'true') throw error;
	console.warn(
		`person key: could not build the native module with ${compiler} (${(error as Error).message}); ` +
			'the pipeline will hash ID numbers in JavaScript instead, about 1.5 s more per million rows'
	);
}
