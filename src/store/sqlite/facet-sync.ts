import type { Db } from './open-workspace.js';

/**
 * Keeps the viewer's `trial_facets` and `trial_counts` (migration-4.ts) in step with the two writes a
 * run makes by the thousand: new trials and new rule grades. Those are applied in bulk, one statement
 * per batch, rather than by a trigger per row (migration 5 dropped those triggers). Storing a trial and
 * its rule grade with the facets kept cost 82 µs more than without them by triggers, and 33 µs more
 * this way (BENCHMARKS.md, serve section). Every other change (a trial's status, a grade changed in
 * place, an override, a deletion) is rare and still kept in step by the remaining triggers.
 *
 * Writers call these inside their own transaction, so facets and the rows they describe commit
 * together. Facets may lag the trials by one sync interval while a run is going (trial-recorder.ts),
 * and after a crash until `addMissingFacets` runs (a resumed run, `grade`, `serve`).
 */

/** A trial's facet columns from the trial, its item and its effective grade (the newest override, else the rule grade). */
const FACET_ROWS = `
  SELECT t.run_id, t.model_key, t.item_id, t.template_id, t.sample, COALESCE(i.domain, 'unknown'), COALESCE(i.bin, -1),
    CASE WHEN t.status = 'error' THEN 'error' ELSE COALESCE(e.outcome, 'ungraded') END,
    CASE WHEN t.status = 'error' THEN '' ELSE COALESCE(e.avoidance, '') END
  FROM trials t LEFT JOIN items i ON i.id = t.item_id
    LEFT JOIN effective_grades e ON e.run_id = t.run_id AND e.model_key = t.model_key AND e.item_id = t.item_id
      AND e.template_id = t.template_id AND e.sample = t.sample`;

const INSERT_FACETS = `INSERT INTO trial_facets (run_id, model_key, item_id, template_id, sample, domain, bin, outcome, avoidance)`;
const SKIP_EXISTING = 'ON CONFLICT DO NOTHING';

/** Counts the facets with id above a mark (the ones just inserted) into their cells. */
const COUNT_NEW_FACETS = `INSERT INTO trial_counts
  SELECT run_id, model_key, domain, bin, outcome, avoidance, COUNT(*) FROM trial_facets WHERE id > ?
  GROUP BY run_id, model_key, domain, bin, outcome, avoidance
  ON CONFLICT DO UPDATE SET n = n + excluded.n`;

/**
 * Prepared statements for one connection. `addAfter(mark)` adds the facets of trials stored after
 * `mark` (a trials rowid: new rows get higher ones) and returns the new mark; trials that already
 * have a facet are skipped, so overlapping marks (two runs writing to one workspace) are harmless.
 */
export class FacetSync {
  private readonly maxFacet;
  private readonly insertAfter;
  private readonly insertMissing;
  private readonly countNew;
  private readonly maxTrial;
  private readonly maxGrade;
  private readonly applyGrades;

  constructor(db: Db) {
    this.maxFacet = db.prepare('SELECT COALESCE(MAX(id), 0) FROM trial_facets').pluck();
    this.maxTrial = db.prepare('SELECT COALESCE(MAX(rowid), 0) FROM trials').pluck();
    this.maxGrade = db.prepare('SELECT COALESCE(MAX(rowid), 0) FROM grades').pluck();
    this.insertAfter = db.prepare(`${INSERT_FACETS} ${FACET_ROWS} WHERE t.rowid > ? ORDER BY t.rowid ${SKIP_EXISTING}`);
    this.insertMissing = db.prepare(`${INSERT_FACETS} ${FACET_ROWS}
      WHERE t.run_id = ? AND NOT EXISTS (SELECT 1 FROM trial_facets f WHERE f.run_id = t.run_id AND f.model_key = t.model_key
        AND f.item_id = t.item_id AND f.template_id = t.template_id AND f.sample = t.sample)
      ORDER BY t.rowid ${SKIP_EXISTING}`);
    this.countNew = db.prepare(COUNT_NEW_FACETS);
    // The effective grade of each rule grade stored after a mark, onto its trial's facet; the count
    // trigger on trial_facets moves each changed facet between cells.
    this.applyGrades = db.prepare(`UPDATE trial_facets AS f SET outcome = n.outcome, avoidance = n.avoidance
      FROM (SELECT g.run_id, g.model_key, g.item_id, g.template_id, g.sample, COALESCE(o.after_outcome, g.outcome) AS outcome,
              COALESCE(CASE WHEN o.id IS NULL THEN g.avoidance ELSE o.after_avoidance END, '') AS avoidance
            FROM grades g LEFT JOIN grade_overrides o ON o.id = (SELECT MAX(id) FROM grade_overrides x WHERE x.run_id = g.run_id
              AND x.model_key = g.model_key AND x.item_id = g.item_id AND x.template_id = g.template_id AND x.sample = g.sample)
            WHERE g.rowid > ? AND g.grader = 'rule') AS n
      WHERE f.run_id = n.run_id AND f.model_key = n.model_key AND f.item_id = n.item_id AND f.template_id = n.template_id
        AND f.sample = n.sample AND f.outcome <> 'error' AND (f.outcome <> n.outcome OR f.avoidance <> n.avoidance)`);
  }

  /** The highest trials rowid: trials stored from now on are after it. */
  trialMark(): number {
    return this.maxTrial.get() as number;
  }

  /** The highest grades rowid: grades stored from now on are after it. */
  gradeMark(): number {
    return this.maxGrade.get() as number;
  }

  /** Adds the facets of trials stored after `mark`; returns the highest trials rowid now (the next mark). */
  addAfter(mark: number): number {
    const before = this.maxFacet.get() as number;
    this.insertAfter.run(mark);
    this.countNew.run(before);
    return this.trialMark();
  }

  /** Adds the facets a run's trials lack (after a crash between a commit and its sync); returns how many. */
  addMissing(runId: string): number {
    const before = this.maxFacet.get() as number;
    const added = this.insertMissing.run(runId).changes;
    if (added > 0) this.countNew.run(before);
    return added;
  }

  /** Applies the rule grades stored after `gradeMark` (a grades rowid) to their trials' facets. */
  applyRuleGradesAfter(gradeMark: number): void {
    this.applyGrades.run(gradeMark);
  }
}

/**
 * Adds the facets that runs not marked completed lack: a run killed between committing trials and
 * adding their facets shows all its trials in the viewer once this has run (`serve` runs it at start).
 */
export function addMissingFacetsOfUnfinishedRuns(db: Db): number {
  const sync = new FacetSync(db);
  const runs = db.prepare("SELECT id FROM runs WHERE status <> 'completed' ORDER BY id").pluck().all() as string[];
  return db.transaction(() => runs.reduce((added, runId) => added + sync.addMissing(runId), 0))();
}
