/**
 * Grades a stored run with the rule grader: every answered trial without a rule grade of the current
 * grader version gets one, written in batches (one transaction each), so an interrupted grading
 * resumes where it stopped and a new grader version re-grades only what it must. Human overrides
 * are kept: they sit on top of the rule grade (store/sqlite/overrides-repo.ts).
 */
import type { Item } from '../core/item.js';
import { ReliabenchError } from '../core/errors.js';
import { FacetSync } from '../store/sqlite/facet-sync.js';
import { GradesRepo, type GradeRecord, type TrialRef, type UngradedTrial } from '../store/sqlite/grades-repo.js';
import { loadRunItems } from '../store/sqlite/items-repo.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { grade } from './grade.js';
import { GRADER_VERSION } from './version.js';

export interface GradeRunOptions {
  /** Re-grade trials that already have a rule grade of this version too. */
  regrade?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface GradeRunSummary {
  runId: string;
  graded: number;
  correct: number;
  avoidant: number;
  incorrect: number;
  /** True when a signal stopped grading before the end (run it again to finish). */
  stopped: boolean;
}

export function gradeRun(db: Db, runId: string, options: GradeRunOptions = {}): GradeRunSummary {
  const repo = new GradesRepo(db);
  const facets = new FacetSync(db);
  // Grades reach the viewer's facets in bulk, in the transaction that stores them; trials a crashed
  // run left without facets get theirs first.
  const save = db.transaction((records: readonly GradeRecord[]) => {
    const mark = facets.gradeMark();
    repo.saveMany(records);
    facets.applyRuleGradesAfter(mark);
  });
  db.transaction(() => facets.addMissing(runId))();
  if (options.regrade) db.prepare("DELETE FROM grades WHERE run_id = ? AND grader = 'rule'").run(runId);
  const items = loadRunItems(db, runId);
  const total = countToGrade(db, runId);
  const batchSize = options.batchSize ?? 5_000;
  const now = options.now ?? (() => new Date());
  const summary: GradeRunSummary = { runId, graded: 0, correct: 0, avoidant: 0, incorrect: 0, stopped: false };
  let after: TrialRef | undefined;
  for (;;) {
    if (options.signal?.aborted) return { ...summary, stopped: true };
    const page = repo.ungradedPage(runId, 'rule', { unlessVersion: GRADER_VERSION, limit: batchSize, ...(after ? { after } : {}) });
    if (page.length === 0) break;
    const createdAt = now().toISOString();
    const records = page.map((t) => gradeTrial(t, itemFor(items, t), createdAt));
    save(records);
    for (const r of records) summary[r.outcome]++;
    summary.graded += records.length;
    options.onProgress?.(summary.graded, total);
    after = page[page.length - 1];
  }
  return summary;
}

function gradeTrial(t: UngradedTrial, item: Item, createdAt: string): GradeRecord {
  const g = grade({ item, response: t.text, prompt: t.prompt, mode: t.mode });
  return {
    runId: t.runId, modelKey: t.modelKey, itemId: t.itemId, templateId: t.templateId, sample: t.sample,
    grader: 'rule', outcome: g.outcome, avoidance: g.avoidance ?? null, extracted: g.extracted, ruleId: g.ruleId,
    graderVersion: g.graderVersion, rationale: g.rationale, judgeSpec: null, createdAt,
  };
}

function itemFor(items: ReadonlyMap<string, Item>, t: UngradedTrial): Item {
  const item = items.get(t.itemId);
  if (item === undefined) {
    throw new ReliabenchError('STORE_ERROR', `trial of item ${t.itemId} (run ${t.runId}) has no stored item; the workspace is damaged or the item was deleted`, { input: t.itemId });
  }
  return item;
}

function countToGrade(db: Db, runId: string): number {
  const row = db.prepare(`SELECT COUNT(*) AS n FROM trials t LEFT JOIN grades g ON g.run_id = t.run_id AND g.model_key = t.model_key
      AND g.item_id = t.item_id AND g.template_id = t.template_id AND g.sample = t.sample AND g.grader = 'rule'
    WHERE t.run_id = ? AND t.status = 'answered' AND (g.run_id IS NULL OR g.grader_version <> ?)`).get(runId, GRADER_VERSION) as { n: number };
  return row.n;
}
