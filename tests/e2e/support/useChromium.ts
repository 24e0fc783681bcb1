import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { launchChromium } from './browser';

/** One Chromium for a whole test file: launched before its tests, closed after them. */
export function useChromium(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running');
    return browser;
  };
}
