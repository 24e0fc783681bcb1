import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();
const photo = path.join(repoRoot, 'tests/fixtures/photos/storm-canon-400d.jpg');

describe('the writing desk', () => {
  it('fills the fields, inserts a captioned photo, clears the checks, previews and exports', async () => {
    const dataDir = tempDir();
    const shell = await startWebShell(dataDir);
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    await app.open(shell.url);
    await app.createArticle();
    await app.typeTitle('Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng cập nhật kiến thức');
    await page.getByTestId('editor-lead').click();
    await page.keyboard.type(
      'Sáng ngày 12/7/2023, đồng chí Hoàng Trung Dũng đã nói chuyện với hơn 200 học viên.',
    );
    await app.typeBody(
      'Tại buổi nói chuyện, đồng chí đã thông tin tình hình phát triển kinh tế - xã hội của tỉnh.',
    );

    // A photo from disk becomes a figure; its caption starts as the Zalo file name a reporter might leave.
    await page.getByTestId('image-file-input').setInputFiles(photo);
    await page.getByTestId('figure').waitFor();
    await page.locator('[data-testid="figure"] figcaption').click();
    await page.keyboard.type('z4509060236637 cee53aff582f33e127acb052f924c3c7');

    await page.getByTestId('tab-checks').click();
    const codes = async (): Promise<string[]> =>
      page
        .getByTestId('check-item')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
    await expect
      .poll(codes)
      .toEqual(
        expect.arrayContaining(['category_missing', 'caption_file_name', 'figure_alt_missing']),
      );
    await screenshot(page, 'writing-desk-checks-vi');

    // Clicking a field issue takes the reporter to the field.
    await page.locator('[data-code="category_missing"]').click();
    await expect
      .poll(() =>
        page.getByTestId('meta-category').evaluate((el) => el.ownerDocument.activeElement === el),
      )
      .toBe(true);
    await page.getByTestId('meta-category-add').click();
    await page.getByTestId('meta-category-new').fill('Thời sự');
    await page.keyboard.press('Enter');
    await page.getByTestId('meta-author-add').click();
    await page
      .getByTestId('meta-author-new')
      .fill('Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL');
    await page.keyboard.press('Enter');
    await page.getByTestId('meta-tags').fill('Bí thư, bồi dưỡng');
    await page.keyboard.press('Enter');
    await page.getByTestId('meta-publish').fill('12/07/2023 05:22');
    await expect
      .poll(() => page.getByTestId('meta-slug').inputValue())
      .toBe('bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong-cap-nhat-kien-thuc');

    // Fix the caption, alt text and credit on the figure itself.
    const caption = page.locator('[data-testid="figure"] figcaption');
    await caption.click({ clickCount: 3 });
    await page.keyboard.type('Đồng chí Hoàng Trung Dũng phát biểu tại buổi nói chuyện');
    await page.getByTestId('figure-alt').fill('Bí thư Tỉnh ủy phát biểu trước học viên');
    await page.getByTestId('figure-credit').fill('Minh Anh');
    // The featured-image picker offers the article's photos with their current alt text.
    await expect
      .poll(() => page.getByTestId('meta-featured').locator('option').nth(1).innerText())
      .toBe('Đồng chí Hoàng Trung Dũng phát biểu tại buổi nói chuyện');
    await page.waitForTimeout(500);
    await page.getByTestId('meta-featured').selectOption({ index: 1 });
    expect(await page.getByTestId('meta-featured-alt').inputValue()).toBe(
      'Bí thư Tỉnh ủy phát biểu trước học viên',
    );
    await app.waitUntilSaved();
    await screenshot(page, 'writing-desk-editor-vi');

    await page.getByTestId('tab-checks').click();
    await expect
      .poll(() => page.getByTestId('checks-summary').innerText())
      .toBe('Bài viết đã sẵn sàng để gửi duyệt');

    await page.getByTestId('mode-preview').click();
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.innerText()).toContain('Thứ tư - 12/07/2023 05:22');
    expect(await preview.innerText()).toContain(
      'Tác giả: Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL',
    );
    expect(await preview.locator('img').count()).toBe(1);
    await expect
      .poll(() =>
        preview
          .locator('img')
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'writing-desk-preview-vi');

    await page.getByTestId('export-html').click();
    await expect
      .poll(() => page.getByTestId('editor-notice').innerText())
      .toContain('Đã xuất bài ra thư mục');
    const folder = path.join(
      dataDir,
      'exports',
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong-cap-nhat-kien-thuc',
    );
    const html = fs.readFileSync(path.join(folder, 'index.html'), 'utf8');
    expect(html).toContain('Đồng chí Hoàng Trung Dũng phát biểu tại buổi nói chuyện');
    expect(fs.readdirSync(path.join(folder, 'images'))).toHaveLength(1);

    // Everything survives a restart.
    await shell.stop();
    const again = await startWebShell(dataDir);
    const reopened = new AppPage(await newPage(chromium()));
    await reopened.open(again.url);
    await expect
      .poll(() => reopened.page.getByTestId('editor-lead').inputValue())
      .toContain('hơn 200 học viên');
    await expect
      .poll(() => reopened.page.getByTestId('meta-category').locator('option:checked').innerText())
      .toBe('Thời sự');
    expect(await reopened.page.locator('[data-testid="figure"] figcaption').innerText()).toBe(
      'Đồng chí Hoàng Trung Dũng phát biểu tại buổi nói chuyện',
    );
    await again.stop();
  });
});
