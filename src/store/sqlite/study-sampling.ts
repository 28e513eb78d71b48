import { Rng } from '../../core/rng.js';
import type { Db } from './open-workspace.js';

/**
 * Stratified sampling of a study's pool over difficulty bins: within each (domain, bin) stratum, up
 * to `perBin` entries drawn uniformly at random (seeded), strata in domain and bin order. S2 draws
 * graded answers of a run and takes `wrongShare` of each stratum from incorrect answers where there
 * are enough (the supervision analysis is about wrong answers; the rest keep participants from
 * learning that every answer is wrong), and never two trials of the same item in one pool.
 */
export interface PoolEntry {
  itemId: string;
  domain: string;
  bin: number;
  modelKey?: string;
  templateId?: string;
  sample?: number;
}

interface Stratum {
  domain: string;
  bin: number;
}

export function sampleS2Pool(
  db: Db,
  options: { runId: string; seed: string; perBin: number; domains?: readonly string[]; models?: readonly string[]; wrongShare?: number },
): PoolEntry[] {
  const strata = db.prepare(`SELECT DISTINCT domain, bin FROM trial_counts WHERE run_id = ? AND n > 0 AND bin >= 0
      AND outcome IN ('correct', 'avoidant', 'incorrect') ORDER BY domain, bin`).all(options.runId) as Stratum[];
  const models = options.models && options.models.length > 0 ? options.models : undefined;
  const trials = db.prepare(`SELECT model_key AS modelKey, item_id AS itemId, template_id AS templateId, sample, outcome
    FROM trial_facets WHERE run_id = ? AND model_key = ? AND domain = ? AND bin = ? AND outcome IN ('correct', 'avoidant', 'incorrect') ORDER BY id`);
  const runModels = models ?? (db.prepare('SELECT DISTINCT model_key FROM trial_counts WHERE run_id = ? ORDER BY model_key').pluck().all(options.runId) as string[]);
  const wrongWanted = Math.round(options.perBin * (options.wrongShare ?? 0.5));
  const pool: PoolEntry[] = [];
  for (const s of strata.filter((x) => !options.domains || options.domains.length === 0 || options.domains.includes(x.domain))) {
    const rows = runModels.flatMap((m) => trials.all(options.runId, m, s.domain, s.bin) as (Required<PoolEntry> & { outcome: string })[]);
    const rng = Rng.fromSeed(options.seed, `s2:${s.domain}:${s.bin}`);
    const wrong = rng.shuffle(rows.filter((r) => r.outcome === 'incorrect'));
    const other = rng.shuffle(rows.filter((r) => r.outcome !== 'incorrect'));
    const items = new Set<string>();
    const take = (from: typeof rows, count: number): void => {
      for (const r of from) {
        if (count <= 0) return;
        if (items.has(r.itemId)) continue;
        items.add(r.itemId);
        pool.push({ itemId: r.itemId, domain: s.domain, bin: s.bin, modelKey: r.modelKey, templateId: r.templateId, sample: r.sample });
        count--;
      }
    };
    const before = pool.length;
    take(wrong, wrongWanted);
    take(other, options.perBin - (pool.length - before));
    take(wrong, options.perBin - (pool.length - before));
  }
  return pool;
}

export function sampleS1Pool(db: Db, options: { seed: string; perBin: number; domains?: readonly string[]; itemsOfRun?: string }): PoolEntry[] {
  const rows = (options.itemsOfRun
    ? db.prepare(`SELECT id AS itemId, domain, bin FROM items WHERE id IN (SELECT DISTINCT item_id FROM trial_facets WHERE run_id = ?) ORDER BY domain, bin, id`).all(options.itemsOfRun)
    : db.prepare('SELECT id AS itemId, domain, bin FROM items ORDER BY domain, bin, id').all()) as PoolEntry[];
  const strata = new Map<string, PoolEntry[]>();
  for (const r of rows) {
    if (options.domains && options.domains.length > 0 && !options.domains.includes(r.domain)) continue;
    const key = `${r.domain}:${r.bin}`;
    const list = strata.get(key);
    if (list === undefined) strata.set(key, [r]);
    else list.push(r);
  }
  const pool: PoolEntry[] = [];
  for (const [key, list] of strata) pool.push(...Rng.fromSeed(options.seed, `s1:${key}`).shuffle(list).slice(0, options.perBin));
  return pool;
}
