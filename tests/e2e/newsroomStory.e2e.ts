import fs from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';

import { tempDir } from '../support/tempDir';
import { photoBytes } from '../support/syncFixtures';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';
import { AccountsPage } from './pages/AccountsPage';
import { AppPage } from './pages/AppPage';
import type { Account } from './pages/AuthPage';
import { AuthPage } from './pages/AuthPage';
import { ReviewPage } from './pages/ReviewPage';
import { laptopViewport, newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { repoRoot, startWebShell } from './support/webShell';

/*
 * A newsroom's first day as one story (issue 15), in one browser shell at 1366×768, through the
 * UI only: first start (administrator, a reporter and an editor) → a WordPress portal with its
 * categories pulled → the reporter types the seed article (tests/fixtures/seed-article.txt) with
 * two Zalo-named photos and submits → the editor comments and returns it with a note → the
 * reporter sees the note, fixes the passage and resubmits → the editor approves → the outbox
 * publishes it to the real WordPress, checked through its REST API (title, text, category, both
 * images), and the public page is read at 1366 px. Also writes the README's screenshot.
 */

const chromium = useChromium();
const wordpress = wordpressEnv();
const run = runId('story');

const admin: Account = {
  userName: 'quantri',
  displayName: 'Trần Quản Trị',
  password: 'quan-tri-2024',
};
const reporter: Account = {
  userName: 'lan.pv',
  displayName: 'Nguyễn Thị Lan',
  password: 'phong-vien-lan',
};
const editor: Account = {
  userName: 'hung.btv',
  displayName: 'Phạm Văn Hùng',
  password: 'bien-tap-hung',
};

interface Seed {
  title: string;
  lead: string;
  paragraphs: string[];
}

function readSeed(): Seed {
  const text = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/seed-article.txt'), 'utf8');
  const lines = text.split('\n').map((line) => line.trim());
  const title = lines[0] ?? '';
  const dateLine = lines.findIndex((line) => /^Thứ .* - \d{2}\/\d{2}\/\d{4}/u.test(line));
  const rest = lines.slice(dateLine + 1);
  const byline = rest.findIndex((line) => line.startsWith('Tác giả:'));
  const prose = rest
    .slice(0, byline)
    .filter((line) => line !== '' && !/^z\d{10,} [0-9a-f]{32}$/u.test(line));
  return { title, lead: prose[0] ?? '', paragraphs: prose.slice(1) };
}

/** Where the README's screenshot of the product lives; the story refreshes it. */
const readmeScreenshot = path.join(repoRoot, 'docs/screenshots/editor.png');

/**
 * The README screenshot without what changes from run to run (clock times). The app's CSP
 * refuses injected style sheets, so the times are hidden through each element's own style.
 */
async function writeReadmeScreenshot(page: Page): Promise<void> {
  fs.mkdirSync(path.dirname(readmeScreenshot), { recursive: true });
  const volatile = page.locator(
    '[data-testid="save-status"], .article-meta > span:not(.badge), .comment-meta > span',
  );
  const hide = (visibility: string) =>
    volatile.evaluateAll((elements, value) => {
      for (const element of elements)
        (element as unknown as { style: { visibility: string } }).style.visibility = value;
    }, visibility);
  await hide('hidden');
  await page.screenshot({ path: readmeScreenshot, animations: 'disabled', caret: 'hide' });
  await hide('');
}

async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByTestId('nav-articles').click();
  await page.getByTestId('article-item').filter({ hasText: title }).first().click();
  await page.getByTestId('workflow-bar').waitFor();
}

describe.skipIf(wordpress === null)("a newsroom's first day, as one story", () => {
  it(
    'first start → portal → reporter → editor returns → fix → approve → published on WordPress',
    { timeout: 300_000 },
    async () => {
      const env = wordpress;
      if (env === null) return;
      const rest = wordpressRest(env);
      const seed = readSeed();
      const categoryName = `Hoạt động lãnh đạo ${run}`;
      const category = await rest.post<{ id: number }>('/wp/v2/categories', {
        name: categoryName,
      });

      // Two photos as Zalo names them, 1600 px wide like a phone's.
      const photoDir = tempDir('zalo-');
      const photos = [
        'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg',
        'z4509061029203_e7432122ffdd9f0dddebe184b9e7aecd.jpg',
      ].map((name) => path.join(photoDir, name));
      for (const [index, file] of photos.entries()) {
        fs.writeFileSync(file, await photoBytes(index + 11, 1600));
      }

      const shell = await startWebShell(tempDir(), [], { signIn: false });
      onTestFinished(() => shell.stop().then(() => undefined));
      const page = await newPage(chromium(), laptopViewport);
      const app = new AppPage(page);
      const auth = new AuthPage(page);
      const review = new ReviewPage(page);

      // --- First start: the administrator, then a reporter and an editor.
      await page.goto(shell.url);
      await auth.firstStartCard.waitFor();
      await screenshot(page, 'story-01-first-start-vi');
      await auth.firstStart(admin);
      const accounts = new AccountsPage(page);
      await accounts.open();
      await accounts.createUser(reporter, 'reporter');
      await accounts.createUser(editor, 'editor');
      await accounts.scrollToTop();
      await screenshot(page, 'story-02-accounts-vi');

      // --- The portal, and its categories pulled into the picker.
      const section = page.getByTestId('portals-section');
      await section.getByTestId('portal-add').click();
      await section.getByTestId('portal-name').fill('Cổng tỉnh');
      await section.getByTestId('portal-url').fill(env.url);
      await section.getByTestId('portal-username').fill(env.user);
      await section.getByTestId('portal-secret').fill(env.password);
      await section.getByTestId('portal-save').click();
      const card = section.getByTestId('portal-card');
      await card.waitFor();
      await card.getByTestId('portal-refresh-terms').click();
      await expect
        .poll(() => card.getByTestId('portal-terms').innerText(), { timeout: 60_000 })
        .toMatch(/\d+ chuyên mục/);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'story-03-portal-vi');

      // --- The reporter types the seed article with two captioned photos and submits it.
      await auth.switchUser(reporter);
      await page.getByTestId('nav-articles').click();
      await app.createArticle();
      await app.typeTitle(seed.title);
      await page.getByTestId('editor-lead').click();
      await page.keyboard.insertText(seed.lead);
      await page.getByTestId('editor-body').click();
      await page.keyboard.insertText(seed.paragraphs[0] ?? '');
      await page.getByTestId('image-file-input').setInputFiles(photos);
      await page.locator('[data-testid="figure"] >> nth=1').waitFor();
      const captions = [
        'Đồng chí Hoàng Trung Dũng nói chuyện với học viên lớp bồi dưỡng',
        'Học viên lớp bồi dưỡng cập nhật kiến thức chức danh chủ tịch UBND xã',
      ];
      for (const [index, caption] of captions.entries()) {
        const figure = page.getByTestId('figure').nth(index);
        await figure.locator('figcaption').click({ clickCount: 3 });
        await page.keyboard.insertText(caption);
        await figure.getByTestId('figure-alt').fill(caption);
        await figure.getByTestId('figure-credit').fill('Ảnh: Trường Chính trị Trần Phú');
      }
      await page.getByTestId('editor-body').press('Control+End');
      for (const paragraph of seed.paragraphs.slice(1)) {
        await page.keyboard.press('Enter');
        await page.keyboard.insertText(paragraph);
      }
      await review.openTab('info');
      await page.getByTestId('meta-category').selectOption({ label: categoryName });
      await page.getByTestId('meta-author-add').click();
      await page
        .getByTestId('meta-author-new')
        .fill('Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL');
      await page.keyboard.press('Enter');
      await page.getByTestId('meta-featured').selectOption({ index: 1 });
      await app.waitUntilSaved();
      await screenshot(page, 'story-04-reporter-article-vi');
      await review.step('submit', 'submitted');

      // --- The editor opens it from the queue, comments on a passage and returns it.
      await auth.switchUser(editor);
      await expect.poll(() => page.getByTestId('nav-review-count').innerText()).toBe('1');
      await openArticle(page, seed.title);
      await review.step('startReview', 'in_review');
      const passage = '6 tháng đầu năm';
      const fixed = '6 tháng đầu năm 2023 và một số';
      await review.commentOn(passage, 'Ghi rõ năm: 6 tháng đầu năm 2023.');
      await expect.poll(() => page.locator('.tiptap .comment-range').count()).toBeGreaterThan(0);
      await screenshot(page, 'story-05-editor-comment-vi');
      await writeReadmeScreenshot(page);
      const note = 'Sửa mốc thời gian ở đoạn đầu theo góp ý rồi gửi lại.';
      await review.returnWithNote(note);

      // --- The reporter sees the note at the top of the article, fixes it and resubmits.
      await auth.switchUser(reporter);
      await expect.poll(() => page.getByTestId('nav-returned-count').innerText()).toBe('1');
      await openArticle(page, seed.title);
      const banner = page.getByTestId('return-note-banner');
      await banner.waitFor();
      expect(await page.getByTestId('return-note').innerText()).toBe(note);
      await screenshot(page, 'story-06-returned-banner-vi');
      await review.selectText(passage);
      await page.keyboard.insertText('6 tháng đầu năm 2023');
      await app.waitUntilSaved();
      await review.step('submit', 'submitted');
      await banner.waitFor({ state: 'detached' });

      // --- The editor approves; approving queues it for the portal and the outbox publishes.
      await auth.switchUser(editor);
      await openArticle(page, seed.title);
      await expect.poll(() => app.body.innerText()).toContain(fixed);
      const checklist = await review.openChecklist();
      await screenshot(page, 'story-07-checklist-vi');
      await checklist.getByTestId('checklist-approve').click();
      const query = `/wp/v2/posts?categories=${category.json.id}&status=publish&context=edit`;
      await expect
        .poll(async () => (await rest.get<unknown[]>(query)).json.length, { timeout: 120_000 })
        .toBe(1);
      // The sync screen says it is on the portal once the outbox has finished its last step.
      await page.getByTestId('nav-sync').click();
      await expect
        .poll(() => page.getByTestId('sync-item').first().innerText(), { timeout: 120_000 })
        .toContain('Đã lên cổng');
      await screenshot(page, 'story-08-published-vi');

      // --- WordPress has it: title, the fixed text, the category, both photos.
      const [post] = (
        await rest.get<
          Array<{
            link: string;
            title: { raw: string };
            content: { raw: string };
            categories: number[];
            featured_media: number;
          }>
        >(query)
      ).json;
      expect(post?.title.raw).toBe(seed.title);
      expect(post?.content.raw).toContain(fixed);
      expect(post?.content.raw).not.toContain('đầu năm và một số');
      expect(post?.categories).toEqual([category.json.id]);
      expect(post?.featured_media).toBeGreaterThan(0);
      const images = [...(post?.content.raw ?? '').matchAll(/<img[^>]+src="([^"]+)"/gu)].map(
        (match) => match[1] ?? '',
      );
      // The first photo is the featured image (shown once, above the text); the second is in it.
      expect(images).toHaveLength(1);
      const featured = await rest.get<{ source_url: string }>(
        `/wp/v2/media/${post?.featured_media ?? 0}`,
      );
      for (const url of [featured.json.source_url, ...images])
        expect((await rest.download(url)).length).toBeGreaterThan(10_000);
      expect(featured.json.source_url).not.toBe(images[0]);

      // The public page, as a reader at 1366 px sees it: no overflow, the sapo on top.
      const reader = await chromium().newPage({ viewport: { width: 1366, height: 900 } });
      onTestFinished(() => reader.close());
      await reader.goto(post?.link ?? '', { waitUntil: 'load' });
      await screenshot(reader, 'story-09-wordpress-1366');
      const scrollWidth = await reader
        .locator('html')
        .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(1366);
      expect(await reader.locator('.newsdesk-sapo').innerText()).toContain(seed.lead.slice(0, 60));
      const inline = reader.locator('.entry-content img, .wp-block-post-content img');
      expect(await inline.count()).toBe(1);
      expect(await inline.first().getAttribute('srcset')).toMatch(/\d+w/u);
    },
  );
});
