/**
 * Opens the built report in Debian's chromium from file://, as a reader would: no network, no
 * errors, no dialogs, hostile model output visible as text and never as elements, every section
 * present, the filter working with script and everything visible without it. Screenshots of each
 * section stay in SHOT_DIR for people to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { SECTIONS } from './html/page.js';
import { sampleReportInput, XSS_MODEL_KEY, XSS_PROMPT, XSS_RATIONALE, XSS_RESPONSE } from './test-support/sample-input.js';

const SHOT_DIR = join(tmpdir(), 'reliabench-report-screenshots');
const SHOT_HEIGHT = 2400;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let outDir: string;
let url: string;

interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
}

async function open(javaScriptEnabled: boolean, height = 1000): Promise<Watched> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1300, height } });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, problems };
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'rb-report-browser-'));
  await buildReport(sampleReportInput({ models: 8 }), outDir);
  url = pathToFileURL(join(outDir, 'index.html')).href;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  rmSync(SHOT_DIR, { recursive: true, force: true });
  mkdirSync(SHOT_DIR, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function pngSize(file: string): { width: number; height: number; bytes: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length };
}

describe('report in chromium (file://)', () => {
  it('loads with no network request, console error, page error or dialog', async () => {
    const { page, requests, problems } = await open(true);
    await page.waitForTimeout(300); // let any late script or image attempt surface
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows hostile model output and keys as text and creates no element from them', async () => {
    const { page, problems } = await open(true);
    const text = (await page.textContent('body')) ?? '';
    for (const payload of [XSS_MODEL_KEY, XSS_PROMPT, XSS_RESPONSE, XSS_RATIONALE]) expect(text).toContain(payload);
    expect(await page.locator('pre.untrusted', { hasText: '<script>alert("prompt")</script>' }).count()).toBeGreaterThan(0);
    expect(await page.locator('h3.model', { hasText: XSS_MODEL_KEY }).count()).toBeGreaterThan(0);
    expect(await page.title()).toBe('Sample reliability report <script>alert("title")</script>');
    expect(await page.locator('img, iframe, object, embed, foreignObject, textarea').count()).toBe(0);
    expect(await page.locator('[onerror], [onload], [onclick]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('b', { hasText: '03' }).count()).toBe(0); // the template id "<b>03</b>"
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('has every section, with its charts, and a screenshot of each', async () => {
    const { page } = await open(true, SHOT_HEIGHT);
    const charts = { overview: 0, indicators: 1, difficulty: 8, prompts: 8, trends: 3, supervision: 2, examples: 0 };
    for (const [id] of SECTIONS) {
      const section = page.locator(`section#${id}`);
      await expect.poll(() => section.count()).toBe(1);
      expect(await section.locator('h2').isVisible()).toBe(true);
      expect(await section.locator('figure.chart svg').count(), id).toBe(charts[id]);
      // Bring the section's top to the viewport's top, then capture at most one 2,400 px viewport of
      // it: enough to judge the layout, and far cheaper than a full-page capture of a long page.
      await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const box = await section.boundingBox();
      if (!box) throw new Error(`section ${id} has no box`);
      const file = join(SHOT_DIR, `${id}.png`);
      await page.screenshot({ path: file, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, SHOT_HEIGHT - box.y) } });
      const shot = pngSize(file);
      expect(shot.width).toBeGreaterThan(600);
      expect(shot.height).toBeGreaterThan(100);
      expect(shot.bytes).toBeGreaterThan(10_000);
    }
    expect(await page.locator('#overview td.none').count()).toBeGreaterThan(0);
    expect(await page.locator('#overview td.safe').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 180_000);

  it('filters by model and by domain with script', async () => {
    const { page, problems } = await open(true);
    expect(await page.locator('#filters').isVisible()).toBe(true);
    await page.selectOption('#filter-model', '7');
    expect(await page.locator('#difficulty .model-block:visible').count()).toBe(1);
    expect(await page.locator('#difficulty .model-block:visible h3').textContent()).toBe(XSS_MODEL_KEY);
    await page.selectOption('#filter-domain', 'science');
    const domains = await page.locator('#examples article.example:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-domain')));
    expect(domains.length).toBeGreaterThan(0);
    expect(new Set(domains)).toEqual(new Set(['science']));
    await page.screenshot({ path: join(SHOT_DIR, 'filtered.png') });
    await page.selectOption('#filter-model', 'all');
    await page.selectOption('#filter-domain', 'all');
    expect(await page.locator('#difficulty .model-block:visible').count()).toBe(8);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows everything without script, and hides only the filter bar', async () => {
    const { page, requests, problems } = await open(false);
    expect(requests).toEqual([url]);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('#difficulty .model-block:visible').count()).toBe(8);
    expect(await page.locator('#examples article.example:visible').count()).toBe(8 * 5 * 2);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
