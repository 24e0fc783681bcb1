import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

describe('article search', () => {
  it('finds "Bí thư" by typing "bi thu" and "Đức" by "duc", highlighting the words', async () => {
    const shell = await startWebShell(tempDir());
    const app = new AppPage(await newPage(chromium()));
    await app.open(shell.url);
    await app.createArticle();
    await app.typeTitle('Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng');
    await app.typeBody('Đồng chí đã thăm huyện Đức Phổ và nói chuyện với học viên.');
    await app.waitUntilSaved();
    await app.createArticle();
    await app.typeTitle('Giá lúa tăng mạnh');
    await app.waitUntilSaved();

    await app.search('bi thu');
    await expect.poll(() => app.searchHits.count()).toBe(1);
    expect(await app.searchHits.first().locator('mark').allInnerTexts()).toEqual(['Bí thư']);

    await app.search('duc pho');
    await expect
      .poll(() => app.searchHits.first().locator('mark').allInnerTexts())
      .toEqual(['Đức Phổ']);
    await screenshot(app.page, 'search-results-vi');

    await app.search('hà nội');
    await expect
      .poll(() => app.page.getByTestId('search-empty').innerText())
      .toBe('Không tìm thấy bài nào khớp.');
    await app.search('');
    await expect.poll(() => app.articleItems.count()).toBe(2);
    await shell.stop();
  });
});
