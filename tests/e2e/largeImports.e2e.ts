import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { HandoffPage } from './pages/HandoffPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

/**
 * A real 12 MP camera-like JPEG: smooth noise (so it neither compresses away nor looks like pure
 * static), different every time, about 2.5–3 MB.
 */
async function cameraJpeg(file: string, seed: number): Promise<number> {
  const width = 1000;
  const height = 750;
  const raw = randomBytes(width * height * 3);
  raw[0] = seed;
  await sharp(raw, { raw: { width, height, channels: 3 } })
    .resize(4000, 3000, { kernel: 'cubic' })
    .jpeg({ quality: 92 })
    .toFile(file);
  return fs.statSync(file).size;
}

/** A PNG of noise of about `megabytes`, the way a screenshot-heavy graphic can be. */
async function noisePng(file: string, width: number, height: number): Promise<number> {
  const raw = randomBytes(width * height * 3);
  await sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toFile(file);
  return fs.statSync(file).size;
}

describe('large imports in the browser shell', () => {
  it('imports 16 ordinary 12 MP JPEGs and a 27.5 MB PNG in Kho ảnh, with progress', async () => {
    const scratch = tempDir('newsdesk-large-');
    const jpegs: string[] = [];
    let total = 0;
    for (let i = 0; i < 16; i += 1) {
      const file = path.join(scratch, `DSC_${String(1000 + i)}.jpg`);
      total += await cameraJpeg(file, i + 1);
      jpegs.push(file);
    }
    expect(total).toBeGreaterThan(40 * 1024 * 1024);
    const png = path.join(scratch, 'do-hoa-lon.png');
    const pngSize = await noisePng(png, 3050, 3000);
    expect(pngSize).toBeGreaterThan(27 * 1024 * 1024);
    expect(pngSize).toBeLessThan(40 * 1024 * 1024);

    const shell = await startWebShell(tempDir());
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    // Importing 16 camera photos takes minutes on a loaded two-core test machine.
    page.setDefaultTimeout(300_000);
    await app.open(shell.url);
    await page.getByTestId('nav-photos').click();
    // Progress is shown while each file uploads; record every text it shows (the page is too
    // busy on a loaded machine to poll for a moment of it).
    // A string, so the Node-side typecheck needs no DOM types.
    await page.evaluate(`(() => {
      const seen = [];
      window.uploadProgress = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="upload-progress"]')?.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    })()`);
    await page.getByTestId('photo-import-input').setInputFiles(jpegs);
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 600_000 });
    expect(await page.getByTestId('import-failed').count()).toBe(0);
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(16);
    const shown = await page.evaluate<string[]>('window.uploadProgress');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown[0]).toMatch(/Đang tải lên [\d.]+\/[\d.]+ MB/u);
    await screenshot(page, 'photo-import-16-jpegs');

    await page.getByTestId('photo-import-input').setInputFiles([png]);
    await expect.poll(() => page.getByTestId('photo-tile').count(), { timeout: 300_000 }).toBe(17);
    expect(await page.getByTestId('import-failed').count()).toBe(0);
    await screenshot(page, 'photo-import-large');
    await shell.stop();
  }, 1_200_000);

  it('inserts a 27.5 MB PNG from the computer into an article in the editor', async () => {
    // Sent whole (base64 in one call) it was over the bridge's 32 MB cap: refused with
    // «Yêu cầu gửi lên lớn hơn 32 MB…». It now goes up in chunks like any photo.
    const png = path.join(tempDir('newsdesk-large-figure-'), 'do-thi-lon.png');
    expect(await noisePng(png, 3050, 3000)).toBeGreaterThan(27 * 1024 * 1024);
    const shell = await startWebShell(tempDir());
    try {
      const app = new AppPage(await newPage(chromium()));
      const page = app.page;
      page.setDefaultTimeout(120_000);
      await app.open(shell.url);
      await app.createArticle();
      await app.typeTitle('Bài có đồ thị lớn');
      await app.body.click();
      await page.getByTestId('image-file-input').setInputFiles([png]);
      await page.getByTestId('figure').first().waitFor();
      // Filed in Kho ảnh too, like every photo in an article.
      await page.getByTestId('nav-photos').click();
      await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(1);
    } finally {
      await shell.stop();
    }
  }, 900_000);

  it('imports a bundle over 24 MB from the article list', async () => {
    const scratch = tempDir('newsdesk-large-bundle-');
    const png = path.join(scratch, 'anh-lon.png');
    await noisePng(png, 3050, 3000);

    // The sending workstation: an article with the large photo, exported as a bundle.
    const source = await startWebShell(tempDir());
    // Sent whole, the photo is over the bridge's 32 MB request cap (the 413 may arrive while
    // Node is still sending, as a reset); the upload calls take it.
    await expect(
      bridgeCall(source.url, 'photos.import', {
        files: [{ name: 'anh-lon.png', dataBase64: fs.readFileSync(png).toString('base64') }],
      }),
    ).rejects.toThrow(/32 MB|fetch failed/u);
    const mediaPath = (await uploadPhoto(source.url, png)).imported[0]?.mediaPath;
    expect(mediaPath).toBeTruthy();
    const article = await bridgeCall<{ id: string }>(source.url, 'articles.create', {
      title: 'Bài có ảnh lớn',
    });
    await bridgeCall(source.url, 'articles.save', {
      id: article.id,
      title: 'Bài có ảnh lớn',
      meta: {
        slug: '',
        slugLocked: false,
        lead: '',
        categoryId: null,
        tags: [],
        authorId: null,
        source: '',
        featuredImage: null,
        publishAt: null,
        expireAt: null,
      },
      body: {
        type: 'doc',
        content: [
          {
            type: 'figure',
            attrs: { mediaPath, alt: 'Ảnh lớn', credit: 'Ảnh: Minh Anh' },
            content: [{ type: 'text', text: 'Ảnh lớn' }],
          },
        ],
      },
      baseVersion: 0,
    });
    const exported = await bridgeCall<{ path: string }>(source.url, 'bundles.export', {
      articleIds: [article.id],
      includeData: false,
    });
    await source.stop();
    expect(fs.statSync(exported.path).size).toBeGreaterThan(24 * 1024 * 1024);

    const target = await startWebShell(tempDir());
    const handoff = new HandoffPage(await newPage(chromium()));
    handoff.page.setDefaultTimeout(300_000);
    await new AppPage(handoff.page).open(target.url);
    const lines = await handoff.importBundle(exported.path);
    // The two libraries share no newsroom, so the article arrives whole as an unverified copy.
    expect(lines).toHaveLength(1);
    expect(lines[0]?.title).toMatch(/^Bài có ảnh lớn/u);
    expect(lines[0]?.outcome).toBe('unverified');
    await screenshot(handoff.page, 'bundle-import-large');
    await target.stop();
  }, 900_000);
});

/** Uploads one photo through the chunked upload calls, as the photo desk does. */
async function uploadPhoto(
  url: string,
  file: string,
): Promise<{ imported: Array<{ mediaPath: string }> }> {
  const data = fs.readFileSync(file);
  const { uploadId } = await bridgeCall<{ uploadId: string }>(url, 'uploads.begin', {
    kind: 'photo',
    fileName: path.basename(file),
    size: data.length,
  });
  for (let offset = 0; offset < data.length; offset += 8 * 1024 * 1024) {
    await bridgeCall(url, 'uploads.append', {
      uploadId,
      offset,
      dataBase64: data.subarray(offset, offset + 8 * 1024 * 1024).toString('base64'),
    });
  }
  return bridgeCall(url, 'photos.importUploaded', { uploadIds: [uploadId] });
}
