import { fork } from 'node:child_process';
import { copyFile, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tempDir } from '../../../../tests/support/tempDir';
import { defaultWebRecipe, processPhoto } from '../index';
import { fixtures } from '../../../../tests/support/photoKit';
import { insertJob } from '../../db/queries/photoJobs';
import { leftovers, listTree, openJobsDb, runnerFor } from './batchTestKit';
import { sourcePhotoWorkerUrl } from './sourceWorker';
import { createPhotoWorkerPool } from './workerPool';
import type { PhotoWorkerPool } from './workerPool';

const jitiCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('jiti/package.json')),
  'lib/jiti-cli.mjs',
);
const crashChild = fileURLToPath(new URL('./crashChild.ts', import.meta.url));

let pool: PhotoWorkerPool;

beforeAll(() => {
  pool = createPhotoWorkerPool({ workerUrl: sourcePhotoWorkerUrl, size: 2 });
});

afterAll(async () => {
  await pool.close();
});

async function copies(dir: string, count: number): Promise<string[]> {
  const sources = Object.values(fixtures);
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = path.join(dir, `DSC_${String(i + 1).padStart(4, '0')}.jpg`);
    await copyFile(sources[i % sources.length] ?? fixtures.storm, file);
    files.push(file);
  }
  return files;
}

/** Runs the batch in a child process and SIGKILLs it once `killAfter` photos are recorded. */
function runAndKill(settings: object, killAfter: number): Promise<{ jobId: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(jitiCli, [crashChild], {
      env: { ...process.env, NEWSDESK_CRASH_CHILD: JSON.stringify(settings) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let jobId = '';
    child.on('message', (message: { type: string; jobId?: string; done?: number }) => {
      if (message.type === 'started') jobId = message.jobId ?? '';
      if (message.type === 'progress' && (message.done ?? 0) >= killAfter) child.kill('SIGKILL');
      if (message.type === 'finished') reject(new Error('the batch finished before the kill'));
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve({ jobId });
      else reject(new Error(`child exited without being killed (${String(signal)})`));
    });
  });
}

describe('photo batch after a crash', () => {
  it('resumes a batch killed mid-run: every output exactly once, no leftovers', async () => {
    const root = tempDir();
    const outDir = path.join(root, 'out');
    const dbFile = path.join(root, 'jobs.sqlite');
    const inputs = await copies(root, 16);
    const { jobId } = await runAndKill({ dbFile, outDir, inputs }, 4);

    const db = openJobsDb(dbFile);
    const { runner } = runnerFor(db, pool);
    const before = runner.status(jobId);
    expect(before?.state).toBe('running');
    expect(before?.counts.done).toBeGreaterThanOrEqual(4);
    expect(before?.counts.done).toBeLessThan(16);
    expect(before?.counts.running).toBeGreaterThan(0);

    expect(await runner.resumeInterrupted()).toEqual([jobId]);
    const status = await runner.whenIdle(jobId);
    expect(status?.state).toBe('done');
    expect(status?.counts).toMatchObject({ done: 16, failed: 0, pending: 0, running: 0 });
    const recorded = (status?.items ?? []).flatMap((item) =>
      item.outputs.map((output) => path.basename(output.path)),
    );
    const onDisk = await listTree(outDir);
    expect(leftovers(onDisk)).toEqual([]);
    expect(onDisk).toHaveLength(48);
    expect([...recorded].sort()).toEqual(onDisk);
    expect(onDisk.filter((name) => /-\d+-\d+-2\.\w+$/.test(name))).toEqual([]);
    await runner.close();
    db.close();
  });

  it('adopts outputs written just before a crash instead of writing them twice', async () => {
    const root = tempDir();
    const outDir = path.join(root, 'out');
    const db = openJobsDb(path.join(root, 'jobs.sqlite'));
    const [first, second, third] = await copies(root, 3);
    // Two items render to identical bytes (same photo, same meta): names differ only by "-2".
    const meta = { slug: 'trung-lap' };
    const inputs = [first, first, second, third].map((file) => ({ path: file ?? '', meta }));
    const jobId = 'a1b2c3d4-0000-4000-8000-000000000001';
    const t0 = Date.now() - 1_000;
    insertJob(
      db,
      {
        id: jobId,
        kind: 'photos.batch',
        recipe_json: JSON.stringify(defaultWebRecipe),
        out_dir: outDir,
        existing_policy: 'rename',
        state: 'running',
      },
      inputs,
      t0,
    );
    // Item 1 finished and was recorded; item 2 wrote all its outputs, item 3 only some of them,
    // and the process died before either was recorded.
    const write = (file: string): ReturnType<typeof processPhoto> =>
      processPhoto({
        inputPath: file,
        recipe: defaultWebRecipe,
        meta,
        outDir,
        existingPolicy: 'rename',
      });
    const one = await write(first ?? '');
    db.prepare(
      `UPDATE photo_job_items SET state = 'done', outputs_json = ? WHERE job_id = ? AND seq = 1`,
    ).run(JSON.stringify(one), jobId);
    db.prepare('UPDATE photo_jobs SET done = 1 WHERE id = ?').run(jobId);
    await write(first ?? '');
    const three = await write(second ?? '');
    await unlink(three[1]?.path ?? '');
    db.prepare(
      `UPDATE photo_job_items SET state = 'running', started_at = ? WHERE job_id = ? AND seq IN (2, 3)`,
    ).run(t0, jobId);

    const { runner } = runnerFor(db, pool);
    await runner.resumeInterrupted();
    const status = await runner.whenIdle(jobId);
    expect(status?.counts).toMatchObject({ done: 4, failed: 0 });
    const onDisk = await listTree(outDir);
    expect(onDisk).toHaveLength(12);
    const recorded = (status?.items ?? []).flatMap((item) =>
      item.outputs.map((output) => path.basename(output.path)),
    );
    expect([...recorded].sort()).toEqual(onDisk);
    // Item 2 adopted the "-2" copies rather than item 1's files or a third copy.
    expect(status?.items[1]?.outputs.map((output) => path.basename(output.path))).toEqual(
      one.map((output) => path.basename(output.path).replace(/(\.\w+)$/, '-2$1')),
    );
    await runner.close();
    db.close();
  });
});
