import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, guardedPage, PHONE } from './browser.js';

/**
 * Test support: a scripted participant in its own browser context (no shared cookies or storage).
 * It answers attention checks as instructed and every other item with `choice`, by keyboard (number
 * key, then Enter) or by tapping, and records every page's HTML for the gold check.
 */
export interface ParticipantRun {
  answered: number;
  pages: string[];
  problems: string[];
}

export async function participate(
  browser: Browser,
  link: string,
  options: { choice: string | ((question: string) => string); input: 'keyboard' | 'tap'; stopAfter?: number; onItem?: (page: Page, n: number) => Promise<void> },
): Promise<ParticipantRun> {
  const context = await browser.newContext({ viewport: options.input === 'tap' ? PHONE : DESKTOP, hasTouch: options.input === 'tap' });
  const { page, problems } = await guardedPage(context);
  const run: ParticipantRun = { answered: 0, pages: [], problems };
  await page.goto(link);
  await page.getByRole('link', { name: /^(Start|Continue)$/ }).click();
  // The click returns before the next page has loaded; under load, counting forms at once saw none.
  await page.locator('form#answer').waitFor();
  for (;;) {
    if (options.stopAfter !== undefined && run.answered >= options.stopAfter) break;
    if (!(await page.locator('form#answer').count())) break;
    run.pages.push(await page.content());
    await options.onItem?.(page, run.answered);
    const question = (await page.locator('#question').textContent()) ?? '';
    const progress = await page.locator('#progress').textContent();
    const instructed = /choose “([^”]+)”/.exec(question)?.[1];
    const label = instructed ?? (typeof options.choice === 'string' ? options.choice : options.choice(question));
    if (options.input === 'keyboard') {
      const labels = await page.locator('fieldset.choices label span').allTextContents();
      const n = labels.indexOf(label) + 1;
      expect(n, `choice ${label} among ${labels.join(', ')}`).toBeGreaterThan(0);
      await page.keyboard.press(String(n));
      await expect.poll(() => page.locator('input[type=radio]:checked').count()).toBe(1);
      await page.keyboard.press('Enter');
    } else {
      await page.getByLabel(label, { exact: true }).tap();
      await page.getByRole('button', { name: 'Next' }).tap();
    }
    await expect.poll(async () => (await page.locator('#progress').count()) === 0 || (await page.locator('#progress').textContent()) !== progress).toBe(true);
    run.answered++;
  }
  await context.close();
  return run;
}

/** Joins through an open link in a fresh context; returns the personal link it hands out (or the refusal page's status). */
export async function joinOpenLink(browser: Browser, openLink: string): Promise<{ link: string } | { status: number }> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(openLink);
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Take part' }).click()]);
  const url = page.url();
  await context.close();
  return /\/p\/[A-Za-z0-9_-]{32}$/.test(url) ? { link: url } : { status: response?.status() ?? 0 };
}
