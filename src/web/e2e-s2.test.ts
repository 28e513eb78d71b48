import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as analysis from '../analysis/index.js';
import type { Analysis } from '../analysis/analysis-types.js';
import { writeReport } from '../cli/report-command.js';
import type { SupervisionJudgement } from '../analysis/analysis-types.js';
import { iterateGradedTrials } from '../store/sqlite/graded-trials.js';
import { loadSupervisionJudgements, studyResponseRows } from '../store/sqlite/study-results.js';
import { DESKTOP, guardedPage, launchBrowser, PHONE, screenshot } from './test-support/browser.js';
import { goldText } from './test-support/demo-workspace.js';
import { participate } from './test-support/participant-driver.js';
import { ADMIN_TOKEN, servedDemo, type ServedDemo } from './test-support/served-demo.js';

let demo: ServedDemo;
let browser: Browser;

beforeAll(async () => {
  demo = await servedDemo();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('S2 study end to end in Chromium', () => {
  it('an organiser creates a study, three participants (one abandoning and resuming) judge, and the supervision analysis sees their judgements', async () => {
    const organiser = await browser.newContext({ viewport: DESKTOP });
    const { page, problems } = await guardedPage(organiser);
    await page.goto(`${demo.url}/login#token=${ADMIN_TOKEN}`);
    await page.waitForURL(`${demo.url}/`);
    await page.getByRole('link', { name: 'Studies' }).click();
    await page.getByRole('link', { name: /New S2 study/ }).click();
    await page.getByLabel('title (participants see it)').fill('Is the model right about sums and anagrams?');
    await page.getByLabel(/answers per difficulty bin/).fill('2');
    await page.getByLabel('items per participant').fill('6');
    await page.getByLabel('attention checks per participant').fill('1');
    await page.getByLabel('participant links to create now').fill('3');
    await page.getByRole('button', { name: 'Create the study' }).click();
    await page.waitForSelector('#participant-links');
    const links = await Promise.all((await page.locator('#participant-links a').all()).map(async (a) => `${demo.url}${await a.getAttribute('href')}`));
    expect(links).toHaveLength(3);
    await screenshot(page, 'study-links');

    let phoneShot = false;
    const p1 = await participate(browser, links[0]!, { choice: 'Correct', input: 'keyboard' });
    const p2a = await participate(browser, links[1]!, { choice: 'Incorrect', input: 'keyboard', stopAfter: 2 });
    const p3 = await participate(browser, links[2]!, {
      choice: 'Not sure', input: 'tap',
      onItem: async (p, n) => {
        if (n === 0 && !phoneShot) {
          phoneShot = true;
          await screenshot(p, 'participant-s2-phone');
        }
      },
    });
    const resumed = await browser.newContext({ viewport: PHONE });
    const { page: back } = await guardedPage(resumed);
    await back.goto(links[1]!);
    await expect.poll(() => back.getByText(/You have answered 2; you can continue where you stopped/).count()).toBe(1);
    await resumed.close();
    const p2b = await participate(browser, links[1]!, { choice: 'Incorrect', input: 'keyboard' });
    expect([p1.answered, p2a.answered + p2b.answered, p3.answered]).toEqual([7, 7, 7]);
    expect([...problems, ...p1.problems, ...p2a.problems, ...p2b.problems, ...p3.problems]).toEqual([]);
    expect(p2b.pages[0]).toContain('Item 3 of 7');

    const rows = studyResponseRows(demo.db, (/\/studies\/(study-[^/"]+)/.exec(await page.content())?.[1]) ?? '');
    expect(rows).toHaveLength(21);
    expect(rows.every((r) => r.attention_passed && r.participant_finished && r.ms >= 0)).toBe(true);
    const verdictsOf = (label: string) => [...new Set(rows.filter((r) => r.participant === label && !r.attention_check).map((r) => r.verdict))];
    expect([verdictsOf('P1'), verdictsOf('P2'), verdictsOf('P3')]).toEqual([['correct'], ['incorrect'], ['unsure']]);

    // No gold answer of a wrongly answered item on any participant page.
    const wrongGolds = rows.filter((r) => !r.attention_check && r.outcome === 'incorrect').map((r) => goldText(demo.items.find((i) => i.id === r.item_id)!));
    expect(wrongGolds.length).toBeGreaterThan(0);
    const pages = [...p1.pages, ...p2a.pages, ...p2b.pages, ...p3.pages].map((h) => h.replace(/<legend>[\s\S]*$/, ''));
    for (const gold of wrongGolds) for (const html of pages) expect(html.includes(`>${gold}<`) || new RegExp(`\\b${gold}\\b`).test(html.replace(/<[^>]+>/g, ' ')), gold).toBe(false);

    // The judgements as the supervision analysis reads them: verdicts, grader outcomes and bins.
    const judgements = loadSupervisionJudgements(demo.db, demo.runId);
    expect(judgements).toHaveLength(18);
    expect(judgements.filter((j) => j.verdict === 'correct')).toHaveLength(6);
    for (const j of judgements) {
      const item = demo.items.find((i) => i.id === j.itemId)!;
      expect([j.bin, j.difficulty, j.domain]).toEqual([item.difficulty.bin, item.difficulty.calibrated, item.domain]);
    }
    checkSupervisionAnalysis(judgements);

    await page.goto(page.url().replace(/\/studies.*$/, `/studies/${rows[0]!.study_id}`));
    await expect.poll(() => page.getByText('18 judgements from participants who passed the attention checks.').count()).toBe(1);
    await screenshot(page, 'study-results');
    await organiser.close();

    // The report of the run now carries the supervision analysis from these judgements.
    const out = mkdtempSync(join(tmpdir(), 'rb-s2-report-'));
    await writeReport(demo.db, demo.runId, { out, png: false, bootstrap: '0' });
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as Analysis;
    const supervised = metrics.models.flatMap((m) => m.domains).filter((d) => d.supervision !== null);
    expect(supervised.length).toBeGreaterThan(0);
    expect(supervised.reduce((n, d) => n + d.supervision!.bins.reduce((s, b) => s + b.wrongJudged, 0), 0)).toBe(judgements.filter((j) => j.outcome === 'incorrect').length);
  }, 240_000);
});

/** Per model × domain, the analysis's supervision bins count the judged wrong answers and those accepted (P1's). */
function checkSupervisionAnalysis(judgements: SupervisionJudgement[]): void {
  const result = analysis.analyse(iterateGradedTrials(demo.db, demo.runId), { epsilon: 0.1, alpha: 0.05, bootstrapSamples: 0, seed: 'e2e', judgements });
  let wrongSeen = 0;
  for (const m of result.models) {
    for (const d of m.domains) {
      const mine = judgements.filter((j) => j.modelKey === m.modelKey && j.domain === d.domain && j.outcome === 'incorrect');
      const bins = d.supervision?.bins ?? [];
      expect(bins.reduce((s, b) => s + b.wrongJudged, 0), `${m.modelKey} ${d.domain}`).toBe(mine.length);
      for (const b of bins) {
        const inBin = mine.filter((j) => j.bin === b.bin);
        expect(b.wrongJudged).toBe(inBin.length);
        expect(b.acceptedAsCorrect.value).toBeCloseTo(inBin.filter((j) => j.verdict === 'correct').length / inBin.length, 10);
      }
      wrongSeen += mine.length;
    }
  }
  expect(wrongSeen).toBeGreaterThan(3);
}
