/**
 * A reading process (read/csv-child.ts's protocol) that sends rows one column too wide, many of
 * them, through DuckDB as the real one does: the loading process refuses the first and closes the
 * pipe, and this one's write then fails on the broken pipe. The error to report is the first.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { ChildMessage, ChildRequest } from '../../../pipeline/read/csv-child.ts';

process.once('message', async (request: ChildRequest) => {
	const connection = await (await DuckDBInstance.create(':memory:')).connect();
	const staged = {
		kind: 'staged',
		read: { header: { lastRow: 2 }, labels: {}, keyedIds: true },
		rows: 200_000,
		peakRssMb: 0
	} as unknown as ChildMessage;
	await new Promise((resolve) => process.send!(staged, resolve));
	try {
		await connection.run(
			`COPY (SELECT range AS a, 'x' AS b, 'y' AS c, 'z' AS d, 'w' AS e, 'v' AS f, 'u' AS g,
				't' AS h, 's' AS i, 'r' AS j, 'q' AS k, gen_random_uuid() AS l, 'extra' AS m
				FROM range(200000)) TO '${request.pipe}' (FORMAT csv, HEADER false, FORCE_QUOTE *)`
		);
	} catch (error) {
		const failed: ChildMessage = {
			kind: 'failed',
			error: { message: (error as Error).message }
		};
		await new Promise((resolve) => process.send!(failed, resolve));
	}
	process.disconnect();
});
