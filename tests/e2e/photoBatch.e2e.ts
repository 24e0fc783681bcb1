import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { JobStatus, PhotoImportReport } from '../../shared/photos/desk';
import { tempDir } from '../support/tempDir';
import { bridgeCall } from './support/bridgeCall';
import { repoRoot, startWebShell } from './support/webShell';

describe('photo batches in the built browser shell', () => {
  it('runs the Web recipe on worker threads from the bundled photoWorker.js', async () => {
    const shell = await startWebShell(tempDir());
    const photos = ['storm-canon-400d.jpg', 'dune-canon-rebel.jpg', 'wood-konica-minolta.jpg'];
    const report = await bridgeCall<PhotoImportReport>(shell.url, 'photos.import', {
      files: photos.map((name) => ({
        name,
        dataBase64: fs
          .readFileSync(path.join(repoRoot, 'tests/fixtures/photos', name))
          .toString('base64'),
      })),
      event: 'Hội nghị',
    });
    expect(report.imported).toHaveLength(3);
    const { jobId } = await bridgeCall<{ jobId: string }>(shell.url, 'photos.process', {
      ids: report.imported.map((photo) => photo.id),
    });
    let status = await bridgeCall<JobStatus>(shell.url, 'jobs.status', { jobId });
    for (let i = 0; i < 600 && (status.state === 'running' || status.state === 'queued'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await bridgeCall<JobStatus>(shell.url, 'jobs.status', { jobId });
    }
    expect(status).toMatchObject({ state: 'done', done: 3, failed: 0 });
    expect(status.items.flatMap((item) => item.outputs)).toHaveLength(9);
    await shell.stop();
  });
});
