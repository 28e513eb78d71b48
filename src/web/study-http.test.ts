import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy } from '../store/sqlite/studies-repo.js';
import { loadSupervisionJudgements, RESPONSE_COLUMNS } from '../store/sqlite/study-results.js';
import { servedDemo, type ServedDemo } from './test-support/served-demo.js';

let demo: ServedDemo;
let studyId: string;
let tokens: string[];

beforeAll(async () => {
  demo = await servedDemo({ perDomain: 12 });
  const created = createStudy(demo.db, { kind: 'S2', title: 'Exports', runId: demo.runId, perParticipant: 4, attentionChecks: 1, participants: 2, sampling: { seed: 'x', perBin: 1 } });
  studyId = created.study.id;
  tokens = created.links.map((l) => l.token);
  for (const token of tokens) {
    for (let i = 0; i < 5; i++) {
      const html = await (await demo.get(`/p/${token}/item`, 'anonymous')).text();
      const position = /name="position" value="(\d+)"/.exec(html)?.[1];
      const instructed = /choose “([^”]+)”/.exec(html)?.[1];
      const verdict = { Correct: 'correct', Incorrect: 'incorrect', 'No real answer': 'avoidant', 'Not sure': 'unsure' }[instructed ?? 'Incorrect'];
      const r = await demo.post(`/p/${token}/answer`, new URLSearchParams({ position: position ?? '', verdict: verdict ?? '' }), { as: 'anonymous' });
      expect(r.status).toBe(303);
    }
  }
});
afterAll(async () => demo.close());

describe('study exports and organiser actions over HTTP', () => {
  it('exports one study\'s responses as CSV and JSONL, attention checks flagged', async () => {
    const csv = await demo.get(`/studies/${studyId}/responses.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${studyId}-responses.csv"`);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(RESPONSE_COLUMNS.join(','));
    expect(lines).toHaveLength(11);
    const jsonl = (await (await demo.get(`/studies/${studyId}/responses.jsonl`)).text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl).toHaveLength(10);
    expect(Object.keys(jsonl[0]!)).toEqual([...RESPONSE_COLUMNS]);
    expect(jsonl.filter((r) => r['attention_check'] === true)).toHaveLength(2);
    expect(jsonl.every((r) => r['attention_passed'] === true && r['participant_finished'] === true)).toBe(true);
  });

  it('exports the analysis-ready S2 judgements and S1 ratings', async () => {
    const judgements = (await (await demo.get(`/exports/s2-judgements.jsonl?run=${demo.runId}`)).text()).trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(judgements).toEqual(JSON.parse(JSON.stringify(loadSupervisionJudgements(demo.db, demo.runId))));
    expect(judgements).toHaveLength(8);
    const csv = await (await demo.get('/exports/s2-judgements.csv')).text();
    expect(csv.split('\r\n')[0]).toBe('modelKey,domain,itemId,templateId,sample,difficulty,bin,outcome,verdict');
    expect(await (await demo.get('/exports/s1-ratings.csv')).text()).toBe('domain,itemId,chosenValue,rating\r\n');
  });

  it('adds links, and closing the study stops participants', async () => {
    const added = await demo.post(`/studies/${studyId}/links`, 'count=2');
    expect(added.status).toBe(201);
    const fresh = [...(await added.text()).matchAll(/href="\/p\/([A-Za-z0-9_-]{32})"/g)].map((m) => m[1] as string);
    expect(new Set(fresh).size).toBe(2);
    expect((await demo.get(`/p/${fresh[0]}/item`, 'anonymous')).status).toBe(200);
    expect((await demo.post(`/studies/${studyId}/status`, 'status=closed')).status).toBe(303);
    expect((await demo.get(`/p/${fresh[0]}/item`, 'anonymous')).status).toBe(410);
    const position = /name="position" value="(\d+)"/.exec(await (await demo.get(`/p/${fresh[1]}`, 'anonymous')).text());
    expect(position).toBeNull();
    expect((await demo.post(`/p/${fresh[1]}/answer`, 'position=0&verdict=correct', { as: 'anonymous' })).status).toBe(410);
    const page = await (await demo.get(`/studies/${studyId}`)).text();
    expect(page).toContain('Reopen the study');
    expect(page).toContain('8 judgements from participants who passed the attention checks.');
  });
});
