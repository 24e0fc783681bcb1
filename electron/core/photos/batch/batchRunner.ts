import { randomUUID } from 'node:crypto';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { EventBus } from '../../events/eventBus';
import type { Logger } from '../../logging/logger';
import type { ExistingPolicy, PhotoMeta, Recipe } from '../index';
import { parseRecipe } from '../../../../shared/photos/recipe';
import {
  claimNextItem,
  claimedOutputs,
  countItems,
  finishItem,
  getJob,
  insertJob,
  jobsInStates,
  parseMeta,
  requeueItem,
  resetInterruptedItems,
  setJobState,
  skipPending,
} from '../../db/queries/photoJobs';
import type { ItemRow, JobRow } from '../../db/queries/photoJobs';
import type { PhotoTask } from './messages';
import { createEtaTracker, createThrottle } from './progress';
import type { EtaTracker, Throttle } from './progress';
import { sweepOutDir } from './scratch';
import { batchStatus, progressLabel } from './status';
import type { BatchStatus } from './status';
import type { PhotoWorkerPool, TaskResult } from './workerPool';

/** The `kind` of photo batch jobs, in the table and in `jobs.progress` events. */
export const PHOTO_BATCH_KIND = 'photos.batch';

/** What a batch is asked to do; the recipe is already parsed (validated at the contract). */
export interface StartBatchInput {
  inputs: { path: string; meta?: PhotoMeta | undefined }[];
  recipe: Recipe;
  outDir: string;
  existingPolicy: ExistingPolicy;
  maxPixels?: number | undefined;
}

/** Everything the runner needs, passed in so it tests as plain functions (docs/ARCHITECTURE.md rule 11). */
export interface BatchRunnerDeps {
  db: Database;
  events: EventBus;
  logger: Logger;
  pool: PhotoWorkerPool;
  now?: (() => number) | undefined;
  /** The name progress labels show for an input (the library stores originals under hashes). */
  displayName?: ((inputPath: string) => string) | undefined;
  /** Photos in flight across all jobs; defaults to the pool's size (one per core). */
  concurrency?: number | undefined;
}

/** The photo batch queue: durable in SQLite, processed by the worker pool. */
export interface BatchRunner {
  /** Records the job and starts it; returns its id. */
  start(input: StartBatchInput): string;
  /** Stops starting new photos; the ones in flight finish. */
  pause(jobId: string): BatchStatus | undefined;
  /** Continues a paused job (also after a full disk has been dealt with). */
  resume(jobId: string): BatchStatus | undefined;
  /** Aborts photos in flight (each one finishes whole or leaves nothing) and skips the rest. */
  cancel(jobId: string): BatchStatus | undefined;
  /** Per-item states, counts and ETA: the batch report. */
  status(jobId: string): BatchStatus | undefined;
  /** At start-up: requeues items a crash left running and continues the jobs that were running. */
  resumeInterrupted(): Promise<string[]>;
  /** Resolves when nothing of the job is in flight and it will not go on by itself. */
  whenIdle(jobId: string): Promise<BatchStatus | undefined>;
  /** Stops timers and waits for in-flight photos; the pool is the caller's to close. */
  close(): Promise<void>;
}

interface ActiveJob {
  id: string;
  task: Omit<PhotoTask, 'inputPath' | 'meta' | 'recoverSince' | 'claimed'>;
  inFlight: Map<number, AbortController>;
  eta: EtaTracker;
  throttle: Throttle;
  lastFile: string;
  waiters: (() => void)[];
}

const SETTLED = new Set<JobRow['state']>(['paused', 'cancelled', 'done', 'failed']);

/** Creates the batch runner; call `resumeInterrupted()` once at start-up. */
export function createBatchRunner(deps: BatchRunnerDeps): BatchRunner {
  const { db, events, pool } = deps;
  const logger = deps.logger.child('photos/batch');
  const now = deps.now ?? Date.now;
  const displayName = deps.displayName ?? ((inputPath: string) => path.basename(inputPath));
  const concurrency = Math.max(1, deps.concurrency ?? pool.size);
  const active = new Map<string, ActiveJob>();
  const running = new Set<Promise<void>>();
  let inFlight = 0;

  /** Throttled; also where idle waiters are released, so they see the final event first. */
  const emitProgress = (job: ActiveJob): void => {
    if (!db.open) return;
    const status = batchStatus(db, job.id, job.eta, { items: false });
    if (status === undefined) return;
    const { counts } = status;
    events.emit('jobs.progress', {
      jobId: job.id,
      kind: PHOTO_BATCH_KIND,
      done: counts.done + counts.failed + counts.skipped,
      total: status.total,
      label: progressLabel(status, job.lastFile),
      etaSeconds: status.state === 'running' ? status.etaSeconds : null,
    });
    if (job.inFlight.size > 0 || !SETTLED.has(status.state)) return;
    for (const resolve of job.waiters.splice(0)) resolve();
    // Paused jobs stay loaded so resume() keeps the moving average; others are finished.
    if (status.state !== 'paused') active.delete(job.id);
  };

  const activate = (row: JobRow): ActiveJob => {
    const existing = active.get(row.id);
    if (existing !== undefined) return existing;
    const job: ActiveJob = {
      id: row.id,
      task: {
        recipe: parseRecipe(JSON.parse(row.recipe_json)),
        outDir: row.out_dir,
        existingPolicy: row.existing_policy,
      },
      inFlight: new Map(),
      eta: createEtaTracker(now),
      throttle: createThrottle(100, () => emitProgress(job)),
      lastFile: '',
      waiters: [],
    };
    active.set(row.id, job);
    return job;
  };

  const settleIfIdle = (job: ActiveJob): void => {
    if (job.inFlight.size > 0) return;
    const row = getJob(db, job.id);
    if (row === undefined) return;
    if (row.state === 'running' && countItems(db, job.id).pending === 0) {
      setJobState(db, job.id, 'done', now());
      logger.info('batch finished', { jobId: job.id, done: row.done, failed: row.failed });
    } else if (!SETTLED.has(row.state)) {
      return;
    }
    job.throttle.call();
  };

  const onResult = (job: ActiveJob, item: ItemRow, result: TaskResult): void => {
    const at = now();
    if (result.ok) {
      finishItem(db, job.id, item.seq, { state: 'done', outputs: result.outputs }, at);
      if (result.adopted)
        logger.info('adopted outputs after a crash', { jobId: job.id, item: item.seq });
    } else {
      const { code, message, detail } = result.failure;
      const state = getJob(db, job.id)?.state;
      if (code === 'PHOTO_DISK_FULL') {
        // Every remaining photo would fail the same way: pause and say why instead.
        requeueItem(db, job.id, item.seq);
        if (state === 'running') setJobState(db, job.id, 'paused', at, { code, message });
        logger.warn('disk full, batch paused', { jobId: job.id, detail });
      } else if (code === 'PHOTO_CANCELLED' && state !== 'cancelled') {
        requeueItem(db, job.id, item.seq);
      } else {
        const skipped = code === 'PHOTO_CANCELLED' || code === 'PHOTO_OUTPUT_EXISTS';
        finishItem(
          db,
          job.id,
          item.seq,
          { state: skipped ? 'skipped' : 'failed', errorCode: code, errorMessage: message },
          at,
        );
        if (!skipped) logger.warn('photo failed', { jobId: job.id, item: item.seq, code, detail });
      }
    }
    if (result.ok || result.failure.code !== 'PHOTO_DISK_FULL') job.eta.record();
    job.lastFile = displayName(item.input_path);
    job.throttle.call();
  };

  const launch = (job: ActiveJob, item: ItemRow): void => {
    const controller = new AbortController();
    job.inFlight.set(item.seq, controller);
    inFlight += 1;
    const recovering = item.recover_since !== null;
    const task: PhotoTask = {
      ...job.task,
      inputPath: item.input_path,
      meta: parseMeta(item.meta_json),
      recoverSince: item.recover_since ?? undefined,
      claimed: recovering ? claimedOutputs(db, job.task.outDir) : undefined,
    };
    const work = pool
      .run(task, controller.signal)
      .catch((error: unknown): TaskResult => ({
        ok: false,
        failure: {
          code: 'PHOTO_INTERNAL',
          message: `Lỗi không mong đợi khi xử lý «${path.basename(item.input_path)}».`,
          detail: error instanceof Error ? error.message : String(error),
        },
      }))
      .then((result) => {
        job.inFlight.delete(item.seq);
        inFlight -= 1;
        // The result and the next claim commit together: one fsync per photo, and the freed worker
        // gets its next photo as soon as that commit is on disk.
        pump(() => {
          try {
            onResult(job, item, result);
          } catch (error) {
            logger.error('could not record a photo result', { jobId: job.id, error });
          }
        });
        settleIfIdle(job);
      });
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  /**
   * Claims photos for every free slot and launches them. Claims are committed before any worker
   * sees its photo, so a crash always finds them 'running' (see recover.ts); `record` runs in the
   * same transaction.
   */
  let closing = false;
  const pump = (record?: () => void): void => {
    if (!db.open) return;
    const claimed = db.transaction(() => {
      record?.();
      // Closing: results are still recorded, but nothing new is claimed. A photo cancelled by
      // the close goes back to the queue and waits for the next start (resumeInterrupted);
      // claiming it again would hand it to a closed pool, which answers "cancelled" at once,
      // a loop of promise callbacks that never lets the process quit.
      if (closing) return [];
      const picks: { job: ActiveJob; item: ItemRow }[] = [];
      for (const job of active.values()) {
        while (inFlight + picks.length < concurrency && getJob(db, job.id)?.state === 'running') {
          const item = claimNextItem(db, job.id, now());
          if (item === undefined) break;
          picks.push({ job, item });
        }
      }
      return picks;
    })();
    for (const { job, item } of claimed) launch(job, item);
    for (const job of active.values()) settleIfIdle(job);
  };

  const transition = (
    jobId: string,
    from: readonly JobRow['state'][],
    to: JobRow['state'],
  ): JobRow | undefined => {
    const row = getJob(db, jobId);
    if (row === undefined) return undefined;
    if (from.includes(row.state)) setJobState(db, jobId, to, now());
    return getJob(db, jobId);
  };

  const statusOf = (jobId: string): BatchStatus | undefined =>
    batchStatus(db, jobId, active.get(jobId)?.eta);

  return {
    start(input) {
      const id = randomUUID();
      insertJob(
        db,
        {
          id,
          kind: PHOTO_BATCH_KIND,
          recipe_json: JSON.stringify(input.recipe),
          out_dir: input.outDir,
          existing_policy: input.existingPolicy,
          state: 'running',
        },
        input.inputs.map((entry) => ({ path: entry.path, meta: entry.meta ?? {} })),
        now(),
      );
      const row = getJob(db, id);
      if (row === undefined) throw new Error('photo job vanished after insert');
      const job = activate(row);
      if (input.maxPixels !== undefined) job.task.maxPixels = input.maxPixels;
      logger.info('batch started', { jobId: id, total: input.inputs.length, outDir: input.outDir });
      pump();
      job.throttle.call();
      return id;
    },
    pause(jobId) {
      transition(jobId, ['running', 'queued'], 'paused');
      const job = active.get(jobId);
      if (job !== undefined) {
        job.throttle.call();
        settleIfIdle(job);
      }
      return statusOf(jobId);
    },
    resume(jobId) {
      const row = transition(jobId, ['paused', 'queued'], 'running');
      if (row?.state === 'running') {
        const job = activate(row);
        job.eta.restart();
        job.throttle.call();
        pump();
      }
      return statusOf(jobId);
    },
    cancel(jobId) {
      const row = transition(jobId, ['running', 'paused', 'queued'], 'cancelled');
      if (row?.state !== 'cancelled') return statusOf(jobId);
      skipPending(
        db,
        jobId,
        { code: 'PHOTO_CANCELLED', message: 'Đã huỷ loạt xử lý trước khi đến ảnh này.' },
        now(),
      );
      const job = active.get(jobId);
      if (job !== undefined) {
        for (const controller of job.inFlight.values()) controller.abort();
        job.throttle.call();
        settleIfIdle(job);
      }
      return statusOf(jobId);
    },
    status: statusOf,
    async resumeInterrupted() {
      const reset = resetInterruptedItems(db);
      const jobs = jobsInStates(db, ['running']);
      for (const row of jobs) {
        const stale = await sweepOutDir(row.out_dir);
        if (stale.length > 0) logger.info('removed leftovers of a crash', { jobId: row.id, stale });
      }
      if (reset > 0 || jobs.length > 0)
        logger.info('resuming batches', { reset, jobs: jobs.length });
      for (const row of jobs) activate(row).throttle.call();
      pump();
      return jobs.map((row) => row.id);
    },
    whenIdle(jobId) {
      const job = active.get(jobId);
      if (job === undefined) return Promise.resolve(statusOf(jobId));
      return new Promise((resolve) => {
        job.waiters.push(() => resolve(statusOf(jobId)));
        settleIfIdle(job);
      });
    },
    async close() {
      closing = true;
      for (const job of active.values()) {
        for (const controller of job.inFlight.values()) controller.abort();
      }
      await Promise.all([...running]);
      for (const job of active.values()) job.throttle.cancel();
    },
  };
}
