import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { isWorkerResponse } from './messages';
import type {
  PhotoTask,
  PhotoWorkerSettings,
  TaskFailure,
  WorkerRequest,
  WorkerResponse,
} from './messages';
import type { TaskOutcome } from './recover';

/** How one task ended: outputs, or the engine's code and Vietnamese message. */
export type TaskResult = ({ ok: true } & TaskOutcome) | { ok: false; failure: TaskFailure };

/** Photo workers shared by every batch; the caller's thread never touches pixels. */
export interface PhotoWorkerPool {
  /** How many photos can be in flight at once. */
  readonly size: number;
  /** Queues one photo; aborting `signal` cancels it (queued) or asks its worker to stop. */
  run(task: PhotoTask, signal?: AbortSignal): Promise<TaskResult>;
  /** Cancels everything, waits for in-flight photos to clean up, and stops the workers. */
  close(): Promise<void>;
}

/** Where the worker entry lives and how many workers to run. */
export interface PhotoWorkerPoolOptions {
  /** The built worker (out/main/photoWorker.js) or, in tests, photoWorker.dev.mjs. */
  workerUrl: URL | string;
  /** Defaults to the number of cores. */
  size?: number | undefined;
  settings?: PhotoWorkerSettings | undefined;
  /** How long close() lets in-flight photos clean up before terminating workers. */
  closeTimeoutMs?: number | undefined;
}

/** The machine's core count, the default number of photos in flight. */
export function defaultConcurrency(): number {
  const cores =
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores);
}

interface Pending {
  taskId: number;
  task: PhotoTask;
  resolve: (result: TaskResult) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Slot {
  worker: Worker;
  current: Pending | undefined;
}

/** Crashes in a row, with no task completed between them, after which the pool gives up. */
const MAX_CONSECUTIVE_CRASHES = 3;

function cancelled(task: PhotoTask): TaskResult {
  return {
    ok: false,
    failure: {
      code: 'PHOTO_CANCELLED',
      message: `Đã huỷ xử lý ảnh «${path.basename(task.inputPath)}».`,
    },
  };
}

function crashed(task: PhotoTask, detail: string): TaskResult {
  return {
    ok: false,
    failure: {
      code: 'PHOTO_INTERNAL',
      message: `Bộ xử lý ảnh dừng đột ngột khi xử lý «${path.basename(task.inputPath)}». Hãy thử lại; nếu lỗi lặp lại, hãy gửi báo cáo lỗi.`,
      detail,
    },
  };
}

/**
 * Starts `size` worker threads running the photo engine. Tasks queue in order; a worker that dies
 * fails only its own photo and is replaced.
 */
export function createPhotoWorkerPool(options: PhotoWorkerPoolOptions): PhotoWorkerPool {
  const size = Math.max(1, options.size ?? defaultConcurrency());
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextTaskId = 1;
  let crashesInARow = 0;
  let closed = false;

  const settle = (pending: Pending, result: TaskResult): void => {
    pending.signal?.removeEventListener('abort', pending.onAbort);
    pending.resolve(result);
  };

  const post = (slot: Slot, request: WorkerRequest): void => slot.worker.postMessage(request);

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.current !== undefined) continue;
      const next = queue.shift();
      if (next === undefined) return;
      slot.current = next;
      post(slot, { type: 'process', taskId: next.taskId, task: next.task });
    }
  };

  const onResponse = (slot: Slot, response: WorkerResponse): void => {
    const pending = slot.current;
    if (pending?.taskId !== response.taskId) return;
    slot.current = undefined;
    crashesInARow = 0;
    settle(
      pending,
      response.type === 'done'
        ? { ok: true, outputs: response.outputs, adopted: response.adopted }
        : { ok: false, failure: response.failure },
    );
    dispatch();
  };

  const spawn = (): Slot => {
    const worker = new Worker(options.workerUrl, { workerData: options.settings ?? {} });
    const slot: Slot = { worker, current: undefined };
    worker.on('message', (message: unknown) => {
      if (isWorkerResponse(message)) onResponse(slot, message);
    });
    let lastError: string | undefined;
    worker.on('error', (error) => {
      lastError = error.message;
    });
    worker.on('exit', (code) => {
      if (!closed) replace(slot, lastError ?? `worker exited with code ${code}`);
    });
    return slot;
  };

  const replace = (slot: Slot, detail: string): void => {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    const pending = slot.current;
    slot.current = undefined;
    slots.splice(index, 1);
    void slot.worker.terminate();
    if (pending !== undefined) settle(pending, crashed(pending.task, detail));
    crashesInARow += 1;
    if (crashesInARow > MAX_CONSECUTIVE_CRASHES) {
      for (const waiting of queue.splice(0)) settle(waiting, crashed(waiting.task, detail));
      return;
    }
    if (!closed) slots.push(spawn());
    dispatch();
  };

  for (let i = 0; i < size; i += 1) slots.push(spawn());

  return {
    size,
    run(task, signal) {
      return new Promise<TaskResult>((resolve) => {
        const pending: Pending = { taskId: nextTaskId, task, resolve, signal, onAbort: () => {} };
        nextTaskId += 1;
        if (closed || signal?.aborted === true) {
          resolve(cancelled(task));
          return;
        }
        if (slots.length === 0) {
          resolve(crashed(task, 'no photo worker could be started'));
          return;
        }
        pending.onAbort = () => {
          const queued = queue.indexOf(pending);
          if (queued !== -1) {
            queue.splice(queued, 1);
            settle(pending, cancelled(task));
            return;
          }
          const slot = slots.find((candidate) => candidate.current === pending);
          if (slot !== undefined) post(slot, { type: 'abort', taskId: pending.taskId });
        };
        signal?.addEventListener('abort', pending.onAbort, { once: true });
        queue.push(pending);
        dispatch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const waiting of queue.splice(0)) settle(waiting, cancelled(waiting.task));
      const inFlight = slots.flatMap((slot) => (slot.current === undefined ? [] : [slot]));
      for (const slot of inFlight) {
        if (slot.current !== undefined) post(slot, { type: 'abort', taskId: slot.current.taskId });
      }
      // Let aborted photos delete their temp files before the threads go away.
      const deadline = Date.now() + (options.closeTimeoutMs ?? 10_000);
      while (slots.some((slot) => slot.current !== undefined) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const slot of slots.splice(0)) {
        await slot.worker.terminate();
        if (slot.current !== undefined) settle(slot.current, cancelled(slot.current.task));
      }
    },
  };
}
