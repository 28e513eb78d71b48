import { Command } from '@commander-js/extra-typings';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ReliabenchError } from '../core/errors.js';
import { gradeRun, type GradeRunSummary } from '../grading/grade-run.js';
import type { GradedRow, RowError } from '../grading/input/grade-input.js';
import { parseModelSpec, type GgufSpec } from '../models/model-spec.js';
import { countEffectiveOutcomes } from '../store/sqlite/grades-repo.js';
import { loadItemById } from '../store/sqlite/items-repo.js';
import { openWorkspace, workspacePath, type Db } from '../store/sqlite/open-workspace.js';
import { pickRun } from './pick-run.js';
import { parsePositiveInt } from './parse-options.js';
import { createProgressReporter } from './progress.js';

type GradeFlags = {
  run?: string;
  regrade?: true;
  judge?: string;
  judgeConcurrency?: string;
  input?: string;
  out?: string;
  avoidanceOnly?: true;
  workspace?: string;
  quiet?: true;
};

export function gradeCommand(): Command<[], GradeFlags> {
  return new Command('grade')
    .description('grade a run\'s answers as correct, avoidant or incorrect (rule grader, optional LLM judge), or grade a JSONL file of outputs from other tools')
    .option('--run <id>', 'the run to grade (default: the newest run in the workspace)')
    .option('--regrade', 'grade every trial again, not only the ungraded ones (human overrides are kept)')
    .option('--judge <spec>', 'also grade with an LLM judge (any model spec); stored beside the rule grades, with agreement reported')
    .option('--judge-concurrency <n>', 'judge requests in flight (default 8)')
    .option('--input <file>', 'grade a JSONL file of responses (rows: domain + gold, item_id, or item; response; optional prompt, mode)')
    .option('--out <file>', 'with --input: write graded rows here (default: stdout)')
    .option('--avoidance-only', 'with --input: no gold needed; says whether each response avoids (and how) or commits to an answer')
    .option('--workspace <file>', 'workspace store (else $RELIABENCH_WORKSPACE, else .reliabench/workspace.sqlite)')
    .option('--quiet', 'print only the summary')
    .addHelpText('after', `
Examples:
  $ reliabench grade                                  grade the newest run (runs grade themselves when they finish)
  $ reliabench grade --run run-20261128-101500-ab12 --judge openai:gpt-4o-mini
  $ reliabench grade --input responses.jsonl --out graded.jsonl
  $ reliabench grade --input chats.jsonl --avoidance-only

--input rows (one JSON object per line):
  {"id": "q1", "domain": "addition", "gold": "4005", "response": "The sum is 4,005."}
  {"item_id": "anagram-3f2a…", "response": "PLANET"}          (an item in --workspace)
  {"item": {…a line of reliabench generate's output…}, "response": "…", "prompt": "…"}
  gold forms: addition "4005"; anagram "planet" or {"word", "solutions"}; science {"answer": "B", "options": [4]};
  transforms {"type", "output"}; locality needs item_id or item. Bad rows are reported as FILE:LINE: field: problem,
  the other rows are still graded, and the exit code is 1.`)
    .action(async (flags) => {
      if (flags.input) await gradeInputAction(flags.input, flags);
      else await gradeRunAction(flags);
    });
}

async function gradeRunAction(flags: GradeFlags): Promise<void> {
  if (flags.out || flags.avoidanceOnly) throw new ReliabenchError('BAD_ARGUMENT', '--out and --avoidance-only go with --input FILE');
  const db = openWorkspace(workspacePath(flags.workspace));
  try {
    const runId = pickRun(db, flags.run);
    const summary = gradeRunWithProgress(db, runId, { regrade: flags.regrade === true, quiet: flags.quiet === true });
    process.stdout.write(`${gradeSummaryLine(summary)}\n`);
    for (const m of countEffectiveOutcomes(db, runId)) {
      process.stdout.write(`  ${m.modelKey}: ${m.correct} correct, ${m.avoidant} avoidant, ${m.incorrect} incorrect (overrides applied)\n`);
    }
    if (flags.judge) await judgeAction(db, runId, flags);
  } finally {
    db.close();
  }
}

/** Grades a run with a progress bar; shared with `run`, which grades when its trials are done. */
export function gradeRunWithProgress(db: Db, runId: string, options: { regrade?: boolean; quiet?: boolean }): GradeRunSummary {
  const bar = options.quiet ? undefined : createProgressReporter();
  try {
    return gradeRun(db, runId, { regrade: options.regrade === true, ...(bar ? { onProgress: (done, total) => bar.update('grading', done, total) } : {}) });
  } finally {
    bar?.stop();
  }
}

export function gradeSummaryLine(s: GradeRunSummary): string {
  const what = s.graded === 0 ? 'nothing new to grade' : `graded ${s.graded} answers: ${s.correct} correct, ${s.avoidant} avoidant, ${s.incorrect} incorrect`;
  return `run ${s.runId}: ${what}`;
}

async function judgeAction(db: Db, runId: string, flags: GradeFlags): Promise<void> {
  const spec = parseModelSpec(flags.judge as string, process.env);
  // The judge's adapter and rubric load only for --judge.
  const { createAdapter } = await import('../models/create-adapter.js');
  const { createGgufAdapter } = await import('../models/gguf/index.js');
  const { judgeRun } = await import('../grading/judge/judge-run.js');
  const { formatAgreement } = await import('../grading/judge/agreement.js');
  const judge = await createAdapter(spec, process.env, undefined, { gguf: (s: GgufSpec) => createGgufAdapter(s) });
  const bar = flags.quiet ? undefined : createProgressReporter();
  try {
    const summary = await judgeRun(db, runId, judge, {
      spec: spec.text,
      concurrency: flags.judgeConcurrency ? parsePositiveInt(flags.judgeConcurrency, '--judge-concurrency') : 8,
      ...(bar ? { onProgress: (done: number, total: number) => bar.update('judging', done, total) } : {}),
    });
    bar?.stop();
    process.stdout.write(`judge ${spec.text}: ${summary.judged} judged (${summary.fromCache} from cache, ${summary.requests} requests), ${summary.failed} not judged\n`);
    if (summary.firstFailure) process.stderr.write(`reliabench: warning: ${summary.failed} trials not judged; first: ${summary.firstFailure} (run the command again to retry them)\n`);
    for (const line of formatAgreement(summary.agreement)) process.stdout.write(`  ${line}\n`);
    if (summary.failed > 0) process.exitCode = 1;
  } finally {
    bar?.stop();
    await judge.close?.();
  }
}

async function gradeInputAction(path: string, flags: GradeFlags): Promise<void> {
  if (flags.run || flags.regrade || flags.judge) throw new ReliabenchError('BAD_ARGUMENT', '--run, --regrade and --judge grade a stored run; they do not go with --input');
  if (!existsSync(path)) throw new ReliabenchError('BAD_ARGUMENT', `cannot read ${path}: no such file`, { input: path });
  // Every CLI start loads this module (main registers the command, run grades with it), so the zod row
  // schemas, about 100 ms to load, wait until --input needs them.
  const { gradeInputFile } = await import('../grading/input/grade-input.js');
  const wsPath = flags.workspace ?? process.env['RELIABENCH_WORKSPACE'];
  const db = wsPath ? openWorkspace(workspacePath(wsPath)) : undefined;
  const out: WriteStream | NodeJS.WriteStream = flags.out ? createWriteStream(flags.out) : process.stdout;
  const counts = { correct: 0, avoidant: 0, incorrect: 0, committed: 0 };
  try {
    const result = await gradeInputFile(path, {
      avoidanceOnly: flags.avoidanceOnly === true,
      ...(db ? { lookupItem: (id: string) => loadItemById(db, id) } : {}),
      onGraded: async (row) => {
        counts[row.grade.outcome]++;
        if (!out.write(`${JSON.stringify(outputRow(row))}\n`)) await once(out, 'drain');
      },
      onError: (e: RowError) => process.stderr.write(`${path}:${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}\n`),
    });
    const tally = flags.avoidanceOnly ? `${counts.avoidant} avoidant, ${counts.committed} committed` : `${counts.correct} correct, ${counts.avoidant} avoidant, ${counts.incorrect} incorrect`;
    process.stderr.write(`graded ${result.graded} rows (${tally})${result.errors ? `; ${result.errors} bad rows skipped (listed above)` : ''}\n`);
    if (result.errors > 0) process.exitCode = 1;
  } finally {
    if (flags.out) await new Promise<void>((resolve) => (out as WriteStream).end(resolve));
    db?.close();
  }
}

function outputRow(row: GradedRow): Record<string, unknown> {
  const g = row.grade;
  return {
    line: row.line, id: row.id, item_id: row.itemId, domain: row.domain, outcome: g.outcome, avoidance: g.avoidance ?? null,
    extracted: g.extracted, rule_id: g.ruleId, grader_version: g.graderVersion, rationale: g.rationale,
  };
}
