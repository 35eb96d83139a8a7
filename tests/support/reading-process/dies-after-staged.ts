/**
 * A reading process (read/csv-child.ts's protocol) that says its rows follow, then dies before it
 * opens the pipe: the loading process waits on the pipe and must not wait forever.
 */
import type { ChildMessage } from '../../../pipeline/read/csv-child.ts';

process.once('message', () => {
	const staged = {
		kind: 'staged',
		read: { header: { lastRow: 2 }, labels: {}, keyedIds: true },
		rows: 3,
		peakRssMb: 0
	} as unknown as ChildMessage;
	process.send!(staged, () => process.exit(3));
});
