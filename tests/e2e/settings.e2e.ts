import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

describe('newsroom settings and list filters', () => {
  it('sets the tone style, dictionary, authors and categories, then filters the list by them', async () => {
    const shell = await startWebShell(tempDir());
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    await app.open(shell.url);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tone-old').check();
    await page.getByTestId('dictionary-word').fill('Hrê');
    await page.keyboard.press('Enter');
    await page.getByTestId('author-name').fill('Th.S Lê Đình Hùng');
    await page.getByTestId('author-position').fill('Phó Trưởng phòng TC, HC, TT, TLL');
    await page.keyboard.press('Enter');
    await page.getByTestId('category-title').fill('Thời sự');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('category-list').innerText()).toContain('thoi-su');
    await expect
      .poll(() => page.getByTestId('author-list').innerText())
      .toBe('Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL');
    await screenshot(page, 'settings-vi');

    await app.openArticles();
    await app.createArticle();
    await app.typeTitle('Bài của phóng viên Hùng');
    await page
      .getByTestId('meta-author')
      .selectOption({ label: 'Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL' });
    await app.waitUntilSaved();
    await app.createArticle();
    await app.typeTitle('Bài không tác giả');
    await app.waitUntilSaved();

    // The old tone style applies to the tools command.
    await app.typeBody('Người dân tộc Hrê ở Quảng Ngãi hoà mình với thuỷ lợi');
    await page.getByTestId('tools-menu').click();
    await expect.poll(() => page.getByTestId('tool-tones').innerText()).toContain('kiểu cũ');
    await page.getByTestId('tool-tones').click();
    await expect
      .poll(() => app.body.innerText())
      .toBe('Người dân tộc Hrê ở Quảng Ngãi hòa mình với thủy lợi');
    await page.waitForTimeout(600);
    expect(await page.locator('.spell-error').allInnerTexts()).toEqual([]);

    await page.reload();
    await page.getByTestId('filter-author').selectOption({ label: 'Th.S Lê Đình Hùng' });
    await expect
      .poll(() => app.articleItems.allInnerTexts())
      .toEqual([expect.stringContaining('Bài của phóng viên Hùng')]);
    await page.getByTestId('filter-author').selectOption('');
    await page.getByTestId('filter-sort').selectOption('title');
    await expect
      .poll(async () => (await app.articleItems.allInnerTexts()).map((text) => text.split('\n')[0]))
      .toEqual(['Bài của phóng viên Hùng', 'Bài không tác giả']);
    await screenshot(page, 'article-list-filters-vi');
    await shell.stop();
  });
});
