import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { countEffectiveOutcomes } from '../store/sqlite/grades-repo.js';
import { listOverrides } from '../store/sqlite/overrides-repo.js';
import { DESKTOP, guardedPage, launchBrowser, screenshot } from './test-support/browser.js';
import { XSS_PAYLOAD } from './test-support/demo-workspace.js';
import { ADMIN_TOKEN, servedDemo, type ServedDemo } from './test-support/served-demo.js';

let demo: ServedDemo;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  demo = await servedDemo();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: DESKTOP });
  ({ page, problems } = await guardedPage(context));
  await page.goto(`${demo.url}/login#token=${ADMIN_TOKEN}`);
  await page.waitForURL(`${demo.url}/`);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** No script from a model's answer ran and no element from it exists. */
async function expectInert(p: Page): Promise<void> {
  expect(await p.locator('#injected').count()).toBe(0);
  expect(await p.locator('main script, main img, main svg[onload]').count()).toBe(0);
  expect(problems).toEqual([]);
}

describe('results viewer in Chromium', () => {
  it('shows runs and models at a glance and interactive difficulty charts that lead to filtered trials', async () => {
    await expect.poll(() => page.getByRole('link', { name: demo.runId }).count()).toBe(1);
    await screenshot(page, 'viewer-runs');
    await page.getByRole('link', { name: demo.runId }).click();
    const charts = page.locator('.card[data-model]');
    await expect.poll(() => charts.count()).toBe(4); // the click returns before the run page has loaded
    await page.selectOption('#chart-domain', 'anagram');
    await expect.poll(() => page.locator('.card[data-model]:not([hidden])').count()).toBe(2);
    await page.selectOption('#chart-domain', '');
    await page.getByRole('button', { name: 'correct', exact: true }).click();
    expect(await page.locator('.chart.dim-correct').count()).toBe(4);
    await page.getByRole('button', { name: 'correct', exact: true }).click();
    await screenshot(page, 'viewer-run-charts');
    const bar = page.locator('.card[data-model="tiny-chat"][data-domain="addition"] rect.seg-incorrect').first();
    const tip = await page.locator('.card[data-model="tiny-chat"][data-domain="addition"] a:has(rect.seg-incorrect) title').first().textContent();
    expect(tip).toMatch(/^bin \d+ .*: incorrect \d+% \(\d+ of \d+\)$/);
    await bar.hover();
    await expect.poll(() => page.locator('.tooltip:not([hidden])').textContent()).toBe(tip);
    await bar.click();
    await page.waitForURL(/\/trials\?/);
    const n = Number(/\((\d+) of/.exec(tip ?? '')?.[1]);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(n);
    expect(new Set(await page.locator('tbody .badge').allTextContents())).toEqual(new Set(['incorrect']));
    await expectInert(page);
  });

  it('filters, pages and searches trials; model outputs with script and HTML stay inert text', async () => {
    await page.goto(`${demo.url}/runs/${demo.runId}/trials`);
    await page.getByLabel('outcome').selectOption('incorrect');
    await page.waitForURL(/outcome=incorrect/);
    const total = Number((await page.locator('p strong').first().textContent())?.replace(/,/g, ''));
    expect(total).toBe(countEffectiveOutcomes(demo.db, demo.runId).reduce((s, m) => s + m.incorrect, 0));
    await screenshot(page, 'viewer-trials', false);
    await page.goto(`${demo.url}/runs/${demo.runId}/trials`);
    await page.getByRole('link', { name: 'next' }).click();
    await page.waitForURL(/after=/);
    await page.getByRole('link', { name: 'previous' }).click();
    await page.waitForURL(/before=/);
    await page.getByLabel(/text in prompt/).fill('onerror');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=onerror/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody td.snippet').last().textContent()).toContain('<script>alert("xss")</script>');
    await expectInert(page);
    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/\/trial\?/);
    expect(await page.locator('#response').textContent()).toContain(XSS_PAYLOAD);
    await expectInert(page);
    await screenshot(page, 'viewer-trial');
  });

  it('overrides a grade with a name and a reason, audited, and the lists follow', async () => {
    const t = demo.xssTrial;
    await page.goto(`${demo.url}/runs/${demo.runId}/trial?model=${t.modelKey}&item=${t.itemId}&template=${t.templateId}&sample=0`);
    const before = countEffectiveOutcomes(demo.db, demo.runId).find((m) => m.modelKey === t.modelKey)!;
    await page.getByLabel('new grade').selectOption('avoidant:refusal');
    await page.getByLabel('your name').fill('Ana <b>Reviewer</b>');
    await page.getByLabel('reason').fill('the payload is not an answer');
    await page.getByRole('button', { name: 'Save override' }).click();
    await page.waitForURL(/overridden=1/);
    expect(await page.getByRole('status').textContent()).toBe('Override saved.');
    expect(await page.locator('table').last().textContent()).toContain('Ana <b>Reviewer</b>');
    const audit = listOverrides(demo.db, demo.runId);
    expect(audit).toMatchObject([{ who: 'Ana <b>Reviewer</b>', reason: 'the payload is not an answer', after: { outcome: 'avoidant', avoidance: 'refusal' } }]);
    const after = countEffectiveOutcomes(demo.db, demo.runId).find((m) => m.modelKey === t.modelKey)!;
    expect(after.avoidant).toBe(before.avoidant + 1);
    await page.goto(`${demo.url}/runs/${demo.runId}/trials?avoidance=refusal`);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await expectInert(page);
  });
});
