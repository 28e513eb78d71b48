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
  let state = await settled(page, null);
  while (state === 'item') {
    if (options.stopAfter !== undefined && run.answered >= options.stopAfter) break;
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
    state = await settled(page, progress);
    run.answered++;
  }
  await context.close();
  return run;
}

/**
 * Waits until the page after an answer has loaded in full: the next item (its progress differs from
 * `previous`) or the closing "Thank you!" page. A page mid-navigation is neither — under load a
 * half-parsed next page once looked finished and ended a participant early (CI: [7, 7, 3]).
 */
async function settled(page: Page, previous: string | null): Promise<'item' | 'done'> {
  let state: 'item' | 'done' | 'loading' = 'loading';
  await expect.poll(async () => (state = await pageState(page, previous))).not.toBe('loading');
  return state as 'item' | 'done';
}

async function pageState(page: Page, previous: string | null): Promise<'item' | 'done' | 'loading'> {
  try {
    return await page.evaluate((prev) => {
      // Runs in the browser; the project's TypeScript lib has no DOM types, so the little used is typed here.
      type Node = { textContent: string | null };
      const doc = (globalThis as unknown as { document: { readyState: string; querySelectorAll(s: string): ArrayLike<Node>; getElementById(id: string): Node | null } }).document;
      if (doc.readyState !== 'complete') return 'loading';
      if (Array.from(doc.querySelectorAll('h1')).some((h) => h.textContent === 'Thank you!')) return 'done';
      const progress = doc.getElementById('progress')?.textContent ?? null;
      return doc.getElementById('answer') && progress !== null && progress !== prev ? 'item' : 'loading';
    }, previous);
  } catch {
    return 'loading'; // the page navigated while it was being read
  }
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
