import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();
const fixtures = path.join(repoRoot, 'tests/fixtures/photos');

describe('the photo desk in Chromium', () => {
  it('imports photos, reports bad files, captions with a code and processes a batch for the web', async () => {
    const scratch = tempDir();
    const zalo = path.join(scratch, 'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg');
    fs.copyFileSync(path.join(fixtures, 'ladybird.jpg'), zalo);
    const broken = path.join(scratch, 'hong.jpg');
    fs.writeFileSync(
      broken,
      fs.readFileSync(path.join(fixtures, 'storm-canon-400d.jpg')).subarray(0, 5000),
    );
    const heic = path.join(scratch, 'IMG_0001.HEIC');
    fs.writeFileSync(
      heic,
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]),
    );

    const shell = await startWebShell(tempDir());
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    await app.open(shell.url);
    await page.getByTestId('nav-photos').click();
    await page.getByTestId('photo-event').fill('Kỳ họp HĐND tỉnh');
    await page
      .getByTestId('photo-import-input')
      .setInputFiles([
        path.join(fixtures, 'storm-canon-400d.jpg'),
        path.join(fixtures, 'dune-canon-rebel.jpg'),
        path.join(fixtures, 'wood-konica-minolta.jpg'),
        zalo,
        broken,
        heic,
      ]);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.innerText(), { timeout: 30_000 }).toContain('hong.jpg');
    expect(await report.innerText()).toContain('IMG_0001.HEIC');
    expect(await report.innerText()).toMatch(/Tương thích nhất|JPEG/);
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(4);
    await expect
      .poll(() => page.locator('[data-testid="photo-tile"][data-caption-missing="true"]').count())
      .toBe(4);
    await page.waitForTimeout(1500);
    await screenshot(page, 'photo-desk-library-vi');

    // A newsroom code, then captions for the whole selection.
    await page.getByTestId('code-new-code').fill('hd');
    await page
      .getByTestId('code-new-expansion')
      .fill('Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy');
    await page.getByTestId('code-add').click();
    await page.getByTestId('photo-select-all').click();
    await page.getByTestId('caption-text').fill('Đồng chí \\hd\\ phát biểu tại kỳ họp');
    await page.getByTestId('caption-byline').fill('Minh Anh');
    await page.getByTestId('caption-save').click();
    await expect
      .poll(() => page.locator('[data-testid="photo-tile"][data-caption-missing="true"]').count())
      .toBe(0);
    await screenshot(page, 'photo-desk-captions-vi');

    // The newsroom's recipes: Web is the default; the editor shows every setting of it.
    await page.getByTestId('recipe-open').click();
    const editor = page.getByTestId('recipe-editor');
    await editor.waitFor();
    await expect.poll(() => editor.getByTestId('recipe-output-row').count()).toBe(3);
    await screenshot(page, 'photo-desk-recipe-vi');
    await page.getByTestId('recipe-close').click();
    await page.getByTestId('process-selected').click();
    const panel = page.getByTestId('job-panel');
    await panel.waitFor();
    await screenshot(page, 'photo-desk-batch-running-vi');
    await expect
      .poll(() => page.getByTestId('job-report').innerText(), { timeout: 90_000 })
      .toContain('4');
    await screenshot(page, 'photo-desk-batch-done-vi');
    const outputs = path.join(
      shell.origin ? '' : '',
      (await page.getByTestId('job-outdir').innerText()).trim(),
    );
    const files = fs.readdirSync(outputs);
    expect(files.filter((name) => name.endsWith('.jpg'))).toHaveLength(8);
    expect(files.filter((name) => name.endsWith('.webp'))).toHaveLength(4);
    await shell.stop();
  });

  it('inserts library photos into an article with their caption and credit', async () => {
    const shell = await startWebShell(tempDir());
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    await app.open(shell.url);
    await page.getByTestId('nav-photos').click();
    await page.getByTestId('photo-event').fill('Lễ khánh thành');
    await page
      .getByTestId('photo-import-input')
      .setInputFiles([
        path.join(fixtures, 'storm-canon-400d.jpg'),
        path.join(fixtures, 'wood-konica-minolta.jpg'),
      ]);
    await expect.poll(() => page.getByTestId('photo-tile').count(), { timeout: 30_000 }).toBe(2);
    await page.getByTestId('photo-select-all').click();
    await page.getByTestId('caption-text').fill('Quang cảnh lễ khánh thành cầu mới');
    await page.getByTestId('caption-byline').fill('Minh Anh');
    await page.getByTestId('caption-save').click();
    await expect
      .poll(() => page.locator('[data-testid="photo-tile"][data-caption-missing="true"]').count())
      .toBe(0);

    await app.openArticles();
    await app.createArticle();
    await app.typeBody('Sáng nay, tỉnh tổ chức lễ khánh thành cầu.');
    await page.locator('[data-tool="library"]').click();
    const picker = page.getByTestId('library-picker');
    await picker.waitFor();
    await expect.poll(() => picker.getByTestId('picker-tile').count()).toBe(2);
    await picker.getByTestId('picker-tile').first().click();
    await page.waitForTimeout(1000);
    await screenshot(page, 'library-picker-vi');
    await page.getByTestId('picker-insert').click();
    const figure = page.getByTestId('figure');
    await figure.waitFor();
    expect(await figure.locator('figcaption').innerText()).toBe(
      'Quang cảnh lễ khánh thành cầu mới',
    );
    expect(await figure.getByTestId('figure-credit').inputValue()).toBe('Minh Anh');
    await app.waitUntilSaved();
    await page.getByTestId('nav-photos').click();
    await page.getByTestId('filter-unused').check();
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(1);
    await shell.stop();
  });
});
