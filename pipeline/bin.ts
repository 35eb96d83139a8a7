import { langOf, run, systemError } from './cli.ts';
import { errorText } from './messages.ts';

const argv = process.argv.slice(2);

/**
 * Whatever escapes run() (a failure outside a command's main block, a stream's late error event)
 * still ends as one line and exit 1, never a stack trace.
 */
function fail(error: unknown): void {
	process.stderr.write(`✗ ${errorText(systemError(error), langOf(argv))}\n`);
	process.exit(1);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

process.exitCode = await run(argv);
