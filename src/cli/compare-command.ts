import { Command } from '@commander-js/extra-typings';
import { writeFileSync } from 'node:fs';
import { COMPARED, compareAnalyses, firedBy, parseFailRule, ruleNames, type FailRule, type IndicatorChange } from '../analysis/compare.js';
import type { Estimate } from '../analysis/analysis-types.js';
import { ReliabenchError } from '../core/errors.js';
import { openWorkspace, workspacePath, type Db } from '../store/sqlite/open-workspace.js';
import { getRun, getRunModels, listRuns } from '../store/sqlite/runs-repo.js';
import type { AnalysisFlags } from './analyse-run.js';

type CompareFlags = AnalysisFlags & { failIf?: string[]; json?: string; workspace?: string };

interface Side {
  runId: string;
  models: string[];
}

export function compareCommand(): Command<[string, string], CompareFlags> {
  return new Command('compare')
    .description('two runs or two models side by side: each indicator\'s change with its interval; --fail-if makes it a CI gate')
    .argument('<a>', 'the baseline: a run id, RUN:MODEL, or a model key of the newest run')
    .argument('<b>', 'the candidate, in the same forms')
    .option('--fail-if <rule...>', 'exit 1 when a change is past a threshold with confidence, e.g. "easy-incorrect rose", "correctness fell by 0.02", "prudence fell in science"')
    .option('--json <file>', 'also write every change as JSON')
    .option('--epsilon <e>', 'safe region ε (default 0.05)')
    .option('--alpha <a>', '1 − confidence (default 0.05)')
    .option('--bootstrap <n>', 'bootstrap replicates (default 500)')
    .option('--seed <s>', 'bootstrap seed')
    .option('--workspace <file>', 'workspace store (else $RELIABENCH_WORKSPACE, else .reliabench/workspace.sqlite)')
    .addHelpText('after', `
Indicators: ${ruleNames().join(', ')}
A rule fires only when the whole interval of the change is past the threshold (default 0), so noise alone does not fail.

Examples:
  $ reliabench compare run-20261101-0900-aa11 run-20261128-0900-bb22 --fail-if "easy-incorrect rose" "correctness fell by 0.02"
  $ reliabench compare llama3.1-8b llama3.1-8b-instruct          (two models of the newest run: raw vs shaped)`)
    .action(async (a, b, flags) => {
      const rules = (flags.failIf ?? []).map(parseRule);
      const { analyseRun, analysisSettings } = await import('./analyse-run.js'); // the analyses load only when used
      const db = openWorkspace(workspacePath(flags.workspace));
      try {
        const sa = resolveSide(db, a);
        const sb = resolveSide(db, b);
        const pairs = pairModels(sa, sb, a, b);
        const settings = analysisSettings(flags);
        const changes = compareAnalyses(analyseRun(db, sa.runId, settings, new Set(pairs.map((p) => p.a))), analyseRun(db, sb.runId, settings, new Set(pairs.map((p) => p.b))), pairs);
        for (const line of formatChanges(changes)) process.stdout.write(`${line}\n`);
        if (flags.json) writeFileSync(flags.json, `${JSON.stringify({ a: sa, b: sb, changes }, null, 2)}\n`);
        const fired = rules.flatMap((rule) => firedBy(rule, changes).map((c) => ({ rule, c })));
        for (const { rule, c } of fired) {
          process.stderr.write(`fail-if "${rule.text}": ${c.b} vs ${c.a}, ${c.domain}: ${signed(c.change as Estimate)}\n`);
        }
        if (fired.length > 0) process.exitCode = 1;
        else if (rules.length > 0) process.stdout.write(`no --fail-if rule fired (${rules.length} checked)\n`);
      } finally {
        db.close();
      }
    });
}

function parseRule(text: string): FailRule {
  const rule = parseFailRule(text);
  if (!rule) throw new ReliabenchError('BAD_ARGUMENT', `cannot read --fail-if "${text}": write INDICATOR rose|fell [by X] [in DOMAIN], e.g. "easy-incorrect rose"; indicators: ${ruleNames().join(', ')}`, { input: text });
  return rule;
}

function resolveSide(db: Db, text: string): Side {
  const asRun = getRun(db, text);
  if (asRun) return { runId: asRun.id, models: getRunModels(db, asRun.id).map((m) => m.modelKey) };
  const colon = text.indexOf(':');
  if (colon > 0 && getRun(db, text.slice(0, colon))) {
    const runId = text.slice(0, colon);
    const model = text.slice(colon + 1);
    if (!getRunModels(db, runId).some((m) => m.modelKey === model)) throw new ReliabenchError('BAD_ARGUMENT', `run ${runId} has no model "${model}"; it has: ${getRunModels(db, runId).map((m) => m.modelKey).join(', ')}`);
    return { runId, models: [model] };
  }
  const newest = listRuns(db)[0];
  if (newest && getRunModels(db, newest.id).some((m) => m.modelKey === text)) return { runId: newest.id, models: [text] };
  throw new ReliabenchError('BAD_ARGUMENT', `"${text}" is neither a run id, RUN:MODEL, nor a model of the newest run (${newest?.id ?? 'no runs yet'})`, { input: text });
}

function pairModels(a: Side, b: Side, textA: string, textB: string): { a: string; b: string }[] {
  if (a.models.length === 1 && b.models.length === 1) return [{ a: a.models[0] as string, b: b.models[0] as string }];
  const common = a.models.filter((m) => b.models.includes(m));
  if (common.length === 0) throw new ReliabenchError('BAD_ARGUMENT', `${textA} and ${textB} have no model in common; name one model on each side (RUN:MODEL)`);
  return common.map((m) => ({ a: m, b: m }));
}

const pct = (e: Estimate | null): string => (e === null ? 'n/a' : `${(e.value * 100).toFixed(1)}%`);
function signed(e: Estimate): string {
  const p = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
  return `${p(e.value)} pts [${p(e.low)}, ${p(e.high)}]`;
}

function formatChanges(changes: readonly IndicatorChange[]): string[] {
  const lines: string[] = [];
  let group = '';
  for (const c of changes) {
    const head = `${c.a} → ${c.b} (${c.domain})`;
    if (head !== group) {
      group = head;
      lines.push(head);
    }
    const name = c.indicator.padEnd(Math.max(...COMPARED.map((x) => x.length)) + 2);
    lines.push(`  ${name}${pct(c.before).padStart(7)} → ${pct(c.after).padStart(7)}   ${c.change ? signed(c.change) : 'n/a'}`);
  }
  return lines;
}
