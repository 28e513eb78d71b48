import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoWorkspace, type DemoWorkspace } from '../../web/test-support/demo-workspace.js';
import { overrideGrade } from './overrides-repo.js';
import { createStudy, getStudy, listStudies, setStudyStatus, type NewStudy } from './studies-repo.js';
import { recordAnswer, showCurrentItem, type ShownItem } from './study-answers.js';
import type { AttentionCheck } from './study-attention.js';
import { toCsv, toJsonl } from './study-export.js';
import { addParticipants, findParticipant, joinOpenLink } from './study-participants.js';
import { loadDifficultyRatings, loadSupervisionJudgements, participantProgress, RESPONSE_COLUMNS, studyResponseRows } from './study-results.js';

const S2: NewStudy = {
  kind: 'S2', title: 'Can people spot wrong sums?', runId: 'run-20261128-101500-demo', perParticipant: 6, attentionChecks: 1, participants: 3,
  sampling: { seed: 'study-test', perBin: 2, wrongShare: 0.5 },
};

let shared: Promise<DemoWorkspace> | undefined;
const demo = (): Promise<DemoWorkspace> => (shared ??= demoWorkspace());
const fresh = (): Promise<DemoWorkspace> => demoWorkspace();

/** Answers everything a participant is shown: attention checks as instructed (unless `missChecks`), the rest by `pick`. */
function answerAll(w: DemoWorkspace, token: string, pick: (item: ShownItem) => 'correct' | 'incorrect' | 'unsure', missChecks = false, at = new Date('2026-11-28T12:00:00Z')): number {
  const p = findParticipant(w.db, token);
  if (!p) throw new Error('no participant');
  let n = 0;
  for (let item = showCurrentItem(w.db, p.participantId, at); item; item = showCurrentItem(w.db, p.participantId, at)) {
    const check = item.attention ? (w.db.prepare('SELECT attention_json FROM study_assignments WHERE participant_id = ? AND position = ?').pluck()
      .get(p.participantId, item.position) as string) : undefined;
    const expected = check ? (JSON.parse(check) as AttentionCheck).expected : undefined;
    const verdict = expected !== undefined ? (missChecks ? (expected === 'correct' ? 'incorrect' : 'correct') : expected) : pick(item);
    at = new Date(at.getTime() + 4_000);
    expect(recordAnswer(w.db, p.participantId, item.position, { verdict: verdict as 'correct' }, at)).toBe('ok');
    n++;
  }
  return n;
}

describe('S2 studies', () => {
  it('samples a pool stratified over difficulty bins, with wrong answers oversampled and no item twice', async () => {
    const w = await fresh();
    const { study, links } = createStudy(w.db, S2, new Date('2026-11-28T11:00:00Z'));
    expect(study).toMatchObject({ kind: 'S2', status: 'open', runId: w.runId, perParticipant: 6, attentionChecks: 1 });
    const pool = w.db.prepare('SELECT si.domain, si.bin, si.item_id, f.outcome FROM study_items si JOIN trial_facets f ON f.run_id = ? AND f.model_key = si.model_key AND f.item_id = si.item_id AND f.template_id = si.template_id AND f.sample = si.sample WHERE si.study_id = ?')
      .all(w.runId, study.id) as { domain: string; bin: number; item_id: string; outcome: string }[];
    const strata = new Map<string, number>();
    for (const p of pool) strata.set(`${p.domain}:${p.bin}`, (strata.get(`${p.domain}:${p.bin}`) ?? 0) + 1);
    const expectedStrata = w.db.prepare("SELECT COUNT(DISTINCT domain || ':' || bin) FROM trial_facets WHERE run_id = ? AND outcome IN ('correct','avoidant','incorrect')").pluck().get(w.runId);
    expect(strata.size).toBe(expectedStrata);
    expect(Math.max(...strata.values())).toBeLessThanOrEqual(2);
    expect(new Set(pool.map((p) => p.item_id)).size).toBe(pool.length);
    expect(pool.every((p) => ['correct', 'avoidant', 'incorrect'].includes(p.outcome))).toBe(true);
    expect(pool.filter((p) => p.outcome === 'incorrect').length).toBeGreaterThanOrEqual(Math.floor(pool.length / 3));
    expect(links).toHaveLength(3);
    expect(links.every((l) => /^[A-Za-z0-9_-]{32}$/.test(l.token))).toBe(true);
    const file = readFileSync(w.path).toString('latin1') + readFileSync(`${w.path}-wal`).toString('latin1');
    for (const l of links) expect(file.includes(l.token)).toBe(false);
    expect(participantProgress(w.db, study.id).map((p) => [p.label, p.total])).toEqual([['P1', 7], ['P2', 7], ['P3', 7]]);
    expect(listStudies(w.db).map((s) => s.id)).toContain(study.id);
  });

  it('shows one item at a time, resumes where a participant stopped, refuses a second or out-of-turn answer, and times each item', async () => {
    const w = await demo();
    const { study, links } = createStudy(w.db, { ...S2, participants: 2 });
    const a = findParticipant(w.db, (links[0] as { token: string }).token)!;
    const first = showCurrentItem(w.db, a.participantId, new Date('2026-11-28T12:00:00Z'))!;
    expect(recordAnswer(w.db, a.participantId, first.position + 1, { verdict: 'correct' })).toBe('not-current');
    expect(recordAnswer(w.db, a.participantId, first.position, { rating: 50 })).toBe('invalid-answer');
    expect(recordAnswer(w.db, a.participantId, first.position, { verdict: 'unsure' }, new Date('2026-11-28T12:00:07Z'))).toBe('ok');
    expect(recordAnswer(w.db, a.participantId, first.position, { verdict: 'correct' })).toBe('already-answered');
    expect(recordAnswer(w.db, a.participantId, 99, { verdict: 'correct' })).toBe('unknown-position');
    const second = showCurrentItem(w.db, a.participantId)!;
    expect(second.position).toBe(first.position + 1);
    expect(showCurrentItem(w.db, a.participantId)!.position).toBe(second.position); // a reload or a resume shows the same item
    expect(findParticipant(w.db, (links[0] as { token: string }).token)).toMatchObject({ answered: 1, total: 7 });
    expect(w.db.prepare('SELECT ms FROM study_responses WHERE participant_id = ?').pluck().all(a.participantId)).toEqual([7000]);
    expect(findParticipant(w.db, (links[1] as { token: string }).token)).toMatchObject({ answered: 0 });
    expect(findParticipant(w.db, 'A'.repeat(32))).toBeUndefined();
    expect(findParticipant(w.db, "' OR 1=1 --")).toBeUndefined();
    setStudyStatus(w.db, study.id, 'closed');
    expect(recordAnswer(w.db, a.participantId, second.position, { verdict: 'correct' })).toBe('closed');
    expect(getStudy(w.db, study.id)?.status).toBe('closed');
  });

  it('feeds judgements with the effective grade, item bin and verdict to the supervision analysis; attention failures are left out', async () => {
    const w = await fresh();
    const { study, links } = createStudy(w.db, S2);
    const tokens = links.map((l) => l.token);
    answerAll(w, tokens[0]!, () => 'correct');
    answerAll(w, tokens[1]!, () => 'incorrect');
    answerAll(w, tokens[2]!, () => 'correct', true);
    const judgements = loadSupervisionJudgements(w.db, w.runId);
    expect(judgements).toHaveLength(12);
    expect(judgements.filter((j) => j.verdict === 'correct')).toHaveLength(6);
    const j = judgements[0]!;
    const truth = w.db.prepare('SELECT i.bin, i.calibrated, e.outcome FROM items i JOIN effective_grades e ON e.item_id = i.id WHERE e.run_id = ? AND e.model_key = ? AND i.id = ? AND e.template_id = ?')
      .get(w.runId, j.modelKey, j.itemId, j.templateId) as { bin: number; calibrated: number; outcome: string };
    expect(j).toMatchObject({ bin: truth.bin, difficulty: truth.calibrated, outcome: truth.outcome });
    expect(loadSupervisionJudgements(w.db, w.runId, { includeFailedAttention: true })).toHaveLength(18);
    expect(loadSupervisionJudgements(w.db, 'another-run')).toHaveLength(0);
    overrideGrade(w.db, { runId: w.runId, modelKey: j.modelKey, itemId: j.itemId, templateId: j.templateId, sample: j.sample },
      { who: 'ana', reason: 'checked by hand', outcome: j.outcome === 'incorrect' ? 'correct' : 'incorrect' });
    expect(loadSupervisionJudgements(w.db, w.runId)[0]!.outcome).not.toBe(j.outcome);
    const rows = studyResponseRows(w.db, study.id);
    expect(rows).toHaveLength(21);
    expect(rows.filter((r) => r.attention_check)).toHaveLength(3);
    expect(rows.filter((r) => !r.attention_passed).map((r) => r.participant)).toEqual(Array(7).fill('P3'));
    expect(rows.every((r) => r.participant_finished && r.ms === 4000)).toBe(true);
  });
});

describe('S1 studies and open links', () => {
  it('collects ratings with the chosen raw difficulty, through an open link with a cap', async () => {
    const w = await demo();
    const { study, links, openToken } = createStudy(w.db, { kind: 'S1', title: 'How hard is this?', perParticipant: 4, attentionChecks: 1, participants: 0, openCap: 2, sampling: { seed: 's1', perBin: 1, domains: ['anagram'] } });
    expect(links).toHaveLength(0);
    const joined = [joinOpenLink(w.db, openToken!), joinOpenLink(w.db, openToken!)];
    expect(joinOpenLink(w.db, openToken!)).toBe('full');
    expect(joinOpenLink(w.db, 'x'.repeat(32))).toBe('unknown');
    for (const j of joined) {
      const p = findParticipant(w.db, (j as { token: string }).token)!;
      expect(p).toMatchObject({ kind: 'S1', studyId: study.id, total: 5 });
      for (let item = showCurrentItem(w.db, p.participantId); item; item = showCurrentItem(w.db, p.participantId)) {
        if (item.kind === 'S1' && !item.attention) expect(Object.keys(item.input).length).toBeGreaterThan(0);
        const rating = item.attention ? Number(/“Very hard”/.test(item.prompt) ? 100 : 0) : 75;
        expect(recordAnswer(w.db, p.participantId, item.position, { rating })).toBe('ok');
      }
    }
    const ratings = loadDifficultyRatings(w.db).filter((r) => w.db.prepare('SELECT 1 FROM study_items WHERE study_id = ? AND item_id = ?').get(study.id, r.itemId));
    expect(ratings).toHaveLength(8);
    const item = w.items.find((i) => i.id === ratings[0]!.itemId)!;
    expect(ratings[0]).toEqual({ domain: 'anagram', itemId: item.id, chosenValue: item.difficulty.values[item.difficulty.chosen], rating: 75 });
    setStudyStatus(w.db, study.id, 'closed');
    expect(joinOpenLink(w.db, openToken!)).toBe('closed');
    expect(addParticipants(w.db, study.id, 1)).toHaveLength(1);
  });

  it('refuses a study without links, without a run (S2), or with nothing to sample', async () => {
    const w = await demo();
    expect(() => createStudy(w.db, { ...S2, participants: 0 })).toThrow(/links/);
    expect(() => createStudy(w.db, { ...S2, runId: undefined })).toThrow(/run/);
    expect(() => createStudy(w.db, { ...S2, runId: 'no-such-run' })).toThrow(/no graded answers/);
    expect(() => createStudy(w.db, { ...S2, title: '  ' })).toThrow(/title/);
    expect(() => createStudy(w.db, { ...S2, perParticipant: 0 })).toThrow(/per participant/);
  });
});

describe('study exports', () => {
  it('writes CSV (quoted, formula-safe) and JSONL with the same columns', () => {
    const rows = [{ a: 'x,y', b: 1.5, c: '=HYPERLINK("http://evil")', d: null }, { a: 'line\nbreak', b: 0, c: 'plain', d: true }];
    const columns = ['a', 'b', 'c', 'd'] as const;
    expect(toCsv(columns as unknown as (keyof (typeof rows)[number] & string)[], rows)).toBe(
      'a,b,c,d\r\n"x,y",1.5,"\'=HYPERLINK(""http://evil"")",\r\n"line\nbreak",0,plain,true\r\n');
    const lines = toJsonl(columns as unknown as (keyof (typeof rows)[number] & string)[], rows).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ a: 'x,y', b: 1.5, c: '=HYPERLINK("http://evil")', d: null });
    expect(RESPONSE_COLUMNS).toContain('verdict');
  });
});
