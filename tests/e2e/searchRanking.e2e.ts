import { describe, expect, it } from 'vitest';

import { emptyMeta } from '../../shared/domain/article';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

const filler =
  'Hội nghị đã thảo luận, thống nhất nhiều giải pháp trọng tâm cần làm trong 6 tháng cuối năm. ' +
  'Các địa phương cần tạo môi trường để người dân góp ý, hiến kế tham gia vào việc chung. ';

/** Writes one article through the contract (the set-up needs no typing). */
async function write(url: string, title: string, body: string): Promise<void> {
  const created = await bridgeCall<{ id: string; version: number }>(url, 'articles.create', {});
  await bridgeCall(url, 'articles.save', {
    id: created.id,
    title,
    meta: emptyMeta(),
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }],
    },
    baseVersion: created.version,
  });
}

describe('search by relevance', () => {
  it('shows a title match above an older and a newer passing mention', async () => {
    const shell = await startWebShell(tempDir());
    const mention = `${filler}Đoàn công tác cũng ghé thăm Bí thư chi bộ thôn. ${filler}`;
    await write(shell.url, 'Giá lúa vụ mùa tăng', mention);
    await write(
      shell.url,
      'Bí thư Tỉnh ủy nói chuyện với học viên',
      `${filler}${filler}Học viên phấn khởi.`,
    );
    await write(shell.url, 'Giá lúa vụ mùa giảm', mention);

    const app = new AppPage(await newPage(chromium()));
    await app.open(shell.url);
    await app.search('bi thu');
    await expect.poll(() => app.searchHits.count()).toBe(3);
    expect(await app.searchHits.locator('.article-title').allInnerTexts()).toEqual([
      'Bí thư Tỉnh ủy nói chuyện với học viên',
      'Giá lúa vụ mùa giảm',
      'Giá lúa vụ mùa tăng',
    ]);
    // Snippets show the original words, with tones, highlighted.
    expect(await app.searchHits.nth(1).locator('.article-excerpt mark').allInnerTexts()).toEqual([
      'Bí thư',
    ]);
    await screenshot(app.page, 'search-ranked-by-relevance');
    await shell.stop();
  });
});
