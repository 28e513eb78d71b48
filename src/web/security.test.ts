import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy } from '../store/sqlite/studies-repo.js';
import { findParticipant } from '../store/sqlite/study-participants.js';
import { goldText, XSS_PAYLOAD } from './test-support/demo-workspace.js';
import { document } from './views/layout.js';
import { ItemPage } from './views/participant-pages.js';
import { ADMIN_TOKEN, loginCookie, servedDemo, type ServedDemo } from './test-support/served-demo.js';

let demo: ServedDemo;
let tokens: string[];
let studyId: string;

beforeAll(async () => {
  demo = await servedDemo();
  const created = createStudy(demo.db, {
    kind: 'S2', title: 'Security', runId: demo.runId, perParticipant: 5, attentionChecks: 1, participants: 2, sampling: { seed: 'sec', perBin: 2, wrongShare: 1, domains: ['addition'] },
  });
  tokens = created.links.map((l) => l.token);
  studyId = created.study.id;
});
afterAll(async () => demo.close());

const count = (sql: string): number => demo.db.prepare(sql).pluck().get() as number;
const currentPosition = async (token: string): Promise<number> => Number(/name="position" value="(\d+)"/.exec(await (await demo.get(`/p/${token}/item`, 'anonymous')).text())?.[1]);

describe('serve security', () => {
  it('binds to 127.0.0.1 by default and is not reachable on other interfaces', async () => {
    expect(demo.server.host).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) await expect(fetch(`http://${external.address}:${demo.server.port}/login`)).rejects.toThrow();
    const rebound = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: demo.server.port, path: '/login', headers: { Host: `evil.example:${demo.server.port}` } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(rebound).toBe(421);
  });

  it('refuses every organiser route without the admin token', async () => {
    const item = demo.xssTrial;
    const routes = ['/', `/runs/${demo.runId}`, `/runs/${demo.runId}/trials`, `/runs/${demo.runId}/trial?model=${item.modelKey}&item=${item.itemId}&template=${item.templateId}&sample=0`,
      '/studies', '/studies/new?kind=S2', `/studies/${studyId}`, `/studies/${studyId}/responses.csv`, '/exports/s2-judgements.jsonl', '/exports/s1-ratings.csv'];
    for (const path of routes) {
      expect((await demo.get(path, 'anonymous')).status, path).toBe(401);
      expect((await fetch(`${demo.url}${path}`, { headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status, path).toBe(401);
      expect((await demo.get(path, { cookie: 'rb_admin=forged' })).status, path).toBe(401);
      expect((await fetch(`${demo.url}${path}`, { headers: { Authorization: `Bearer ${tokens[0]}` } })).status, path).toBe(401);
      expect((await demo.get(path)).status, path).toBe(200);
    }
    const override = new URLSearchParams({ model: item.modelKey, item: item.itemId, template: item.templateId, sample: '0', outcome: 'correct', who: 'x', reason: 'y' });
    expect((await demo.post(`/runs/${demo.runId}/trial/override`, override, { as: 'anonymous' })).status).toBe(401);
    expect((await demo.post('/studies', 'kind=S1&title=x', { as: 'anonymous' })).status).toBe(401);
    expect(count('SELECT COUNT(*) FROM grade_overrides')).toBe(0);
    const headers = (await demo.get('/login', 'anonymous')).headers;
    expect(headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('same-origin');
  });

  it('logs in with an HttpOnly SameSite=Strict cookie; cookie posts need the CSRF token and a same-origin Origin', async () => {
    const bad = await demo.post('/login', new URLSearchParams({ token: 'nope' }), { as: 'anonymous' });
    expect(bad.status).toBe(401);
    const login = await demo.post('/login', new URLSearchParams({ token: ADMIN_TOKEN, next: '//evil.example/x' }), { as: 'anonymous' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    const { cookie, csrf } = await loginCookie(demo);
    expect(csrf.length).toBeGreaterThan(20);
    const status = (extra: Record<string, string>, headers: Record<string, string> = {}) =>
      demo.post(`/studies/${studyId}/status`, new URLSearchParams({ status: 'closed', ...extra }), { as: { cookie }, headers }).then((r) => r.status);
    expect(await status({})).toBe(403);
    expect(await status({ _csrf: 'x'.repeat(32) })).toBe(403);
    expect(await status({ _csrf: csrf }, { Origin: 'http://evil.example' })).toBe(403);
    expect(await status({ _csrf: csrf }, { 'Sec-Fetch-Site': 'cross-site' })).toBe(403);
    expect(count(`SELECT COUNT(*) FROM studies WHERE status = 'closed'`)).toBe(0);
    expect(await status({ status: 'open', _csrf: csrf }, { Origin: demo.url })).toBe(303);
  });

  it('keeps each participant to their own session', async () => {
    const [a, b] = tokens as [string, string];
    const bPosition = await currentPosition(b);
    const aPosition = await currentPosition(a);
    const answer = await demo.post(`/p/${a}/answer`, new URLSearchParams({ position: String(aPosition), verdict: 'unsure' }), { as: 'anonymous' });
    expect(answer.status).toBe(303);
    expect(findParticipant(demo.db, a)?.answered).toBe(1);
    expect(findParticipant(demo.db, b)?.answered).toBe(0);
    expect(await currentPosition(b)).toBe(bPosition);
    // Another participant's position in your own URL answers only your own sequence, and only its current item.
    expect((await demo.post(`/p/${a}/answer`, new URLSearchParams({ position: String(aPosition), verdict: 'correct' }), { as: 'anonymous' })).status).toBe(409);
    expect(findParticipant(demo.db, b)?.answered).toBe(0);
    for (const forged of [`${b.slice(0, -1)}${b.endsWith('A') ? 'B' : 'A'}`, 'x', '../studies', `${a}${b}`]) {
      expect((await demo.get(`/p/${encodeURIComponent(forged)}/item`, 'anonymous')).status).toBe(404);
      expect((await demo.post(`/p/${encodeURIComponent(forged)}/answer`, 'position=0&verdict=correct', { as: 'anonymous' })).status).toBe(404);
    }
    const html = await (await demo.get(`/p/${a}`, 'anonymous')).text();
    expect(html).not.toContain(b);
    // The other participant's label: looked for outside the own token, which is random and may hold "P2".
    expect(html.replaceAll(a, '<own token>')).not.toContain('P2');
  });

  it('answers malformed or oversized posts with a 4xx and changes nothing', async () => {
    const [a] = tokens as [string];
    const position = String(await currentPosition(a));
    const before = { responses: count('SELECT COUNT(*) FROM study_responses'), studies: count('SELECT COUNT(*) FROM studies'), overrides: count('SELECT COUNT(*) FROM grade_overrides') };
    const item = demo.xssTrial;
    const posts: [string, string, string | undefined, number][] = [
      [`/p/${a}/answer`, 'position=abc&verdict=correct', undefined, 400],
      [`/p/${a}/answer`, `position=${position}&verdict=maybe`, undefined, 400],
      [`/p/${a}/answer`, `position=${position}&verdict=correct&rating=50`, undefined, 400],
      [`/p/${a}/answer`, `position=${position}`, undefined, 400],
      [`/p/${a}/answer`, '%%%&&&=', undefined, 400],
      [`/p/${a}/answer`, JSON.stringify({ position, verdict: 'correct' }), 'application/json', 415],
      [`/p/${a}/answer`, `position=${position}&verdict=correct&pad=${'x'.repeat(40_000)}`, undefined, 413],
      ['/studies', 'kind=S9&title=x', undefined, 400],
      ['/studies', 'kind=S2&title=x&perBin=-3', undefined, 400],
      ['/studies', `kind=S2&title=x&run=${demo.runId}&perBin=2&wrongShare=0.5&perParticipant=2&attentionChecks=0&participants=1&seed=${'s'.repeat(20_000)}`, undefined, 413],
      [`/runs/${demo.runId}/trial/override`, new URLSearchParams({ model: item.modelKey, item: item.itemId, template: item.templateId, sample: '0', outcome: 'correct', who: 'ana', reason: '' }).toString(), undefined, 400],
      [`/runs/${demo.runId}/trial/override`, new URLSearchParams({ model: item.modelKey, item: item.itemId, template: item.templateId, sample: '0', outcome: 'avoidant:bored', who: 'ana', reason: 'r' }).toString(), undefined, 400],
      [`/runs/${demo.runId}/trial/override`, 'model=x', undefined, 400],
      [`/studies/${studyId}/links`, 'count=100000', undefined, 400],
    ];
    for (const [path, body, type, expected] of posts) {
      const r = await demo.post(path, body, { ...(type ? { type } : {}), as: path.startsWith('/p/') ? 'anonymous' : 'admin' });
      expect(r.status, `${path} ${body.slice(0, 60)}`).toBe(expected);
    }
    expect({ responses: count('SELECT COUNT(*) FROM study_responses'), studies: count('SELECT COUNT(*) FROM studies'), overrides: count('SELECT COUNT(*) FROM grade_overrides') }).toEqual(before);
    expect(await currentPosition(a)).toBe(Number(position));
  });

  it('escapes a model answer with script and HTML on the participant page too', () => {
    const session = { participantId: 1, studyId: 's', kind: 'S2' as const, title: '<i>t</i>', studyStatus: 'open' as const, label: 'P1', answered: 0, total: 1 };
    const html = document(ItemPage({ token: 't'.repeat(32), session, item: { position: 0, kind: 'S2', attention: false, prompt: 'What is 1 + 1?', answer: XSS_PAYLOAD }, question: 'What is 1 + 1?' }));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b id="injected">');
    expect(html).not.toContain('<i>t</i>');
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
  });

  it('never puts the gold answer of a wrong model answer into a participant page (addition sums)', async () => {
    const [, b] = tokens as [string, string];
    const pool = demo.db.prepare(`SELECT si.item_id FROM study_items si JOIN trial_facets f ON f.run_id = ? AND f.model_key = si.model_key AND f.item_id = si.item_id
      AND f.template_id = si.template_id AND f.sample = si.sample WHERE si.study_id = ? AND f.outcome = 'incorrect'`).pluck().all(demo.runId, studyId) as string[];
    expect(pool.length).toBeGreaterThan(0);
    const golds = pool.map((id) => goldText(demo.items.find((i) => i.id === id)!));
    const pages: string[] = [];
    for (let i = 0; i < 6; i++) {
      const html = await (await demo.get(`/p/${b}/item`, 'anonymous')).text();
      pages.push(html);
      const position = /name="position" value="(\d+)"/.exec(html)?.[1];
      if (position === undefined) break;
      await demo.post(`/p/${b}/answer`, new URLSearchParams({ position, verdict: 'incorrect' }), { as: 'anonymous' });
    }
    expect(pages.filter((p) => p.includes('model-answer')).length).toBeGreaterThan(3);
    for (const gold of golds) for (const page of pages) expect(page.includes(gold), gold).toBe(false);
  });
});
