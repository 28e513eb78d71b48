/**
 * Analysis alone over a stored, graded run — the step `reliabench report` starts with — timed inside
 * the process so Node's start-up and the report's charts are left out. Prints one JSON line:
 * { trials, analyseS, analyseCpuS, peakRssMb }. Used by bench/scale.bench.ts.
 *
 *   npx tsx bench/scale-analyse.ts WORKSPACE RUN_ID
 */
import { analyseRun, analysisSettings } from '../src/cli/analyse-run.js';
import { openWorkspace } from '../src/store/sqlite/open-workspace.js';

const [workspace, runId] = process.argv.slice(2);
if (!workspace || !runId) throw new Error('usage: scale-analyse.ts WORKSPACE RUN_ID');
const db = openWorkspace(workspace);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const analysis = analyseRun(db, runId, analysisSettings({}));
const analyseS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
db.close();
process.stdout.write(`${JSON.stringify({
  models: analysis.models.length, analyseS, analyseCpuS: (cpu.user + cpu.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024,
})}\n`);
