import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { openJobsDb, runnerFor } from '../electron/core/photos/batch/batchTestKit';
import { sourcePhotoWorkerUrl } from '../electron/core/photos/batch/sourceWorker';

import {
  createPhotoWorkerPool,
  defaultConcurrency,
} from '../electron/core/photos/batch/workerPool';
import { defaultWebRecipe } from '../electron/core/photos/index';

const builtWorker = path.resolve(import.meta.dirname, '../out/main/photoWorker.js');

/*
 * One Newsdesk batch in its own process, so its peak memory is its own: the real runner, SQLite
 * queue and worker pool on the standard recipe. Settings in NEWSDESK_BENCH_CHILD; the result is
 * sent to the parent over IPC (or printed when run by hand).
 */

interface ChildSettings {
  inputs: string[];
  /** Each input is queued this many times, under different output names. */
  repeat: number;
  workDir: string;
  vipsThreads?: number;
  /** Another built worker to measure (an A/B against a saved build); defaults to out/main's. */
  workerPath?: string;
  /** Workers in the pool; defaults to one per core. */
  workers?: number;
}

/** What the child reports. */
export interface ChildResult {
  photos: number;
  seconds: number;
  failed: number;
  peakRssMb: number;
  /** CPU time (user + system, every thread) of the timed batch, per photo, in ms. */
  cpuMsPerPhoto: number;
  outDir: string;
  /** The 1600 px JPEG of each input of the first round, in input order. */
  jpeg1600: string[];
}

const settings = JSON.parse(process.env.NEWSDESK_BENCH_CHILD ?? '{}') as ChildSettings;
const outDir = path.join(settings.workDir, 'newsdesk');
rmSync(settings.workDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 20);

const db = openJobsDb(path.join(settings.workDir, 'jobs.sqlite'));
const pool = createPhotoWorkerPool({
  // The bundled worker the app ships (`npm run build`), not the jiti shim the tests use: the shim
  // adds a TypeScript transpiler to every worker's memory.
  workerUrl: settings.workerPath ?? (existsSync(builtWorker) ? builtWorker : sourcePhotoWorkerUrl),
  size: settings.workers ?? defaultConcurrency(),
  settings: { vipsThreads: settings.vipsThreads },
});
const { runner } = runnerFor(db, pool);

// Warm-up: load the workers and libvips on two photos outside the timed run.
const warm = runner.start({
  inputs: settings.inputs.slice(0, 2).map((file) => ({ path: file, meta: { slug: 'warm' } })),
  recipe: defaultWebRecipe,
  outDir: path.join(settings.workDir, 'warm-up'),
  existingPolicy: 'overwrite',
});
await runner.whenIdle(warm);

const inputs = Array.from({ length: settings.repeat }, (_, round) =>
  settings.inputs.map((file, index) => ({
    path: file,
    meta: { slug: `r${round + 1}`, seq: index + 1 },
  })),
).flat();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const jobId = runner.start({
  inputs,
  recipe: defaultWebRecipe,
  outDir,
  existingPolicy: 'rename',
});
const status = await runner.whenIdle(jobId);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
sample();
// ru_maxrss covers what sampling might miss between ticks (KiB on Linux).
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
await runner.close();
await pool.close();
db.close();

const result: ChildResult = {
  photos: inputs.length,
  seconds,
  failed: (status?.counts.failed ?? 0) + (status?.counts.skipped ?? 0),
  peakRssMb: peak / (1024 * 1024),
  cpuMsPerPhoto: (cpu.user + cpu.system) / 1000 / inputs.length,
  outDir,
  jpeg1600: (status?.items ?? [])
    .slice(0, settings.inputs.length)
    .map(
      (item) =>
        item.outputs
          .filter((output) => output.format === 'jpeg')
          .sort((a, b) => b.width - a.width)[0]?.path ?? '',
    ),
};
if (process.send) process.send(result);
else console.log(JSON.stringify(result));
