/**
 * A run in its own process, for the crash test: `node --import tsx crash-runner.ts '<json>'`.
 * Builds the same plan every time (same items, templates, model), executes it into the given
 * workspace under the given run id, and prints the RunSummary as JSON on its last stdout line.
 * The test kills it with SIGKILL at random points and starts it again to resume.
 */
import { openWorkspace } from '../../store/sqlite/open-workspace.js';
import { executeRun } from '../executor.js';
import { crashPlan, type CrashRunnerArgs } from './crash-plan.js';

const args = JSON.parse(process.argv[2] ?? '{}') as CrashRunnerArgs;
const db = openWorkspace(args.dbPath);
const { plan, model } = await crashPlan(db, args);
const summary = await executeRun(db, { runId: args.runId, models: [model], trials: plan });
db.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
