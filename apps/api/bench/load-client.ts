/**
 * One autocannon run in its own process, so the load generator's own work (sending, parsing thousands of answers)
 * does not run on the event loop of the server it measures. Reads its options as JSON from argv[2], optionally
 * lowers its own scheduling priority (`nice`, as clients on other machines would only take spare CPU), and prints
 * the autocannon result as one JSON line.
 * Used by load-mix.ts through `loadFromChild`.
 */
import { setPriority } from 'node:os';
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2] ?? '{}') as { nice?: number } & Record<string, unknown>;
if (options.nice) setPriority(options.nice);
const { nice: _nice, ...run } = options;
const result = await autocannon(run);
process.stdout.write(`${JSON.stringify(result)}\n`);
