import { parentPort, workerData } from 'node:worker_threads';

import sharp from 'sharp';

import { toPhotoError } from '../index';
import { isWorkerRequest } from './messages';
import type { PhotoTask, PhotoWorkerSettings, TaskFailure, WorkerResponse } from './messages';
import { processTask } from './recover';

/*
 * Entry of a photo worker thread: all decoding and encoding of a batch happens here, never on the
 * thread that owns the database and the window. One task at a time per worker; the pool runs one
 * worker per core, so that many photos are in flight.
 */

function settingsFrom(data: unknown): PhotoWorkerSettings {
  if (typeof data !== 'object' || data === null || !('vipsThreads' in data)) return {};
  const { vipsThreads } = data;
  return typeof vipsThreads === 'number' ? { vipsThreads } : {};
}

function failureOf(error: unknown, task: PhotoTask): TaskFailure {
  const photoError = toPhotoError(error, task.inputPath, 'decode', task.maxPixels);
  return { code: photoError.photoCode, message: photoError.message, detail: photoError.detail };
}

const port = parentPort;
if (port === null) throw new Error('photoWorker must be started as a worker thread');

// The libvips operation cache only holds memory here: every input is a fresh buffer.
sharp.cache(false);
const { vipsThreads } = settingsFrom(workerData);
sharp.concurrency(vipsThreads ?? 1);

const controllers = new Map<number, AbortController>();

async function run(taskId: number, task: PhotoTask): Promise<void> {
  const controller = new AbortController();
  controllers.set(taskId, controller);
  let response: WorkerResponse;
  try {
    const { outputs, adopted } = await processTask(task, controller.signal);
    response = { type: 'done', taskId, outputs, adopted };
  } catch (error) {
    response = { type: 'failed', taskId, failure: failureOf(error, task) };
  } finally {
    controllers.delete(taskId);
  }
  port?.postMessage(response);
}

port.on('message', (message: unknown) => {
  if (!isWorkerRequest(message)) return;
  switch (message.type) {
    case 'process':
      void run(message.taskId, message.task);
      break;
    case 'abort':
      controllers.get(message.taskId)?.abort();
      break;
    default: {
      const unknown: never = message;
      throw new Error(`Unhandled worker request ${JSON.stringify(unknown)}`);
    }
  }
});
