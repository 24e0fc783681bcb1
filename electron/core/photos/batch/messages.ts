import type { ExistingPolicy, PhotoErrorCode, PhotoMeta, ProcessedOutput, Recipe } from '../index';

/*
 * The messages between the batch runner's thread and the photo workers. Only plain data crosses
 * (structured clone): a recipe, paths and the engine's results; never pixels.
 */

/** Settings every worker applies once at start, passed as `workerData`. */
export interface PhotoWorkerSettings {
  /**
   * libvips threads per operation; defaults to 1, as the pool already runs one worker per core.
   * (sharp's own default is 1 on glibc Linux but one per core elsewhere: N workers × N threads.)
   */
  vipsThreads?: number | undefined;
}

/** One photo to turn into the recipe's outputs. */
export interface PhotoTask {
  inputPath: string;
  recipe: Recipe;
  meta: PhotoMeta;
  outDir: string;
  existingPolicy: ExistingPolicy;
  maxPixels?: number | undefined;
  /**
   * Set when a crash interrupted an earlier attempt at this photo: outputs in `outDir` written since
   * this instant (ms) that match this photo byte for byte and are not in `claimed` are adopted
   * instead of written again, so every output exists exactly once.
   */
  recoverSince?: number | undefined;
  /** Outputs other items already own; never adopted. */
  claimed?: string[] | undefined;
}

/** What the runner asks a worker to do. */
export type WorkerRequest =
  { type: 'process'; taskId: number; task: PhotoTask } | { type: 'abort'; taskId: number };

/** A failure as it crosses the thread boundary: the engine's code, its message, the cause. */
export interface TaskFailure {
  code: PhotoErrorCode | 'PHOTO_INTERNAL';
  message: string;
  detail?: string | undefined;
}

/** What a worker answers. */
export type WorkerResponse =
  | { type: 'done'; taskId: number; outputs: ProcessedOutput[]; adopted: boolean }
  | { type: 'failed'; taskId: number; failure: TaskFailure };

/** Structural check for messages arriving from a worker (they are `unknown` to the type system). */
export function isWorkerResponse(value: unknown): value is WorkerResponse {
  if (typeof value !== 'object' || value === null) return false;
  if (!('type' in value) || !('taskId' in value) || typeof value.taskId !== 'number') return false;
  return value.type === 'done' || value.type === 'failed';
}

/** Structural check for messages arriving from the runner's thread. */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  if (!('type' in value) || !('taskId' in value) || typeof value.taskId !== 'number') return false;
  return value.type === 'abort' || (value.type === 'process' && 'task' in value);
}
