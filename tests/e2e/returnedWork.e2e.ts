import fs from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import type { Article } from '../../shared/domain/article';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { e2eAdmin, repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();
const editor = { userName: 'hung.btv', displayName: 'Phạm Văn Hùng', password: 'bien-tap-hung' };
const reporter = { userName: 'lan.pv', displayName: 'Nguyễn Thị Lan', password: 'phong-vien-lan' };
const returnNote = 'Thiếu nguồn cho số liệu ở đoạn hai; bổ sung trích dẫn của Sở Y tế.';

async function signIn(url: string, account: { userName: string; password: string }) {
  await bridgeCall(url, 'auth.signIn', { userName: account.userName, password: account.password });
}

/** A complete article written by the signed-in reporter: one captioned photo, featured. */
async function writeCompleteArticle(url: string, categoryId: string, authorId: string) {
  const image = await bridgeCall<{ mediaPath: string }>(url, 'media.importImage', {
    fileName: 'z4509060236637_cee53aff.jpg',
    dataBase64: fs
      .readFileSync(path.join(repoRoot, 'tests/fixtures/photos/ladybird.jpg'))
      .toString('base64'),
  });
  const created = await bridgeCall<Article>(url, 'articles.create', {});
  await bridgeCall(url, 'articles.save', {
    id: created.id,
    title: 'Bệnh viện tỉnh khai trương khoa cấp cứu mới',
    meta: {
      ...created.meta,
      lead: 'Khoa cấp cứu mới có 40 giường và phòng mổ cấp cứu riêng.',
      categoryId,
      authorId,
      featuredImage: { mediaPath: image.mediaPath, alt: 'Khoa cấp cứu mới' },
    },
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Sáng nay, bệnh viện tỉnh đưa vào hoạt động khoa cấp cứu mới với 40 giường bệnh.',
            },
          ],
        },
        {
          type: 'figure',
          attrs: { mediaPath: image.mediaPath, alt: 'Khoa cấp cứu mới', credit: 'Ảnh: Lan' },
          content: [{ type: 'text', text: 'Khoa cấp cứu mới của bệnh viện tỉnh.' }],
        },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Theo bệnh viện, số ca cấp cứu mỗi ngày đã tăng gấp đôi trong năm qua.',
            },
          ],
        },
      ],
    },
    baseVersion: created.version,
  });
  return created.id;
}

async function viewport(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe("a newsroom's first day: returned and published work cannot be missed", () => {
  it('shows the return note to its author, counts what waits for each person, and flags published edits', async () => {
    const shell = await startWebShell(tempDir());
    try {
      const url = shell.url;
      await bridgeCall(url, 'users.create', { ...editor, role: 'editor' });
      await bridgeCall(url, 'users.create', { ...reporter, role: 'reporter' });
      const category = await bridgeCall<{ id: string }>(url, 'categories.save', {
        title: 'Sức khỏe',
      });
      const author = await bridgeCall<{ id: string }>(url, 'authors.save', {
        name: reporter.displayName,
        position: 'Phóng viên',
      });

      // The reporter writes and submits; the editor returns it with a note.
      await signIn(url, reporter);
      const articleId = await writeCompleteArticle(url, category.id, author.id);
      await bridgeCall(url, 'workflow.transition', { articleId, transition: 'submit' });
      await signIn(url, editor);
      await bridgeCall(url, 'workflow.transition', { articleId, transition: 'startReview' });
      await bridgeCall(url, 'workflow.transition', {
        articleId,
        transition: 'return',
        note: returnNote,
      });

      // The reporter sees it in the sidebar and the list, and the note at the top of the article.
      await signIn(url, reporter);
      const app = new AppPage(await newPage(chromium()));
      const page = app.page;
      await viewport(page);
      await app.open(url);
      await expect.poll(() => page.getByTestId('nav-returned-count').innerText()).toBe('1');
      await expect
        .poll(() => page.getByTestId('waiting-flag').first().innerText())
        .toBe('Trả lại cho bạn');
      await page.getByTestId('article-item').first().click();
      const banner = page.getByTestId('return-note-banner');
      await banner.waitFor();
      expect(await banner.innerText()).toContain(editor.displayName);
      expect(await page.getByTestId('return-note').innerText()).toBe(returnNote);
      await screenshot(page, 'day-one-returned-banner-vi');

      // Resubmitting clears the banner and the count.
      await page.getByTestId('transition-submit').click();
      await banner.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('nav-returned-count').count()).toBe(0);

      // The editor's queue counts what waits for them; the other column is "everything else".
      await signIn(url, editor);
      await page.reload();
      await expect.poll(() => page.getByTestId('nav-review-count').innerText()).toBe('1');
      await page.getByTestId('nav-review').click();
      const waitingColumn = page.getByTestId('queue-waiting');
      await expect.poll(() => waitingColumn.locator('.queue-count').innerText()).toBe('1');
      expect(await page.getByTestId('queue-all').locator('h2').innerText()).toMatch(
        /^Các bài khác/,
      );
      await screenshot(page, 'day-one-review-queue-vi');

      // Approved, queued and marked published (no portal on this PC): editing it says so.
      await bridgeCall(url, 'workflow.transition', { articleId, transition: 'approve' });
      await bridgeCall(url, 'workflow.transition', { articleId, transition: 'queue' });
      await bridgeCall(url, 'workflow.transition', { articleId, transition: 'markPublished' });
      await page.getByTestId('nav-articles').click();
      await page.getByTestId('article-item').first().click();
      const published = page.getByTestId('published-banner');
      await published.waitFor();
      expect(await published.innerText()).toContain('cổng vẫn hiện bản cũ');
      await screenshot(page, 'day-one-published-banner-vi');
      await page.getByTestId('published-update').click();
      // An update says what changed: the note goes into the audit trail.
      await page.getByTestId('note-input').fill('Sửa số giường theo thông báo của bệnh viện.');
      await page.getByTestId('note-confirm').click();
      await expect
        .poll(
          async () =>
            (await bridgeCall<{ status: string }>(url, 'workflow.state', { articleId })).status,
        )
        .toBe('updated');
      await published.waitFor({ state: 'detached' });
    } finally {
      await signIn(shell.url, e2eAdmin).catch(() => undefined);
      await shell.stop();
    }
  });
});
