import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db.ts';
import { ImportError } from '../errors.ts';

/** The live database, read-only: reading commands never take the writer's lock. */
export async function openForReading(dbPath: string): Promise<Db> {
	if (!existsSync(dbPath)) throw new ImportError('no_database', { file: path.basename(dbPath) });
	return openDatabase(dbPath, { readOnly: true });
}
