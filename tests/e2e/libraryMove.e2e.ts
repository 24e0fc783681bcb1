import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Article } from '../../shared/domain/article';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { AuthPage } from './pages/AuthPage';
import { bridgeCall } from './support/bridgeCall';
import { laptopViewport, newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { e2eAdmin, repoRoot, startWebShell } from './support/webShell';

/*
 * Moving to a new PC from the UI (issue 11 point 3): the old PC exports its whole library in
 * Settings → Sao lưu; the new PC's first-start screen takes the `.ndlibrary` file («Chuyển từ
 * máy cũ»), uploads it in chunks, imports it and reopens into it: the articles and photos are
 * there, and the old PC's administrator signs in.
 */

const chromium = useChromium();
const title = 'Bài viết mang từ máy cũ sang';

describe('moving to a new PC', () => {
  it('exports the library on one shell and imports it on a fresh shell’s first-start screen', async () => {
    // --- The old PC: one article with a photo, exported from Settings.
    const oldPc = await startWebShell(tempDir());
    let exported = '';
    try {
      const photo = await bridgeCall<{ mediaPath: string }>(oldPc.url, 'media.importImage', {
        fileName: 'ladybird.jpg',
        dataBase64: fs
          .readFileSync(path.join(repoRoot, 'tests/fixtures/photos/ladybird.jpg'))
          .toString('base64'),
      });
      const created = await bridgeCall<Article>(oldPc.url, 'articles.create', { title });
      await bridgeCall(oldPc.url, 'articles.save', {
        id: created.id,
        title,
        meta: created.meta,
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn văn viết ở máy cũ.' }] },
            {
              type: 'figure',
              attrs: { mediaPath: photo.mediaPath, alt: 'Bọ rùa', credit: 'Ảnh: Minh Anh' },
              content: [{ type: 'text', text: 'Bọ rùa trên lá' }],
            },
          ],
        },
        baseVersion: created.version,
      });
      const page = await newPage(chromium(), laptopViewport);
      await new AppPage(page).open(oldPc.url);
      await page.getByTestId('nav-settings').click();
      const backups = page.getByTestId('backups-section');
      await backups.getByTestId('backup-export').click();
      const message = backups.getByTestId('backups-message');
      await expect.poll(() => message.innerText(), { timeout: 30_000 }).toContain('.ndlibrary');
      exported = /(\/\S+\.ndlibrary)/u.exec(await message.innerText())?.[1] ?? '';
      await backups.getByTestId('import-library').scrollIntoViewIfNeeded();
      await screenshot(page, 'library-move-settings-vi');
      await page.context().close();
    } finally {
      await oldPc.stop();
    }
    expect(fs.existsSync(exported)).toBe(true);

    // --- The new PC: nobody set up yet; the first-start screen offers the move.
    const newPc = await startWebShell(tempDir(), [], { signIn: false });
    try {
      const page = await newPage(chromium(), laptopViewport);
      const auth = new AuthPage(page);
      await page.goto(newPc.url);
      await auth.firstStartCard.waitFor();
      const card = page.getByTestId('import-library');
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'library-move-first-start-vi');
      await card.getByTestId('import-library-file').setInputFiles(exported);
      await card.getByTestId('import-library-submit').click();
      // The sentence that says it worked stays a moment before the app reopens.
      await card.getByTestId('import-library-done').waitFor({ timeout: 60_000 });
      await screenshot(page, 'library-move-imported-vi');

      // The app reopens into the imported library: its administrator signs in and the article
      // and its photo are there.
      await auth.signInCard.waitFor({ timeout: 30_000 });
      await auth.signIn(e2eAdmin);
      const app = new AppPage(page);
      await app.articleItems.filter({ hasText: title }).click();
      const image = page.locator('[data-testid="figure"] img');
      await expect
        .poll(() =>
          image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        )
        .toBeGreaterThan(0);
      expect(await app.body.innerText()).toContain('Đoạn văn viết ở máy cũ.');
      await screenshot(page, 'library-move-article-vi');
    } finally {
      await newPc.stop();
    }
  }, 120_000);
});
