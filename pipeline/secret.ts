/**
 * The installation's secret for pseudonymous person keys. Created on first use beside the
 * database, readable by its owner only, never committed (data/.gitignore). Losing it makes new
 * imports unable to recognise people already loaded: back it up with the database.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function secretPath(dbPath: string): string {
	return path.join(path.dirname(path.resolve(dbPath)), 'secret');
}

export function loadOrCreateSecret(dbPath: string): Buffer {
	const file = secretPath(dbPath);
	if (existsSync(file)) {
		const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
		if (key.length !== 32) throw new Error(`${file}: not a 32-byte hex secret`);
		return key;
	}
	const key = randomBytes(32);
	writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
	chmodSync(file, 0o600);
	return key;
}
