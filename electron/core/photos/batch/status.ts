import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { ProcessedOutput } from '../index';
import { countItems, getJob, itemsOf, parseOutputs } from '../../db/queries/photoJobs';
import type { ItemState, JobState } from '../../db/queries/photoJobs';
import type { EtaTracker } from './progress';

/** One photo of a batch as the report shows it. */
export interface BatchItemStatus {
  seq: number;
  inputPath: string;
  state: ItemState;
  outputs: ProcessedOutput[];
  /** The engine's code (PHOTO_CORRUPT, PHOTO_FILE_VANISHED…) for grouping and translations. */
  errorCode: string | null;
  /** The engine's Vietnamese message, shown as is. */
  errorMessage: string | null;
  startedAt: number | null;
  finishedAt: number | null;
}

/** A batch's report and progress, built from the database so it survives restarts. */
export interface BatchStatus {
  jobId: string;
  state: JobState;
  /** Why the job is paused or failed (PHOTO_DISK_FULL…), with the user's message. */
  stateCode: string | null;
  stateMessage: string | null;
  outDir: string;
  total: number;
  counts: Record<ItemState, number>;
  /** Failed and skipped photos per code, for "12 bỏ qua, 1 HEIC"-style summaries. */
  byCode: Record<string, number>;
  etaSeconds: number | null;
  items: BatchItemStatus[];
  createdAt: number;
  updatedAt: number;
}

/**
 * Reads a job's status (with every item unless `items: false`); the ETA comes from the live tracker
 * when the job is loaded.
 */
export function batchStatus(
  db: Database,
  jobId: string,
  eta: EtaTracker | undefined,
  options: { items?: boolean } = {},
): BatchStatus | undefined {
  const job = getJob(db, jobId);
  if (job === undefined) return undefined;
  const counts = countItems(db, jobId);
  // Progress events need only the counts: a 1,000-photo batch must not be re-read ten times a second.
  const rows = options.items === false ? [] : itemsOf(db, jobId);
  const items = rows.map((item): BatchItemStatus => ({
    seq: item.seq,
    inputPath: item.input_path,
    state: item.state,
    outputs: parseOutputs(item.outputs_json),
    errorCode: item.error_code,
    errorMessage: item.error_message,
    startedAt: item.started_at,
    finishedAt: item.finished_at,
  }));
  const byCode: Record<string, number> = {};
  for (const item of items) {
    if (item.errorCode !== null) byCode[item.errorCode] = (byCode[item.errorCode] ?? 0) + 1;
  }
  const remaining = counts.pending + counts.running;
  return {
    jobId,
    state: job.state,
    stateCode: job.state_code,
    stateMessage: job.state_message,
    outDir: job.out_dir,
    total: job.total,
    counts,
    byCode,
    etaSeconds: eta?.secondsLeft(remaining) ?? (remaining === 0 ? 0 : null),
    items,
    createdAt: job.created_at,
    updatedAt: job.updated_at,
  };
}

/** The one-line Vietnamese label of a `jobs.progress` event. */
export function progressLabel(status: BatchStatus, lastFile: string): string {
  const { counts, total } = status;
  const finished = counts.done + counts.failed + counts.skipped;
  const problems = counts.failed > 0 ? ` (${counts.failed} ảnh lỗi)` : '';
  switch (status.state) {
    case 'queued':
      return `Đang chờ xử lý ${total} ảnh`;
    case 'running':
      return `Đang xử lý ảnh ${finished}/${total}${lastFile ? `: ${path.basename(lastFile)}` : ''}${problems}`;
    case 'paused':
      return `Tạm dừng ở ảnh ${finished}/${total}${status.stateMessage ? `. ${status.stateMessage}` : ''}`;
    case 'cancelled':
      return `Đã huỷ: xong ${counts.done}/${total} ảnh${problems}`;
    case 'done':
      return `Hoàn tất ${counts.done}/${total} ảnh${problems}`;
    case 'failed':
      return `Loạt xử lý thất bại${status.stateMessage ? `: ${status.stateMessage}` : ''}`;
    default: {
      const unknown: never = status.state;
      throw new Error(`Unhandled job state ${String(unknown)}`);
    }
  }
}
