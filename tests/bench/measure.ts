/** Shared by the benchmarks: run a child measurement, medians, a table printer, the machine. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const NODE = process.execPath;

export interface Measured {
	rows: number;
	ms: number;
	rssMb: number;
}

export function measure(kind: string, file: string, db: string): Measured {
	const out = execFileSync(NODE, [path.join(ROOT, 'tests/bench/child.ts'), kind, file, db], {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 1 << 24
	});
	return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function table(header: string[], rows: (string | number)[][]): string {
	const cells = [header, ...rows.map((r) => r.map(String))];
	const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
	const line = (r: string[]) =>
		`| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
	return [
		line(cells[0]!),
		`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
		...cells.slice(1).map(line)
	].join('\n');
}

export function machine(): string {
	return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`;
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en');
