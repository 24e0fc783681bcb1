import type { Database } from 'better-sqlite3';

import type { SyncItemRow } from '../db/queries/sync';
import { dueItems, getItem, nextDueAt, updateItem } from '../db/queries/sync';
import { syncLogWriter } from './logLines';
import type { Logger } from '../logging/logger';
import type { PortalConnections } from './connections';
import type { BackoffOptions } from './failure';
import { classifyFailure, retryDelay } from './failure';
import { createLimiter } from './limiter';
import type { RenderCache } from './photos';
import type { RunContext, RunOutcome } from './runItem';
import { conflictError } from './conflicts';
import { runPublish, runTakedown } from './runItem';

/** How much the worker does at once and how it waits between attempts. */
export interface WorkerOptions {
  /** Articles in progress at once. */
  itemConcurrency: number;
  /** Uploads in flight at once, across all articles. */
  uploadConcurrency: number;
  backoff: BackoffOptions;
}

/** Why a run was stopped from outside. */
type StopReason = 'cancelled' | 'closing';

interface Running {
  controller: AbortController;
  done: Promise<void>;
  stopReason: StopReason | null;
}

/** Longest single timer: setTimeout overflows above 2^31-1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The background worker: starts due items up to the concurrency limit, wakes up for the next
 * scheduled retry, records every outcome in the item (state, attempts, next attempt, last error)
 * and resumes whatever a crash interrupted, because all state is in SQLite.
 */
export function createSyncWorker(deps: {
  db: Database;
  now: () => number;
  logger: Logger;
  connections: PortalConnections;
  cache: RenderCache;
  options: WorkerOptions;
  /** Called after every change of an item (events for the UI). */
  changed: (itemId: string) => void;
  /** Called when a portal answered (true) or could not be reached (false). */
  reachability: (online: boolean) => void;
  /** Takes portal-only fields into the desk (three-way sync). */
  takeIn: RunContext['takeIn'];
}) {
  const { db, now, logger, options } = deps;
  const uploads = createLimiter(options.uploadConcurrency);
  const running = new Map<string, Running>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const log = syncLogWriter(db, now);

  const finish = (item: SyncItemRow, outcome: RunOutcome, startRevision: number): void => {
    const current = getItem(db, item.id);
    if (!current || current.state === 'cancelled') return;
    const stamp = now();
    if (outcome.kind === 'conflict') {
      const { code, message } = conflictError(outcome.conflict);
      updateItem(db, item.id, {
        state: 'conflict',
        conflict_json: JSON.stringify(outcome.conflict),
        last_error_code: code,
        last_error_message: message,
        next_attempt_at: null,
        updated_at: stamp,
      });
      log(item, 'warn', { code: 'conflict', params: { reason: message } });
      return;
    }
    // Re-enqueued with a newer version while this run was sending the older one: go again.
    const again = current.revision !== startRevision;
    updateItem(db, item.id, {
      state: again ? 'queued' : 'done',
      next_attempt_at: null,
      last_error_code: null,
      last_error_message: null,
      force_overwrite: 0,
      conflict_json: null,
      updated_at: stamp,
      finished_at: again ? null : stamp,
    });
    if (!again) log(item, 'info', { code: 'done' });
  };

  const fail = (item: SyncItemRow, error: unknown): void => {
    const current = getItem(db, item.id);
    if (!current || current.state === 'cancelled') return;
    const verdict = classifyFailure(error);
    if (verdict.code === 'internal') logger.error('sync item failed', { id: item.id, error });
    if (verdict.code === 'offline' || verdict.code === 'timeout') deps.reachability(false);
    const attempts = current.attempts + 1;
    if (verdict.transient) {
      const delay = retryDelay(attempts, verdict.retryAfterMs, options.backoff);
      updateItem(db, item.id, {
        state: 'queued',
        attempts,
        next_attempt_at: now() + delay,
        last_error_code: verdict.code,
        last_error_message: verdict.message,
        updated_at: now(),
      });
      log(item, 'warn', {
        code: 'retrying',
        params: { reason: verdict.message, attempt: attempts, seconds: Math.ceil(delay / 1000) },
      });
    } else {
      updateItem(db, item.id, {
        state: 'failed',
        attempts,
        next_attempt_at: null,
        last_error_code: verdict.code,
        last_error_message: verdict.message,
        updated_at: now(),
      });
      log(item, 'error', verdict.message);
    }
  };

  const start = (item: SyncItemRow): void => {
    const controller = new AbortController();
    const entry: Running = { controller, done: Promise.resolve(), stopReason: null };
    const context: RunContext = {
      db,
      now,
      connections: deps.connections,
      cache: deps.cache,
      uploads,
      perItemUploads: Math.max(1, options.uploadConcurrency - 1),
      signal: controller.signal,
      progress: (state, done, total) => {
        if (controller.signal.aborted) return;
        updateItem(db, item.id, {
          state,
          progress_done: done,
          progress_total: total,
          updated_at: now(),
        });
        deps.changed(item.id);
      },
      log: (level, message) => log(item, level, message),
      reachable: () => deps.reachability(true),
      takeIn: deps.takeIn,
    };
    const run = item.action === 'takedown' ? runTakedown : runPublish;
    entry.done = run(item, context)
      .then(
        (outcome) => {
          if (entry.stopReason === null) finish(item, outcome, item.revision);
        },
        (error: unknown) => {
          if (entry.stopReason === null) fail(item, error);
        },
      )
      .catch((error: unknown) => logger.error('sync bookkeeping failed', { id: item.id, error }))
      .finally(() => {
        // Nothing of a finished run may keep going (or write progress) behind the next one.
        controller.abort(new Error('finished'));
        running.delete(item.id);
        if (entry.stopReason !== 'closing') deps.changed(item.id);
        pump();
      });
    running.set(item.id, entry);
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (closed || running.size >= options.itemConcurrency) return;
    const due = nextDueAt(db, [...running.keys()]);
    if (due === null) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, due - now()));
    timer = setTimeout(pump, wait);
    timer.unref();
  };

  function pump(): void {
    if (closed) return;
    const free = options.itemConcurrency - running.size;
    if (free > 0) {
      const candidates = dueItems(db, now(), free + running.size).filter(
        (item) => !running.has(item.id),
      );
      for (const item of candidates.slice(0, free)) start(item);
    }
    schedule();
  }

  let wakeQueued = false;
  return {
    /**
     * Looks for due work soon (after an enqueue, a retry, a new secret, at start-up): on the next
     * turn of the event loop, so the call that woke it answers first.
     */
    wake(): void {
      if (wakeQueued || closed) return;
      wakeQueued = true;
      setImmediate(() => {
        wakeQueued = false;
        pump();
      });
    },
    /** Items being worked on now. */
    get running(): number {
      return running.size;
    },
    isRunning: (itemId: string): boolean => running.has(itemId),
    /** Aborts the run of an item (its state was already set by the caller). */
    async stop(itemId: string): Promise<void> {
      const entry = running.get(itemId);
      if (!entry) return;
      entry.stopReason = 'cancelled';
      entry.controller.abort(new Error('cancelled'));
      await entry.done;
    },
    /** Stops every run, leaving their states for the next start to resume. */
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const entry of running.values()) {
        entry.stopReason = 'closing';
        entry.controller.abort(new Error('closing'));
      }
      await Promise.all([...running.values()].map((entry) => entry.done));
    },
  };
}

/** The worker's API. */
export type SyncWorker = ReturnType<typeof createSyncWorker>;
