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

/** Mean absolute difference per channel of the same region in two images. */
async function regionDifference(
  a: string,
  b: string,
  region: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const [x, y] = await Promise.all(
    [a, b].map((file) => sharp(file).extract(region).raw().toBuffer()),
  );
  if (!x || !y) return 0;
  let sum = 0;
  for (let i = 0; i < x.length; i += 1) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

describe('logo stamp, byline and focal point in Chromium', () => {
  it('uploads a logo into a recipe, sets a focal point on a photo and stamps a batch', async () => {
    const scratch = tempDir();
    const logo = path.join(scratch, 'logo-bao.png');
    await sharp({
      create: { width: 300, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: await sharp({
            create: { width: 280, height: 100, channels: 4, background: '#c00000' },
          })
            .png()
            .toBuffer(),
          left: 10,
          top: 10,
        },
      ])
      .png()
      .toFile(logo);
    const notPng = path.join(scratch, 'logo.png');
    fs.writeFileSync(notPng, 'đây không phải ảnh');

    const shell = await startWebShell(tempDir());
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    await app.open(shell.url);
    await page.getByTestId('nav-photos').click();
    await page
      .getByTestId('photo-import-input')
      .setInputFiles([path.join(fixtures, 'storm-canon-400d.jpg')]);
    await expect.poll(() => page.getByTestId('photo-tile').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('photo-select-all').click();
    await page.getByTestId('caption-text').fill('Mây giông trên cánh đồng');
    await page.getByTestId('caption-byline').fill('Nguyễn Thị Hường');
    await page.getByTestId('caption-save').click();

    // Focal point: open the large preview, pick, click near the right edge of the photo.
    await page.getByTestId('photo-tile').first().dblclick();
    const preview = page.getByTestId('photo-preview');
    await preview.waitFor();
    await preview.getByTestId('focal-pick').click();
    const image = preview.getByTestId('preview-image');
    const box = await image.boundingBox();
    expect(box).not.toBeNull();
    await image.click({ position: { x: (box?.width ?? 0) * 0.95, y: (box?.height ?? 0) * 0.5 } });
    await preview.getByTestId('focal-marker').waitFor();
    expect(await preview.innerText()).toMatch(/Điểm chính: 9\d% ngang, 50% dọc/);
    await screenshot(page, 'photo-desk-focal-point-vi');
    await page.keyboard.press('Escape');

    // A square recipe with the logo and the byline.
    await page.getByTestId('recipe-open').click();
    const editor = page.getByTestId('recipe-editor');
    await editor.waitFor();
    await editor.getByTestId('recipe-duplicate').first().click();
    // The copy is saved first and then opened in the form: type only once it is there.
    await expect.poll(() => editor.getByTestId('recipe-name').inputValue()).toBe('Web (bản sao)');
    await expect.poll(() => editor.getByTestId('recipe-item').count()).toBe(2);
    await editor.getByTestId('recipe-name').fill('Vuông có logo');
    await editor.getByTestId('recipe-aspect').selectOption('1:1');
    await editor.getByTestId('recipe-watermark-on').check();
    // A file that is not a PNG gets the main side's message and changes nothing.
    await editor.getByTestId('logo-upload').setInputFiles(notPng);
    await expect.poll(() => editor.getByTestId('recipe-watermark').innerText()).toContain('PNG');
    await editor.getByTestId('logo-upload').setInputFiles(logo);
    await expect.poll(() => editor.getByTestId('logo-choice').count()).toBe(1);
    await editor.getByTestId('logo-opacity').fill('100');
    await editor.getByTestId('logo-size').fill('25');
    await editor.getByTestId('logo-position').selectOption('top-right');
    await editor.getByTestId('recipe-text').check();
    await editor.getByTestId('recipe-text-template').fill('Ảnh: {byline}');
    await page.waitForTimeout(500);
    await screenshot(page, 'photo-desk-recipe-watermark-vi');
    await editor.getByTestId('recipe-save').click();
    await expect.poll(() => editor.getByTestId('recipe-message').innerText()).toContain('Đã lưu');
    await editor.getByTestId('recipe-close').click();

    await page.getByTestId('recipe-select').selectOption({ label: 'Vuông có logo' });
    await page.getByTestId('process-selected').click();
    await expect
      .poll(() => page.getByTestId('job-report').innerText(), { timeout: 90_000 })
      .toContain('1');
    const outDir = (await page.getByTestId('job-outdir').innerText()).trim();
    const jpegs = fs
      .readdirSync(outDir)
      .filter((name) => name.endsWith('.jpg'))
      .map((name) => path.join(outDir, name));
    const large = (
      await Promise.all(jpegs.map(async (file) => ({ file, meta: await sharp(file).metadata() })))
    ).find((entry) => (entry.meta.width ?? 0) > 500);
    expect(large?.meta.width).toBe(large?.meta.height);
    const side = large?.meta.width ?? 0;

    // The crop kept the right-hand side (focal point at 95%): compare with that crop, unstamped.
    const reference = path.join(scratch, 'reference.png');
    await sharp(path.join(fixtures, 'storm-canon-400d.jpg'))
      .extract({ left: 400, top: 0, width: 800, height: 800 })
      .resize(side, side)
      .png()
      .toFile(reference);
    const file = large?.file ?? '';
    const logoWidth = Math.round(side * 0.25);
    // Logo: top-right corner, red on sky.
    expect(
      await regionDifference(reference, file, {
        left: side - logoWidth,
        top: Math.round(side * 0.04),
        width: Math.round(logoWidth * 0.6),
        height: Math.round(logoWidth * 0.2),
      }),
    ).toBeGreaterThan(20);
    // Middle: the same picture, so the focal crop is right.
    expect(
      await regionDifference(reference, file, {
        left: Math.round(side * 0.3),
        top: Math.round(side * 0.3),
        width: Math.round(side * 0.4),
        height: Math.round(side * 0.3),
      }),
    ).toBeLessThan(4);
    await shell.stop();
  });
});
