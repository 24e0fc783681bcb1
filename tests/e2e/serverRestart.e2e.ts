import { describe, expect, it } from 'vitest';

import type { Article } from '../../shared/domain/article';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

describe('the browser shell notices a lost server', () => {
  it('says the server has gone, keeps the typing, and saves it once reconnected to the restarted shell', async () => {
    const dataDir = tempDir();
    const first = await startWebShell(dataDir);
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open(first.url);
    await app.createArticle();
    await app.typeTitle('Bài viết khi máy chủ khởi động lại');
    await app.typeBody('Câu đầu đã được lưu.');
    await app.waitUntilSaved();
    const [listed] = await bridgeCall<Array<{ id: string }>>(first.url, 'articles.list', {});
    const id = listed?.id ?? '';

    // The server stops behind the open tab; the reporter goes on typing.
    await first.stop();
    await page.keyboard.insertText(' Câu thứ hai gõ lúc mất kết nối.');
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor();
    await expect.poll(() => banner.getAttribute('data-state')).toBe('lost');
    expect(await banner.innerText()).toContain('Mất kết nối tới Newsdesk');
    await screenshot(page, 'connection-lost-vi');

    // Newsdesk is started again (a new token): the banner asks for the new address.
    const port = new URL(first.url).port;
    const second = await startWebShell(dataDir, ['--port', port]);
    try {
      await expect
        .poll(() => banner.getAttribute('data-state'), { timeout: 15_000 })
        .toBe('restarted');
      await screenshot(page, 'connection-restarted-vi');
      await page.getByTestId('connection-address').fill(second.url);
      await page.getByTestId('connection-use').click();
      await banner.waitFor({ state: 'detached' });
      await app.waitUntilSaved();
      const saved = await bridgeCall<Article>(second.url, 'articles.get', { id });
      expect(JSON.stringify(saved.body)).toContain('Câu thứ hai gõ lúc mất kết nối.');
    } finally {
      await second.stop();
    }
  });
});
