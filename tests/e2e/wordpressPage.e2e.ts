import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it, onTestFinished } from 'vitest';

import { tempDir } from '../support/tempDir';
import { photoBytes } from '../support/syncFixtures';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';
import { AppPage } from './pages/AppPage';
import { ReviewPage } from './pages/ReviewPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { repoRoot, startWebShell } from './support/webShell';

/*
 * The seed article (/work/shared/seed/portal-article.txt, copied in tests/fixtures) with two
 * Zalo-named photos, written, categorised from the portal's pulled list, approved and published
 * through the UI to the real WordPress; then the public WordPress page at 1366 px: no horizontal
 * overflow, the sapo visible on top, photos responsive (srcset), the featured photo once.
 */

const chromium = useChromium();
const wordpress = wordpressEnv();
const run = runId('seed');

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

describe.skipIf(wordpress === null)('the seed article on the public WordPress page', () => {
  it(
    'publishes through the UI and the page looks like the preview at 1366 px',
    { timeout: 300_000 },
    async () => {
      const env = wordpress;
      if (env === null) return;
      const rest = wordpressRest(env);
      const seed = readSeed();
      const title = `${seed.title} ${run}`;
      const categoryName = `Hoạt động lãnh đạo ${run}`;
      await rest.post('/wp/v2/categories', { name: categoryName });

      // Two photos as Zalo names them, 1600 px wide like a phone's.
      const photoDir = tempDir('zalo-');
      const photos = [
        'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg',
        'z4509061029203_e7432122ffdd9f0dddebe184b9e7aecd.jpg',
      ].map((name) => path.join(photoDir, name));
      for (const [index, file] of photos.entries()) {
        fs.writeFileSync(file, await photoBytes(index + 11, 1600));
      }

      const shell = await startWebShell(tempDir());
      onTestFinished(() => shell.stop().then(() => undefined));
      const app = new AppPage(await newPage(chromium()));
      const page = app.page;
      await app.open(shell.url);

      // Settings: the portal, then its categories pulled into the picker.
      await page.getByTestId('nav-settings').click();
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

      // The administrator's mapping panel: featured-photo choice, categories, authors.
      await card.getByTestId('portal-links').locator('summary').click();
      expect(await card.getByTestId('portal-featured-in-body').isChecked()).toBe(false);
      await card.getByTestId('portal-load-users').click();
      await expect
        .poll(() => card.getByTestId('portal-user-map').first().isEnabled(), { timeout: 20_000 })
        .toBe(true);
      await card.getByTestId('portal-links').scrollIntoViewIfNeeded();
      await screenshot(page, 'wordpress-seed-settings-vi');

      // The article, as a reporter writes it.
      await page.getByTestId('nav-articles').click();
      await app.createArticle();
      await app.typeTitle(title);
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
      await page.getByTestId('tab-info').click();
      // The portal's category, pulled a moment ago, is in the picker.
      await page.getByTestId('meta-category').selectOption({ label: categoryName });
      await page.getByTestId('meta-author-add').click();
      await page
        .getByTestId('meta-author-new')
        .fill('Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL');
      await page.keyboard.press('Enter');
      await page.getByTestId('meta-featured').selectOption({ index: 1 });
      await app.waitUntilSaved();
      await screenshot(page, 'wordpress-seed-article-info-vi');

      // Submitted and approved through the workflow bar: approving queues it for the portal.
      const review = new ReviewPage(page);
      await review.step('submit', 'submitted');
      const checklist = await review.openChecklist();
      await screenshot(page, 'wordpress-seed-checklist-vi');
      await checklist.getByTestId('checklist-approve').click();
      // The outbox sends it; WordPress has it published when the sync is done.
      const search = `/wp/v2/posts?search=${encodeURIComponent(run)}&status=publish&context=edit`;
      await expect
        .poll(async () => (await rest.get<unknown[]>(search)).json.length, { timeout: 120_000 })
        .toBe(1);
      const posts = await rest.get<Array<{ id: number; link: string }>>(search);
      const link = posts.json[0]?.link ?? '';

      // The public page, as a reader at 1366 px sees it.
      const reader = await chromium().newPage({ viewport: { width: 1366, height: 900 } });
      onTestFinished(() => reader.close());
      await reader.goto(link, { waitUntil: 'load' });
      const images = reader.locator('main img');
      const count = await images.count();
      for (let i = 0; i < count; i += 1) await images.nth(i).scrollIntoViewIfNeeded();
      await reader.locator('html').evaluate((html) => html.scrollIntoView());
      await reader.screenshot({
        path: path.join(repoRoot, 'test-artifacts/screenshots/wordpress-seed-article-1366.png'),
        fullPage: true,
      });
      await screenshot(reader, 'wordpress-seed-article-1366-top');
      const scrollWidth = await reader
        .locator('html')
        .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(1366);
      const sapo = reader.locator('.newsdesk-sapo');
      expect(await sapo.isVisible()).toBe(true);
      expect(await sapo.innerText()).toContain(seed.lead.slice(0, 60));
      // Two photos in the body, the first also the featured image: shown once in the content.
      const inline = reader.locator('.entry-content img, .wp-block-post-content img');
      expect(await inline.count()).toBe(1);
      expect(await inline.first().getAttribute('srcset')).toMatch(/\d+w/u);
    },
  );
});
