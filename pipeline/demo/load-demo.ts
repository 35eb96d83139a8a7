/**
 * `npm run demo:data`: generates the simulated Hà Tĩnh 2023 exports and loads them, the unit list
 * and the activity sheet into the database (data/cdht.duckdb unless --db says otherwise), through
 * the same commands a user runs. Idempotent: files already imported are skipped.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, loadConfig } from '../../src/lib/server/config.ts';
import { openDatabase } from '../../src/lib/server/db.ts';
import { listImports } from '../../src/lib/server/imports.ts';
import { run } from '../cli.ts';
import { contentHash } from '../ingest.ts';
import { DATA_DIR } from './config.ts';
import { generate } from './generate.ts';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: { db: { type: 'string' }, out: { type: 'string' }, rows: { type: 'string' } }
});
const db = values.db ?? loadConfig(dataDir()).database;
const out = values.out ?? path.join(DATA_DIR, 'demo/out');
const log = (line: string) => console.log(line);

log(`Generating the simulated demo exports in ${out} …`);
const generated = await generate({
	out,
	rows: values.rows ? Number(values.rows) : undefined,
	snapshots: 'monthly',
	formats: ['csv', 'xlsx'],
	log
});
await dropStaleDemo(
	db,
	generated.exports.map((e) => e.file)
);
for (const args of [
	['units', generated.units],
	['activity', generated.activity],
	['ingest', path.dirname(generated.exports[0]!.file)]
]) {
	log(`\n$ npm run pipeline -- ${args.join(' ')} --db ${db}`);
	const code = await run([...args, '--db', db]);
	if (code !== 0) process.exit(code);
}

/**
 * The demo database holds exactly the generated exports. When the generator has changed (other
 * files, other hashes) the old simulated imports would mix with the new ones, so the file is
 * rebuilt; a database with the same exports is kept and the imports below skip them.
 */
async function dropStaleDemo(dbPath: string, files: string[]): Promise<void> {
	if (!existsSync(dbPath)) return;
	const hashes = new Set(await Promise.all(files.map(contentHash)));
	const db = await openDatabase(dbPath, { readOnly: true });
	let stale: boolean;
	try {
		stale = (await listImports(db.kysely)).some((i) => !hashes.has(i.contentHash));
	} finally {
		await db.close();
	}
	if (stale) {
		log(`The demo database ${dbPath} holds exports of an older demo: rebuilding it.`);
		rmSync(dbPath);
	}
}
