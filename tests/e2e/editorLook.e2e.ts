import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A bounding box in the page, by CSS selector. */
async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return {
    top: found.y,
    bottom: found.y + found.height,
    left: found.x,
    right: found.x + found.width,
  };
}

/** Whether every point of a grid over `area` shows `selector` (or what is inside it) on top. */
async function covers(page: Page, selector: string, area: Box): Promise<boolean> {
  return page.evaluate(
    ({ selector: css, area: rect }) => {
      interface Doc {
        elementFromPoint(x: number, y: number): { closest(s: string): unknown } | null;
      }
      const doc = (globalThis as unknown as { document: Doc }).document;
      for (let y = rect.top + 1; y < rect.bottom - 1; y += 4) {
        for (let x = rect.left + 4; x < rect.right - 4; x += 24) {
          if (!doc.elementFromPoint(x, y)?.closest(css)) return false;
        }
      }
      return true;
    },
    { selector, area },
  );
}

describe('the editor looks finished at 1366×768 (issue 15 point 9)', () => {
  it('keeps the toolbar opaque over scrolled text, fits the tabs, gives the preview the pane and counts words in the history', async () => {
    const shell = await startWebShell(tempDir());
    const context = await chromium().newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const app = new AppPage(await context.newPage());
    const page = app.page;
    await app.open(shell.url);
    await app.createArticle();
    await app.typeTitle('Mưa lớn ở miền Trung');
    await app.waitUntilSaved();
    const sentence =
      'Mưa lớn kéo dài khiến nhiều tuyến đường ở các huyện miền núi bị ngập sâu và sạt lở. ';
    await app.typeBody(sentence);
    // Many lines, fast: Enter and paste of a plain-text block, repeated.
    for (let line = 0; line < 30; line += 1) {
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(sentence.repeat(3));
    }
    await app.waitUntilSaved();

    // The toolbar: at the very top of the scrolled pane, on an opaque surface over the text.
    await page
      .locator('.editor-scroll')
      .first()
      .evaluate((element) => {
        (element as unknown as { scrollTop: number }).scrollTop = 900;
      });
    const pane = await box(page, '.editor-scroll');
    const toolbar = await box(page, '[role="toolbar"].toolbar');
    expect(Math.abs(toolbar.top - pane.top)).toBeLessThanOrEqual(1);
    expect(await covers(page, '.toolbar', toolbar)).toBe(true);
    await screenshot(page, 'editor-toolbar-scrolled-1366');

    // The side-panel tabs: every label whole and inside the panel.
    const tabs = await box(page, '.side-panel .tabs');
    for (const name of ['info', 'checks', 'comments', 'history']) {
      const tab = page.getByTestId(`tab-${name}`);
      const clipped = await tab.evaluate((element) => {
        const el = element as unknown as { scrollWidth: number; clientWidth: number };
        return el.scrollWidth > el.clientWidth;
      });
      expect(clipped, name).toBe(false);
      const found = await tab.boundingBox();
      expect(found && found.x + found.width <= tabs.right + 0.5, name).toBe(true);
    }

    // The history: the revision holds the words written, not «0 chữ».
    await page.getByTestId('tab-history').click();
    await page.getByTestId('revision-item').first().waitFor();
    const revisions = await page.getByTestId('revision-item').allInnerTexts();
    expect(revisions.join('\n')).not.toMatch(/\b0 chữ/u);
    expect(revisions.join('\n')).toMatch(/[1-9]\d* chữ/u);
    await screenshot(page, 'editor-history-tabs-1366');

    // The preview: one scroll box filling the pane down to the status bar.
    await page.getByTestId('mode-preview').click();
    const preview = await box(page, '.portal-preview-pane');
    const status = await box(page, '.status-bar');
    expect(Math.abs(preview.bottom - status.top)).toBeLessThanOrEqual(2);
    expect(preview.bottom - preview.top).toBeGreaterThan(500);
    const outerScrolls = await page.getByTestId('preview').evaluate((element) => {
      const el = element as unknown as { scrollHeight: number; clientHeight: number };
      return el.scrollHeight > el.clientHeight + 1;
    });
    expect(outerScrolls).toBe(false);
    await screenshot(page, 'editor-preview-1366');
    await context.close();
    await shell.stop();
  });
});
