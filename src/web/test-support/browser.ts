import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../test-support/paths.js';

/**
 * Test support: Debian's chromium (installed by .ci/run) driven by playwright-core; never a
 * downloaded browser. CHROMIUM_PATH overrides the binary.
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** A page that fails the test on any dialog (alert/confirm: an injected script ran) or page error. */
export async function guardedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

/**
 * Where screenshots go: $RELIABENCH_SCREENSHOTS_DIR (the README's images are made with
 * RELIABENCH_SCREENSHOTS_DIR=docs/screenshots), else a folder in the system temp directory.
 */
export function screenshotDir(): string {
  const dir = process.env['RELIABENCH_SCREENSHOTS_DIR'] ? resolve(REPO_ROOT, process.env['RELIABENCH_SCREENSHOTS_DIR']) : join(tmpdir(), 'reliabench-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const path = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
