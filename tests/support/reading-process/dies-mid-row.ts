/**
 * A reading process (read/csv-child.ts's protocol) that says its rows follow, writes one row and
 * half of the next to the pipe, then dies: the loading process must not take the rows it got.
 */
import { writeFileSync } from 'node:fs';
import type { ChildMessage, ChildRequest } from '../../../pipeline/read/csv-child.ts';

process.once('message', (request: ChildRequest) => {
	const staged = {
		kind: 'staged',
		read: { header: { lastRow: 2 }, labels: {}, keyedIds: true },
		rows: 3,
		peakRssMb: 0
	} as unknown as ChildMessage;
	process.send!(staged, () => {
		// Blocks until the loading process opens its end.
		writeFileSync(request.pipe, '"3",' + '"Huyện Can Lộc",'.repeat(3) + '\n"4","Huy');
		process.exit(3);
	});
});
