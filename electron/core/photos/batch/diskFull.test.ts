import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tempDir } from '../../../../tests/support/tempDir';
import { defaultWebRecipe } from '../index';
import { fixtures, sampleMeta } from '../../../../tests/support/photoKit';
import { leftovers, listTree, openJobsDb, runnerFor } from './batchTestKit';
import { sourcePhotoWorkerUrl } from './sourceWorker';
import { createPhotoWorkerPool } from './workerPool';
import type { PhotoWorkerPool } from './workerPool';

/** Mounts a 1 MB tmpfs: a real full disk, when this machine lets us (root, no seccomp block). */
function mountSmallDisk(dir: string, size: string, remount = false): string | undefined {
  try {
    const options = remount ? `remount,size=${size}` : `size=${size}`;
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

let disk = '';
let cannotMount: string | undefined;
let pool: PhotoWorkerPool;

beforeAll(async () => {
  disk = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-full-disk-'));
  cannotMount = mountSmallDisk(disk, '1m');
  if (cannotMount !== undefined) {
    console.warn(`full-disk case skipped: cannot mount a 1 MB tmpfs here (${cannotMount})`);
  }
  pool = createPhotoWorkerPool({ workerUrl: sourcePhotoWorkerUrl, size: 2 });
});

afterAll(async () => {
  await pool.close();
  if (cannotMount === undefined) execFileSync('umount', [disk]);
  await rmdir(disk);
});

describe('photo batch on a full disk', () => {
  it('pauses with a clear message instead of failing every photo, then resumes', async (context) => {
    if (cannotMount !== undefined) {
      context.skip(`cannot mount a 1 MB tmpfs here: ${cannotMount}`);
      return;
    }
    const root = tempDir();
    const outDir = path.join(disk, 'out');
    const inputs: { path: string; meta: typeof sampleMeta }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const file = path.join(root, `P${i + 1}.jpg`);
      await copyFile(Object.values(fixtures)[i % 4] ?? fixtures.storm, file);
      inputs.push({ path: file, meta: { ...sampleMeta, seq: i + 1 } });
    }
    const db = openJobsDb(path.join(root, 'jobs.sqlite'));
    const { runner } = runnerFor(db, pool);
    const jobId = runner.start({
      inputs,
      recipe: defaultWebRecipe,
      outDir,
      existingPolicy: 'rename',
    });

    const paused = await runner.whenIdle(jobId);
    expect(paused).toMatchObject({ state: 'paused', stateCode: 'PHOTO_DISK_FULL' });
    expect(paused?.stateMessage).toMatch(/Ổ đĩa đã đầy/);
    expect(paused?.counts.failed).toBe(0);
    expect(paused?.counts.pending).toBeGreaterThan(0);
    const recorded = (items: typeof paused): string[] =>
      (items?.items ?? []).flatMap((item) => item.outputs.map((o) => path.basename(o.path))).sort();
    const onDisk = await listTree(outDir);
    expect(leftovers(onDisk)).toEqual([]);
    expect(onDisk).toEqual(recorded(paused));

    // The editor frees space (here: a bigger disk) and presses "Tiếp tục".
    expect(mountSmallDisk(disk, '64m', true)).toBeUndefined();
    runner.resume(jobId);
    const done = await runner.whenIdle(jobId);
    expect(done).toMatchObject({ state: 'done', stateCode: null });
    expect(done?.counts).toMatchObject({ done: 12, failed: 0 });
    expect(await listTree(outDir)).toEqual(recorded(done));
    expect(recorded(done)).toHaveLength(36);
    await runner.close();
    db.close();
  });
});
