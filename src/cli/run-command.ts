import { Command } from '@commander-js/extra-typings';
import { DOMAIN_NAMES, type DomainName } from '../core/item.js';
import { ReliabenchError } from '../core/errors.js';
import { allDomains, parseDomainList } from '../domains/registry.js';
import { ensureItems } from '../generate/ensure-items.js';
import type { GenerateEvent } from '../generate/generate-items.js';
import { checkpointInBackground } from '../store/sqlite/background-checkpoints.js';
import { openWorkspace, workspacePath, type Db } from '../store/sqlite/open-workspace.js';
import { canonicalJson } from '../core/hash.js';
import { getRun, getRunModels, listRuns, newRunId } from '../store/sqlite/runs-repo.js';
import { buildPlan } from '../engine/plan.js';
import { executeRun } from '../engine/executor.js';
import { runModelRecord } from '../engine/run-record.js';
import type { ModelEntry, PlanFilter, RunSummary } from '../engine/run-types.js';
import { findConfig, loadConfig } from '../config/load-config.js';
import type { Config, ModelConfig } from '../config/config-schema.js';
import { buildModelEntries } from '../config/model-entries.js';
import { createGgufAdapter, DEFAULT_MODEL, DEFAULT_MODEL_SPEC } from '../models/gguf/index.js';
import type { GgufSpec } from '../models/model-spec.js';
import { parsePositiveInt, parseSeed } from './parse-options.js';
import { parseDifficultyRange, parseNumberInRange, parseQueueFlags } from './parse-run-options.js';
import { createProgressReporter } from './progress.js';
import { createRunProgress, duration } from './run-progress.js';
import { gradeRunWithProgress, gradeSummaryLine } from './grade-command.js';
import { writeReport } from './report-command.js';

type RunFlags = {
  model?: string[];
  config?: string;
  domains?: string;
  perDomain?: string;
  seed?: string;
  scienceData?: string;
  templates?: string;
  difficulty?: string;
  limit?: string;
  samples?: string;
  temperature?: string;
  maxTokens?: string;
  concurrency?: string;
  timeout?: string;
  resume?: string;
  retryErrors?: true;
  workspace?: string;
  quiet?: true;
  report?: boolean;
  queue?: string;
  rateLimit?: string;
};

export function runCommand(): Command<[], RunFlags> {
  return new Command('run')
    .description('the whole job: generate items if needed, ask the model(s) every item through every template, store and grade every trial')
    .option('--model <spec...>', `model spec(s); default: ${DEFAULT_MODEL.name}, in-process`)
    .option('--config <file>', 'config file (default: reliabench.config.{ts,json,yaml} here)')
    .option('--domains <list>', `domains to generate and run (${DOMAIN_NAMES.join(', ')})`)
    .option('--per-domain <n>', 'items per domain (default 10)')
    .option('--seed <s>', 'item seed (default 1)')
    .option('--science-data <dir>', 'folder with the ARC and MMLU CSV files')
    .option('--templates <ids>', 'only these template ids, comma-separated (e.g. addition-01,addition-07)')
    .option('--difficulty <min-max>', 'only items whose calibrated difficulty is in this 0–100 range, e.g. 0-40')
    .option('--limit <n>', 'at most n items per domain')
    .option('--samples <n>', 'samples per prompt (default 1)')
    .option('--temperature <t>', 'sampling temperature (default 0)')
    .option('--max-tokens <n>', 'max tokens per answer, every domain (default per domain)')
    .option('--concurrency <n>', 'fixed requests in flight per model (default: adaptive)')
    .option('--timeout <seconds>', 'per-request timeout')
    .option('--resume <run>', 'continue this run (the same command again also resumes the last unfinished run)')
    .option('--retry-errors', 'when resuming, ask again the trials stored as errors')
    .option('--workspace <file>', 'workspace store (else $RELIABENCH_WORKSPACE, else .reliabench/workspace.sqlite)')
    .option('--quiet', 'print only the summary')
    .option('--no-report', 'stop after grading (default: also write reliabench-report/<run>/, as `reliabench report` does)')
    .option('--queue <redis-url>', 'enqueue the trials on Redis for `reliabench worker` processes (any machines) instead of asking here; see docs/queue.md')
    .option('--rate-limit <n>', 'with --queue: at most n requests per second to each model, over all workers')
    .addHelpText('after', `
Model specs:
  openai:gpt-4o-mini                              OPENAI_API_KEY
  anthropic:claude-3-5-sonnet-latest              ANTHROPIC_API_KEY
  ollama:llama3.2                                 OLLAMA_HOST (default http://127.0.0.1:11434)
  openai-compatible:http://127.0.0.1:8000/v1#my-model   vLLM, llama.cpp server, LM Studio
  gguf:./model.gguf   gguf:hf:<user>/<repo>/<file>.gguf   in-process (node-llama-cpp)
  replay:./responses.jsonl                        grade answers produced elsewhere
  Append ?mode=completion for raw (base) models.

Examples:
  $ reliabench run --model gguf:./stories260K.gguf --per-domain 2 --templates addition-01,anagram-01
  $ reliabench run --model openai:gpt-4o-mini --model anthropic:claude-3-5-haiku-latest --per-domain 50
  $ reliabench run --resume run-20261128-101500-ab12

Ctrl+C stops after the requests in flight (run the same command again to continue); twice aborts them.`)
    .action(async (flags) => {
      await runAction(flags);
    });
}

async function runAction(flags: RunFlags): Promise<void> {
  const configPath = findConfig(flags.config);
  const config: Config = configPath ? await loadConfig(configPath) : {};
  const domains = flags.domains ? parseDomainList(flags.domains) : (config.generate?.domains ?? [...DOMAIN_NAMES]);
  const perDomain = flags.perDomain ? parsePositiveInt(flags.perDomain, '--per-domain') : (config.generate?.perDomain ?? 10);
  const seed = flags.seed ? parseSeed(flags.seed) : String(config.generate?.seed ?? 1);
  const filter = planFilter(flags, config);
  const overrides = {
    ...(flags.samples ? { samples: parsePositiveInt(flags.samples, '--samples') } : {}),
    ...(flags.temperature ? { temperature: parseNumberInRange(flags.temperature, '--temperature', 0, 2) } : {}),
    ...(flags.maxTokens ? { maxTokens: parsePositiveInt(flags.maxTokens, '--max-tokens') } : {}),
    ...(flags.concurrency ? { concurrency: parsePositiveInt(flags.concurrency, '--concurrency') } : {}),
    ...(flags.timeout ? { timeoutMs: Math.round(parseNumberInRange(flags.timeout, '--timeout', 0.001, 86_400) * 1000) } : {}),
  };
  const modelConfigs: ModelConfig[] = flags.model?.length ? flags.model.map((spec) => ({ spec })) : (config.models?.length ? config.models : [{ spec: DEFAULT_MODEL_SPEC }]);
  const log = (line: string): void => {
    if (!flags.quiet) process.stderr.write(`${line}\n`);
  };
  const queue = parseQueueFlags(flags);
  // --queue: workers ask the trials, this process records them. BullMQ and Redis load only then.
  const execute = queue ? (await import('../queue/queued-executor.js')).queuedExecutor(queue, log) : executeRun;

  const db = openWorkspace(workspacePath(flags.workspace ?? config.workspace));
  // The run commits many small transactions; copying the WAL into the store happens off its thread.
  const checkpoints = checkpointInBackground(db);
  let models: ModelEntry[] = [];
  try {
    const scienceDataPath = flags.scienceData ?? config.scienceData;
    // As in `generate`: asked for no domains in particular and no science path given, an offline
    // machine still runs the other four domains, with a warning, instead of failing.
    const scienceOptional = !flags.domains && !config.generate?.domains && !scienceDataPath && !process.env['RELIABENCH_SCIENCE_DATA'];
    const stored = await ensureItems(db, {
      domains, perDomain, seed, ...(scienceDataPath ? { scienceDataPath } : {}), ...(scienceOptional ? { bestEffort: ['science'] as const } : {}),
    }, generateProgress(log));
    for (const s of stored.skipped) process.stderr.write(`warning: ${s.domain} skipped: ${s.reason}\n`);
    log(stored.generated ? `generated ${stored.items.length} items (item set ${stored.setId})` : `using ${stored.items.length} stored items (item set ${stored.setId})`);

    const download = createProgressReporter();
    models = await buildModelEntries(modelConfigs, overrides, {
      factories: { gguf: (spec: GgufSpec) => createGgufAdapter(spec, { onProgress: (p) => download.update(p.stage, p.done, p.total) }) },
      ...(config.prices ? { prices: config.prices } : {}),
    });
    download.stop();

    const templates = Object.fromEntries(allDomains().filter((d) => domains.includes(d.name)).map((d) => [d.name, d.templates]));
    const plan = buildPlan({ items: stored.items, templates, models: models.map((m) => ({ key: m.key, samples: m.samples, adapter: m.adapter })), filter });
    if (flags.resume && !getRun(db, flags.resume)) {
      throw new ReliabenchError('BAD_ARGUMENT', `no run "${flags.resume}" in ${db.name}; list runs with: sqlite3 ${db.name} "select id, status from runs"`, { input: flags.resume });
    }
    const runId = flags.resume ?? unfinishedRun(db, stored.setId, filter, models) ?? newRunId();
    log(`run ${runId}: ${plan.total} trials (${plan.items.length} items × templates × ${models.length} model${models.length === 1 ? '' : 's'})`);

    const { stop, abort, detach } = interruptSignals(log);
    try {
      const summary = await execute(db, {
        runId, models, trials: plan, itemSetId: stored.setId, filter,
        config: { domains, perDomain, seed, models: models.map((m) => m.spec) },
        stop, signal: abort,
        ...(flags.retryErrors ? { retryErrors: true } : {}),
        onEvent: flags.quiet ? () => {} : createRunProgress(),
      });
      process.stdout.write(`${summaryLine(summary)}\n`);
      // Grading is fast and local, so every run ends graded, even a stopped one (resume grades the rest).
      const graded = gradeRunWithProgress(db, runId, { quiet: flags.quiet === true });
      process.stdout.write(`${gradeSummaryLine(graded)}\n`);
      if (flags.report !== false && summary.answered > 0) process.stdout.write(`${(await writeReport(db, runId, {})).line}\n`);
      if (summary.status === 'failed') process.exitCode = 1;
      if (summary.status === 'stopped') process.exitCode = 130;
    } finally {
      detach();
    }
  } finally {
    await Promise.allSettled(models.map((m) => m.adapter.close?.()));
    const { failure } = await checkpoints.stop();
    if (failure !== undefined) log(`note: background checkpoints stopped early (${failure}); the store checkpointed by itself instead`);
    db.close();
  }
}

/**
 * "Running again continues": the newest run that did not complete, over the same items, filter and
 * model keys, is resumed rather than started afresh.
 */
function unfinishedRun(db: Db, itemSetId: string, filter: PlanFilter, models: readonly ModelEntry[]): string | undefined {
  const run = listRuns(db).find((r) => r.itemSetId === itemSetId && canonicalJson(r.filter) === canonicalJson(filter));
  if (!run || run.status === 'completed') return undefined;
  // Only the same models with the same settings continue a run; anything else starts a new one.
  const identity = (m: { modelKey: string; spec: string; mode: string; settings: unknown; samples: number }) =>
    canonicalJson({ key: m.modelKey, spec: m.spec, mode: m.mode, settings: m.settings, samples: m.samples });
  const stored = getRunModels(db, run.id).map(identity).sort();
  const wanted = models.map((m) => identity(runModelRecord(m))).sort();
  return canonicalJson(stored) === canonicalJson(wanted) ? run.id : undefined;
}

function planFilter(flags: RunFlags, config: Config): PlanFilter {
  const fromConfig = config.filter ?? {};
  const templateIds = flags.templates ? flags.templates.split(',').map((s) => s.trim()).filter(Boolean) : fromConfig.templates;
  const difficulty = flags.difficulty ? parseDifficultyRange(flags.difficulty) : fromConfig.difficulty;
  const limit = flags.limit ? parsePositiveInt(flags.limit, '--limit') : fromConfig.limitPerDomain;
  return {
    ...(fromConfig.domains ? { domains: fromConfig.domains as DomainName[] } : {}),
    ...(templateIds ? { templateIds } : {}),
    ...(difficulty ? { difficulty } : {}),
    ...(limit ? { limitPerDomain: limit } : {}),
  };
}

function generateProgress(log: (line: string) => void): (e: GenerateEvent) => void {
  const bar = createProgressReporter();
  return (e) => {
    if (e.type === 'domain-progress') bar.update(`${e.domain}: ${e.progress.stage}`, e.progress.done, e.progress.total);
    if (e.type === 'domain-done') {
      bar.stop();
      log(`${e.domain}: ${e.produced} items in ${(e.ms / 1000).toFixed(1)} s`);
    }
  };
}

/** First Ctrl+C: finish the requests in flight and stop. Second: abort them. */
function interruptSignals(log: (line: string) => void): { stop: AbortSignal; abort: AbortSignal; detach: () => void } {
  const stop = new AbortController();
  const abort = new AbortController();
  const onSigint = (): void => {
    if (!stop.signal.aborted) {
      log('\nstopping after the requests in flight (Ctrl+C again to abort them); run the same command to continue');
      stop.abort();
    } else {
      abort.abort(new Error('interrupted'));
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  return { stop: stop.signal, abort: abort.signal, detach: () => { process.off('SIGINT', onSigint); process.off('SIGTERM', onSigint); } };
}

function summaryLine(s: RunSummary): string {
  const cost = s.costUsd > 0 ? `, $${s.costUsd.toFixed(4)}` : '';
  const unpriced = s.unpriced.length > 0 ? ` (no price for ${s.unpriced.join(', ')})` : '';
  const reason = s.reason ? `: ${s.reason}` : '';
  return `run ${s.runId} ${s.status}${reason} — ${s.done}/${s.total} trials (${s.answered} answered, ${s.errors} errors, ${s.cached} from cache), ` +
    `${s.inputTokens + s.outputTokens} tokens${cost}${unpriced}, ${s.sessionRequests} requests in ${duration(s.durationMs / 1000)}`;
}
