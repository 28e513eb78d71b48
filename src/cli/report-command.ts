import { Command } from '@commander-js/extra-typings';
import { resolve } from 'node:path';
import { easiestFailures } from '../store/sqlite/graded-trials.js';
import { openWorkspace, workspacePath, type Db } from '../store/sqlite/open-workspace.js';
import type { AnalysisFlags } from './analyse-run.js';
import { pickRun } from './pick-run.js';

type ReportFlags = AnalysisFlags & { run?: string; out?: string; png?: boolean; workspace?: string; title?: string };

export function reportCommand(): Command<[], ReportFlags> {
  return new Command('report')
    .description('analyse a graded run and write the report: index.html (works offline), charts as SVG and PNG, summary.md, metrics.json')
    .option('--run <id>', 'the run to report (default: the newest run)')
    .option('--out <dir>', 'report folder (default: reliabench-report/<run id>)')
    .option('--epsilon <e>', 'safe operating region: the largest acceptable incorrect rate (default 0.05)')
    .option('--alpha <a>', 'safe region and template flags: 1 − confidence (default 0.05)')
    .option('--bootstrap <n>', 'bootstrap replicates for the indicators\' intervals, clustered by item (default 500; 0 = none)')
    .option('--seed <s>', 'bootstrap seed (default "reliabench"): the same seed gives the same report')
    .option('--title <text>', 'report title')
    .option('--no-png', 'skip the PNG copies of the charts (faster)')
    .option('--workspace <file>', 'workspace store (else $RELIABENCH_WORKSPACE, else .reliabench/workspace.sqlite)')
    .addHelpText('after', `
Examples:
  $ reliabench report                               the newest run → reliabench-report/<run>/index.html
  $ reliabench report --run run-20261128-101500-ab12 --out site/ --epsilon 0.1
  $ cat reliabench-report/*/summary.md              (for CI logs and pull requests)`)
    .action(async (flags) => {
      const db = openWorkspace(workspacePath(flags.workspace));
      try {
        const runId = pickRun(db, flags.run);
        const written = await writeReport(db, runId, { ...flags, png: flags.png !== false });
        process.stdout.write(`${written.line}\n  ${written.out}/summary.md\n`);
      } finally {
        db.close();
      }
    });
}

/** Analyses a graded run and writes its report folder; shared with `run`, which reports when it is done. */
export async function writeReport(db: Db, runId: string, flags: AnalysisFlags & { out?: string; title?: string; png?: boolean }): Promise<{ out: string; line: string }> {
  const started = Date.now();
  // The analyses and the chart renderer (vega, resvg) load only when a report is written.
  const { analyseRun, analysisSettings } = await import('./analyse-run.js');
  const { buildReport } = await import('../report/build-report.js');
  const analysis = analyseRun(db, runId, analysisSettings(flags));
  const out = resolve(flags.out ?? `reliabench-report/${runId}`);
  const result = await buildReport({
    title: flags.title ?? `reliabench report: ${runId}`,
    runIds: [runId],
    createdAt: new Date().toISOString(),
    analysis,
    examples: easiestFailures(db, runId),
  }, out, { png: flags.png !== false });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { out, line: `report for run ${runId}: ${analysis.models.length} model(s), ${result.files.length} files in ${seconds} s → ${out}/index.html` };
}
