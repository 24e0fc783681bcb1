/*
 * Photo batches: the durable queue (SQLite) and the worker pool that runs the photo engine off the
 * main thread. The composition root creates one pool and one runner and calls resumeInterrupted().
 */
export { PHOTO_BATCH_KIND, createBatchRunner } from './batchRunner';
export type { BatchRunner, BatchRunnerDeps, StartBatchInput } from './batchRunner';
export type { ItemState, JobState } from '../../db/queries/photoJobs';
export type { PhotoTask, PhotoWorkerSettings, TaskFailure } from './messages';
export { sweepOutDir } from './scratch';
export type { BatchItemStatus, BatchStatus } from './status';
export { createPhotoWorkerPool, defaultConcurrency } from './workerPool';
export type { PhotoWorkerPool, PhotoWorkerPoolOptions, TaskResult } from './workerPool';
