import fs from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { repoRoot } from './webShell';

/** Where screenshots land; CI keeps this folder as the test artifacts. */
export const screenshotDir = path.join(repoRoot, 'test-artifacts', 'screenshots');

/** Debian's Chromium, headless, with nothing that reaches for the network. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The commonest office laptop screen, for the screenshots issue 15 asks to look finished. */
export const laptopViewport = { width: 1366, height: 768 } as const;

/** A page the size of an office monitor (or `viewport`), in Vietnamese, on Vietnam's clock. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1360, height: 820 },
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
