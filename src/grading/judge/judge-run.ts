/**
 * Grades a stored run with an LLM judge (rubric.ts) through any model adapter. Judge grades are
 * stored beside the rule grades (grader = 'judge'); the rule grade is never touched. Judge answers go
 * through the workspace's response cache, so judging the same trials again costs no requests.
 * Retryable errors (429, 5xx, timeouts) are retried with backoff; a trial the judge cannot grade
 * (an error after the retries, or a reply without a VERDICT line) is counted and left ungraded, so
 * running the command again tries it again.
 */
import type { Item } from '../../core/item.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from '../../engine/backoff.js';
import { ModelError, type ModelAdapter, type GenerationSettings } from '../../models/model-adapter.js';
import { GradesRepo, type GradeRecord, type TrialRef, type UngradedTrial } from '../../store/sqlite/grades-repo.js';
import { loadRunItems } from '../../store/sqlite/items-repo.js';
import type { Db } from '../../store/sqlite/open-workspace.js';
import { ResponseCache, responseCacheKey } from '../../store/sqlite/response-cache.js';
import { agreementOf, type Agreement } from './agreement.js';
import { buildJudgePrompt, goldText, JUDGE_RUBRIC_VERSION, parseVerdict } from './rubric.js';

export interface JudgeRunOptions {
  /** The spec as typed (stored with each judge grade; never contains a key). */
  spec: string;
  concurrency?: number;
  maxRetries?: number;
  timeoutMs?: number;
  backoff?: BackoffOptions;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface JudgeRunSummary {
  judged: number;
  fromCache: number;
  requests: number;
  /** Trials left ungraded: the judge erred after retries or gave no verdict. */
  failed: number;
  firstFailure: string | null;
  /** Rule vs judge on every trial of the run that has both grades. */
  agreement: Agreement;
}

const SETTINGS: GenerationSettings = { temperature: 0, maxTokens: 200 };

export async function judgeRun(db: Db, runId: string, judge: ModelAdapter, options: JudgeRunOptions): Promise<JudgeRunSummary> {
  const repo = new GradesRepo(db);
  const cache = new ResponseCache(db);
  const items = loadRunItems(db, runId);
  const summary = { judged: 0, fromCache: 0, requests: 0, failed: 0, firstFailure: null as string | null };
  const pending = collectPending(repo, runId);
  const total = pending.length;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length && !options.signal?.aborted) {
      const trial = pending[next++] as UngradedTrial;
      const item = items.get(trial.itemId);
      const result = item === undefined ? { error: `no stored item ${trial.itemId}` } : await judgeOne(trial, item, judge, cache, options, summary);
      if ('grade' in result) {
        repo.save(result.grade);
        summary.judged++;
      } else {
        summary.failed++;
        summary.firstFailure ??= result.error;
      }
      options.onProgress?.(summary.judged + summary.failed, total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  return { ...summary, agreement: runAgreement(repo, runId) };
}

/** Every answered trial still without a judge grade of this rubric version (read fully before writing). */
function collectPending(repo: GradesRepo, runId: string): UngradedTrial[] {
  const out: UngradedTrial[] = [];
  let after: TrialRef | undefined;
  for (;;) {
    const page = repo.ungradedPage(runId, 'judge', { unlessVersion: JUDGE_RUBRIC_VERSION, limit: 5_000, ...(after ? { after } : {}) });
    if (page.length === 0) return out;
    out.push(...page);
    after = page[page.length - 1];
  }
}

type JudgeResult = { grade: GradeRecord } | { error: string };

async function judgeOne(trial: UngradedTrial, item: Item, judge: ModelAdapter, cache: ResponseCache, options: JudgeRunOptions,
  counts: { fromCache: number; requests: number }): Promise<JudgeResult> {
  const prompt = buildJudgePrompt(trial.prompt, goldText(item), trial.text);
  const parts = { provider: judge.provider, modelId: judge.modelId, mode: judge.mode, settings: SETTINGS, prompt, sampleIndex: 0, scope: JUDGE_RUBRIC_VERSION };
  const key = responseCacheKey(parts);
  let text = cache.get(key)?.text;
  if (text !== undefined) counts.fromCache++;
  else {
    const answer = await ask(judge, prompt, options, counts);
    if ('error' in answer) return answer;
    text = answer.text;
  }
  const verdict = parseVerdict(text);
  if (verdict === null) return { error: `the judge's reply has no VERDICT line: "${text.slice(0, 80).replace(/\s+/g, ' ')}"` };
  if (!cache.get(key)) cache.put(key, parts, { text, finishReason: 'stop', inputTokens: null, outputTokens: null, latencyMs: 0, warnings: [], raw: null });
  return {
    grade: {
      runId: trial.runId, modelKey: trial.modelKey, itemId: trial.itemId, templateId: trial.templateId, sample: trial.sample,
      grader: 'judge', outcome: verdict.outcome, avoidance: verdict.avoidance, extracted: null, ruleId: JUDGE_RUBRIC_VERSION,
      graderVersion: JUDGE_RUBRIC_VERSION, rationale: verdict.rationale, judgeSpec: options.spec, createdAt: new Date().toISOString(),
    },
  };
}

async function ask(judge: ModelAdapter, prompt: string, options: JudgeRunOptions, counts: { requests: number }): Promise<{ text: string } | { error: string }> {
  const maxRetries = options.maxRetries ?? 4;
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 120_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      counts.requests++;
      return { text: (await judge.generate({ prompt, settings: SETTINGS, sampleIndex: 0 }, signal)).text };
    } catch (error) {
      const retryable = error instanceof ModelError ? error.retryable : false;
      // Adapters redact keys from their own messages (models/redact.ts), so the message is safe to show.
      const message = error instanceof Error ? error.message : String(error);
      if (!retryable || attempt >= maxRetries || options.signal?.aborted) return { error: `judge request failed: ${message}` };
      const wait = error instanceof ModelError && error.retryAfterMs !== undefined ? error.retryAfterMs : backoffDelay(attempt + 1, options.backoff ?? DEFAULT_BACKOFF);
      if (!(await sleep(wait, options.signal))) return { error: 'judging was stopped' };
    }
  }
}

/** Rule vs judge over the trials that have both (current rubric version only). */
export function runAgreement(repo: GradesRepo, runId: string): Agreement {
  const rule = new Map<string, GradeRecord['outcome']>();
  for (const g of repo.iterate(runId, 'rule')) rule.set(`${g.modelKey}\t${g.itemId}\t${g.templateId}\t${g.sample}`, g.outcome);
  const pairs: { rule: GradeRecord['outcome']; judge: GradeRecord['outcome'] }[] = [];
  for (const g of repo.iterate(runId, 'judge')) {
    const r = rule.get(`${g.modelKey}\t${g.itemId}\t${g.templateId}\t${g.sample}`);
    if (r !== undefined && g.graderVersion === JUDGE_RUBRIC_VERSION) pairs.push({ rule: r, judge: g.outcome });
  }
  return agreementOf(pairs);
}
