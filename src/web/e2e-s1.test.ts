import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as analysis from '../analysis/index.js';
import { chosenDifficultyValues, iterateGradedTrials } from '../store/sqlite/graded-trials.js';
import { loadDifficultyRatings } from '../store/sqlite/study-results.js';
import { DESKTOP, guardedPage, launchBrowser, screenshot } from './test-support/browser.js';
import { joinOpenLink, participate } from './test-support/participant-driver.js';
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

/** A scripted rater: longer questions look harder. */
const rate = (question: string): string => (question.length < 120 ? 'Easy' : question.length < 200 ? 'Moderate' : 'Hard');
const VALUE: Record<string, number> = { 'Very easy': 0, Easy: 25, Moderate: 50, Hard: 75, 'Very hard': 100 };

describe('S1 study end to end in Chromium', () => {
  it('an organiser opens a capped link, two raters (one abandoning and resuming) rate items, and the ratings recalibrate difficulty', async () => {
    const organiser = await browser.newContext({ viewport: DESKTOP });
    const { page, problems } = await guardedPage(organiser);
    await page.goto(`${demo.url}/login#token=${ADMIN_TOKEN}`);
    await page.waitForURL(`${demo.url}/`);
    await page.goto(`${demo.url}/studies/new?kind=S1`);
    await page.getByLabel('title (participants see it)').fill('How hard is this question?');
    await page.getByLabel('addition').check();
    await page.getByLabel(/items per difficulty bin/).fill('1');
    await page.getByLabel('items per participant').fill('5');
    await page.getByLabel('attention checks per participant').fill('1');
    await page.getByLabel('participant links to create now').fill('0');
    await page.getByLabel(/open link: at most/).fill('2');
    await screenshot(page, 'study-new-s1');
    await page.getByRole('button', { name: 'Create the study' }).click();
    const openLink = await page.locator('#open-link').getAttribute('href');
    expect(openLink).toMatch(/^\/join\/[A-Za-z0-9_-]{32}$/);

    let shot = false;
    const a = await joinOpenLink(browser, `${demo.url}${openLink}`);
    const b = await joinOpenLink(browser, `${demo.url}${openLink}`);
    expect(await joinOpenLink(browser, `${demo.url}${openLink}`)).toEqual({ status: 410 });
    if (!('link' in a) || !('link' in b)) throw new Error('joining failed');
    const ra = await participate(browser, a.link, {
      choice: rate, input: 'tap',
      onItem: async (p) => {
        if (shot || /instructions are read/.test((await p.locator('#question').textContent()) ?? '')) return;
        shot = true;
        await screenshot(p, 'participant-s1-phone');
      },
    });
    const rb1 = await participate(browser, b.link, { choice: rate, input: 'keyboard', stopAfter: 3 });
    const rb2 = await participate(browser, b.link, { choice: rate, input: 'keyboard' });
    expect([ra.answered, rb1.answered + rb2.answered]).toEqual([6, 6]);
    expect([...problems, ...ra.problems, ...rb1.problems, ...rb2.problems]).toEqual([]);
    expect(rb2.pages[0]).toContain('Item 4 of 6');

    const ratings = loadDifficultyRatings(demo.db);
    expect(ratings).toHaveLength(10);
    for (const r of ratings) {
      const item = demo.items.find((i) => i.id === r.itemId)!;
      expect(r).toMatchObject({ domain: 'addition', chosenValue: item.difficulty.values[item.difficulty.chosen] });
      expect(Object.values(VALUE)).toContain(r.rating);
    }
    // No item's gold sum on any rater's page.
    const shownIds = new Set(ratings.map((r) => r.itemId));
    const golds = demo.items.filter((i) => shownIds.has(i.id)).map((i) => (i.gold as { sum: string }).sum);
    for (const html of [...ra.pages, ...rb1.pages, ...rb2.pages]) for (const gold of golds) expect(html.includes(gold)).toBe(false);

    const calibration = analysis.fitCalibrations(ratings).get('addition');
    expect(calibration).toMatchObject({ method: 's1-pava', ratings: 10 });
    const result = analysis.analyse(iterateGradedTrials(demo.db, demo.runId), {
      epsilon: 0.1, alpha: 0.05, bootstrapSamples: 0, seed: 'e2e', ratings, chosenValues: chosenDifficultyValues(demo.db, demo.runId),
    });
    expect(result.settings.calibration).toEqual({ addition: 's1-pava', anagram: 'default' });

    await page.goto(`${demo.url}/studies`);
    await page.getByRole('link', { name: 'How hard is this question?' }).click();
    await expect.poll(() => page.getByText('10 ratings from participants who passed the attention checks.').count()).toBe(1);
    await organiser.close();
  }, 240_000);
});
