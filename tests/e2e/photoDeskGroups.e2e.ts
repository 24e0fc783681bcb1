import fs from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();
const fixtures = path.join(repoRoot, 'tests/fixtures/photos');

/** Twelve frames of one scene: small crops and recompressions of one photo. */
async function burst(folder: string): Promise<string[]> {
  const source = path.join(fixtures, 'storm-canon-400d.jpg');
  const meta = await sharp(source).metadata();
  const files: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    const file = path.join(folder, `khung-${String(i + 1).padStart(2, '0')}.jpg`);
    await sharp(source)
      .extract({
        left: i * 2,
        top: i,
        width: (meta.width ?? 0) - 24,
        height: (meta.height ?? 0) - 12,
      })
      .resize(640 - i * 8)
      .jpeg({ quality: 90 - i * 2 })
      .toFile(file);
    files.push(file);
  }
  return files;
}

describe('Kho ảnh as a photo editor expects (issue 15 point 8)', () => {
  it('stacks twelve similar photos in one group, takes alt text, warns before an uncaptioned batch, and lists photos inserted from the computer', async () => {
    const files = await burst(tempDir());
    const shell = await startWebShell(tempDir());
    const page = await newPage(chromium());
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = new AppPage(page);
    await app.open(shell.url);
    await page.getByTestId('nav-photos').click();
    // One name: the menu and the screen both say Kho ảnh.
    expect(await page.getByTestId('nav-photos').innerText()).toContain('Kho ảnh');
    expect(await page.locator('.photo-main .pane-header h2').innerText()).toBe('Kho ảnh');

    await page.getByTestId('photo-import-input').setInputFiles(files);
    await expect.poll(() => page.getByTestId('near-group').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('near-group').getAttribute('data-size')).toBe('12');
    expect(await page.getByTestId('near-group-count').innerText()).toBe(
      '1 nhóm ảnh gần giống nhau',
    );
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(12);
    // The grid stays above the fold: the first tile starts inside the 768 px window.
    const tile = await page.getByTestId('photo-tile').first().boundingBox();
    expect(tile?.y ?? 9999).toBeLessThan(768 - 100);
    await screenshot(page, 'photo-desk-duplicate-groups-vi');

    // One decision: keep the fourth frame only.
    await page.getByTestId('near-item').nth(3).click();
    await page.getByTestId('near-keep-one').click();
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(1);
    expect(await page.getByTestId('near-group').count()).toBe(0);

    // Alt text beside the caption, stored with the photo.
    await page.getByTestId('photo-tile').first().click();
    await page.getByTestId('caption-alt').fill('Mây giông đen kéo đến trên cánh đồng lúa');
    await page.getByTestId('caption-save').click();
    await expect.poll(() => page.getByTestId('caption-save').isDisabled()).toBe(true);

    // The photo still has no caption: the batch asks first, and cancelling starts nothing.
    await page.getByTestId('process-selected').click();
    const warning = page.getByTestId('uncaptioned-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('1 trong 1 ảnh đã chọn chưa có chú thích');
    await screenshot(page, 'photo-desk-uncaptioned-warning-vi');
    await page.getByTestId('uncaptioned-cancel').click();
    expect(await page.getByTestId('job-panel').count()).toBe(0);

    // A photo inserted into an article from the computer shows up in Kho ảnh.
    await app.openArticles();
    await app.createArticle();
    await page.getByTestId('image-file-input').setInputFiles(path.join(fixtures, 'ladybird.jpg'));
    await page.getByTestId('figure').waitFor();
    await page.getByTestId('nav-photos').click();
    await expect.poll(() => page.getByTestId('photo-tile').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByTestId('photo-grid').innerText()).toContain('ladybird.jpg');
    await screenshot(page, 'photo-desk-article-photo-vi');
    fs.rmSync(files[0] ?? '', { force: true });
    await shell.stop();
  });
});
