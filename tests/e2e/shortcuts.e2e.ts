import { describe, expect, it } from 'vitest';

import type { Article } from '../../shared/domain/article';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

/** Issue 15, point 9: the application shortcuts, pressed as a reporter would, in one shell. */
describe('keyboard shortcuts', () => {
  it('Ctrl+N, Ctrl+S, Ctrl+Enter and Ctrl+F do their job, and About lists them in both languages', async () => {
    const shell = await startWebShell(tempDir());
    const page = await newPage(chromium());
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = new AppPage(page);
    await app.open(shell.url);

    // Ctrl+N from another screen: the article list comes back with a new article open.
    await app.openAbout();
    await page.keyboard.press('Control+n');
    await app.body.waitFor();
    await expect.poll(() => app.articleItems.count()).toBe(1);

    // Ctrl+S right after typing (before autosave's pause): saved now, and it says so.
    await app.typeTitle('Phím tắt lưu bài');
    await page.keyboard.press('Control+s');
    const notice = page.getByTestId('editor-notice');
    await expect.poll(() => notice.innerText()).toMatch(/^Đã lưu lúc \d\d:\d\d/);
    const [listed] = await bridgeCall<Array<{ id: string }>>(shell.url, 'articles.list', {});
    const stored = await bridgeCall<Article>(shell.url, 'articles.get', { id: listed?.id ?? '' });
    expect(stored.title).toBe('Phím tắt lưu bài');

    // Ctrl+Enter in the body: the workflow bar's main step (submit), not a line break.
    await app.typeBody('Một đoạn văn.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() =>
        page.getByTestId('workflow-bar').getByTestId('status-badge').getAttribute('data-status'),
      )
      .toBe('submitted');
    await expect.poll(() => page.getByTestId('workflow-notice').isVisible()).toBe(true);
    expect(await app.body.locator('br').count()).toBe(0);

    // Ctrl+F: the caret goes to the article search, from the editor.
    await app.body.click();
    await page.keyboard.press('Control+f');
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("data-testid")'))
      .toBe('article-search');

    // About lists every shortcut, in Vietnamese and then in English.
    await app.openAbout();
    const list = page.getByTestId('shortcut-list');
    expect(await list.locator('kbd').allInnerTexts()).toEqual([
      'Ctrl+S',
      'Ctrl+N',
      'Ctrl+F',
      'Ctrl+Enter',
    ]);
    expect(await page.getByTestId('shortcut-newArticle').innerText()).toContain('Tạo bài mới');
    await list.scrollIntoViewIfNeeded();
    await screenshot(page, 'about-shortcuts-vi');
    await app.switchLanguage('en');
    await expect
      .poll(() => page.getByTestId('shortcut-newArticle').innerText())
      .toContain('New article');
    await list.scrollIntoViewIfNeeded();
    await screenshot(page, 'about-shortcuts-en');
    await shell.stop();
  });
});
