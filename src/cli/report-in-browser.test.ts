/**
 * Reports built the way users build them — from a real run of the tiny GGUF model through the CLI,
 * and from the real analyses of a simulated 8-model run — opened in Debian's chromium from file://:
 * no network requests, no console or page errors, every section present, screenshots taken.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../analysis/analyse.js';
import { simulate, type SimulatedRespondent } from '../analysis/simulate.js';
import { DOMAIN_NAMES } from '../core/item.js';
import { buildReport } from '../report/build-report.js';
import { SECTIONS } from '../report/html/page.js';
import { REPO_ROOT } from '../test-support/paths.js';
import { runCliAsync } from '../test-support/run-cli.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TINY_MODEL = resolve(REPO_ROOT, 'examples/models/stories260K.gguf');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => browser?.close());

async function openAndCheck(indexHtml: string, shotDir: string): Promise<{ problems: string[]; foreign: string[]; text: string }> {
  const page = await (await browser.newContext({ viewport: { width: 1300, height: 1000 } })).newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => { problems.push(`dialog ${d.message()}`); void d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(indexHtml).href;
  await page.goto(url, { waitUntil: 'load' });
  for (const [id] of SECTIONS) {
    const section = page.locator(`#${id}`);
    expect(await section.count(), `section #${id}`).toBe(1);
    await section.screenshot({ path: join(shotDir, `${id}.png`) });
  }
  const text = await page.locator('body').innerText();
  await page.context().close();
  return { problems, foreign: requests.filter((r) => r !== url), text };
}

describe('reports in the browser', () => {
  it('from a real run of the tiny GGUF model', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rb-real-report-'));
    const r = await runCliAsync(['run', '--model', `gguf:${TINY_MODEL}`, '--domains', 'addition,anagram', '--per-domain', '3',
      '--templates', 'addition-01,addition-02,anagram-01,anagram-02', '--max-tokens', '24', '--workspace', 'ws.sqlite', '--quiet'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const dir = join(cwd, 'reliabench-report', readdirSync(join(cwd, 'reliabench-report'))[0] as string);
    const { problems, foreign, text } = await openAndCheck(join(dir, 'index.html'), cwd);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    expect(text).toMatch(/stories260K/);
    expect(statSync(join(cwd, 'difficulty.png')).size).toBeGreaterThan(5_000);
  }, 240_000);

  it('from the analyses of a simulated 8-model run', async () => {
    const specs: SimulatedRespondent[] = Array.from({ length: 8 }, (_, m) => DOMAIN_NAMES.map((domain) => ({
      modelKey: `sim-${m + 1}${m % 2 ? '-chat' : ''}`, domain, items: 60, templates: 5, midpoint: 30 + m * 6, scale: 8,
      avoidance: { easiest: m % 2 ? 0.1 : 0.4, hardest: m % 2 ? 0.2 : 0.6 }, templateOffsets: [0, 0, -1.5, 0, 0],
    }))).flat();
    const analysis = analyse(simulate(specs, 'browser'), {
      epsilon: 0.05, alpha: 0.05, bootstrapSamples: 50, seed: 's',
      metadata: Object.fromEntries(specs.map((s, i) => [s.modelKey, { family: 'sim', sizeB: 2 ** (i % 8), shaping: s.modelKey.endsWith('-chat') ? 'shaped' as const : 'raw' as const }])),
    });
    const out = mkdtempSync(join(tmpdir(), 'rb-sim-report-'));
    await buildReport({ title: 'simulated 8 models', runIds: ['sim'], createdAt: '2026-11-28T00:00:00.000Z', analysis, examples: [] }, out, { png: false });
    const { problems, foreign, text } = await openAndCheck(join(out, 'index.html'), out);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    expect(analysis.models).toHaveLength(8);
    for (let m = 1; m <= 8; m++) expect(text).toContain(`sim-${m}`);
  }, 240_000);
});
