import path from 'node:path';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import type { JobStatus, PhotoImportReport } from '../../shared/photos/desk';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage } from './support/browser';
import { useChromium } from './support/useChromium';
import { bridgeCall } from './support/bridgeCall';
import { repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();

describe('typing while a photo batch runs', () => {
  it('keeps every letter exact while the workers are busy', async () => {
    const shell = await startWebShell(tempDir());
    // Camera-sized (12 MP) photos made from the real fixtures, so each one takes real work.
    const names = ['storm-canon-400d.jpg', 'dune-canon-rebel.jpg'];
    const files = await Promise.all(
      names.map(async (name) => ({
        name,
        dataBase64: (
          await sharp(path.join(repoRoot, 'tests/fixtures/photos', name))
            .resize(4000, 3000, { fit: 'fill' })
            .jpeg({ quality: 92 })
            .toBuffer()
        ).toString('base64'),
      })),
    );
    const report = await bridgeCall<PhotoImportReport>(shell.url, 'photos.import', { files });
    const ids = report.imported.map((photo) => photo.id);
    const app = new AppPage(await newPage(chromium()));
    await app.open(shell.url);
    await app.createArticle();
    // The batch starts right before typing; each photo several times over (rename policy), so it
    // outlasts the typing by several seconds.
    const { jobId } = await bridgeCall<{ jobId: string }>(shell.url, 'photos.process', {
      ids: Array.from({ length: 20 }, () => ids).flat(),
    });
    const sentence =
      'Các đồng chí lãnh đạo tỉnh đã đến dự và phát biểu chỉ đạo hội nghị tổng kết công tác năm 2023.';
    await app.typeBody(sentence);
    const during = await bridgeCall<JobStatus>(shell.url, 'jobs.status', { jobId, items: false });
    expect(during.state).toBe('running');
    expect(during.done).toBeLessThan(during.total);
    await expect.poll(() => app.body.innerText()).toBe(sentence);
    await app.waitUntilSaved();

    let status = during;
    for (let i = 0; i < 900 && (status.state === 'running' || status.state === 'queued'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await bridgeCall<JobStatus>(shell.url, 'jobs.status', { jobId, items: false });
    }
    expect(status).toMatchObject({ state: 'done', done: 40, failed: 0 });
    const article = (
      await bridgeCall<Array<{ excerpt: string }>>(shell.url, 'articles.list', {})
    )[0];
    expect(article?.excerpt).toBe(sentence);
    await shell.stop();
  });
});
