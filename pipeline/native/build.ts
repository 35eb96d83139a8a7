/**
 * Builds the person key's native hashing loop (person_key.c) into build/person_key.node; run by
 * `npm install` / `npm ci` (the package's postinstall). It needs a C compiler and the Node-API
 * headers (the node-api-headers package); nothing is downloaded. Without a compiler the pipeline
 * still works, hashing in JavaScript at about a tenth of the speed, and this says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, 'build', 'person_key.node');
const { include_dir: include } = createRequire(import.meta.url)('node-api-headers') as {
	include_dir: string;
};
const compiler = process.env.CC ?? 'cc';
const args = ['-O2', '-Wall', '-shared', '-fPIC', `-I${include}`, join(here, 'person_key.c')];

mkdirSync(dirname(output), { recursive: true });
try {
	execFileSync(compiler, [...args, '-o', output], { stdio: 'inherit' });
	console.log(`person key: built ${output}`);
} catch (error) {
	if (process.env.CI === 'true') throw error;
	console.warn(
		`person key: could not build the native module with ${compiler} (${(error as Error).message}); ` +
			'the pipeline will hash ID numbers in JavaScript, about ten times slower'
	);
}
