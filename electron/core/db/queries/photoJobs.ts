import type { Database } from 'better-sqlite3';

import type { ExistingPolicy, PhotoMeta, ProcessedOutput } from '../../photos/index';

/*
 * SQL for photo_jobs / photo_job_items (migration 0070): plain functions taking the db handle, each
 * multi-statement write in one transaction, so the queue can always resume from what is on disk.
 */

/** A job's lifecycle; 'queued' is written only by callers that create without starting. */
export type JobState = 'queued' | 'running' | 'paused' | 'cancelled' | 'done' | 'failed';

/** An item's lifecycle; 'skipped' covers the 'skip' policy and photos a cancel never reached. */
export type ItemState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** A job row as stored. */
export interface JobRow {
  id: string;
  kind: string;
  recipe_json: string;
  out_dir: string;
  existing_policy: ExistingPolicy;
  state: JobState;
  state_code: string | null;
  state_message: string | null;
  created_at: number;
  updated_at: number;
  total: number;
  done: number;
  failed: number;
}

/** An item row as stored. */
export interface ItemRow {
  job_id: string;
  seq: number;
  input_path: string;
  meta_json: string;
  state: ItemState;
  outputs_json: string | null;
  error_code: string | null;
  error_message: string | null;
  started_at: number | null;
  finished_at: number | null;
  recover_since: number | null;
}

/** Creates a job and its items in one transaction. */
export function insertJob(
  db: Database,
  job: Pick<JobRow, 'id' | 'kind' | 'recipe_json' | 'out_dir' | 'existing_policy' | 'state'>,
  items: { path: string; meta: PhotoMeta }[],
  now: number,
): void {
  const insertJobRow = db.prepare(
    `INSERT INTO photo_jobs (id, kind, recipe_json, out_dir, existing_policy, state, created_at,
       updated_at, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO photo_job_items (job_id, seq, input_path, meta_json, state)
     VALUES (?, ?, ?, ?, 'pending')`,
  );
  db.transaction(() => {
    insertJobRow.run(
      job.id,
      job.kind,
      job.recipe_json,
      job.out_dir,
      job.existing_policy,
      job.state,
      now,
      now,
      items.length,
    );
    items.forEach((item, index) =>
      insertItem.run(job.id, index + 1, item.path, JSON.stringify(item.meta)),
    );
  })();
}

/** One job, or undefined. */
export function getJob(db: Database, id: string): JobRow | undefined {
  return db.prepare('SELECT * FROM photo_jobs WHERE id = ?').get(id) as JobRow | undefined;
}

/** Jobs in any of `states`, oldest first. */
export function jobsInStates(db: Database, states: readonly JobState[]): JobRow[] {
  const marks = states.map(() => '?').join(', ');
  return db
    .prepare(`SELECT * FROM photo_jobs WHERE state IN (${marks}) ORDER BY created_at, id`)
    .all(...states) as JobRow[];
}

/** Every item of a job, in order. */
export function itemsOf(db: Database, jobId: string): ItemRow[] {
  return db
    .prepare('SELECT * FROM photo_job_items WHERE job_id = ? ORDER BY seq')
    .all(jobId) as ItemRow[];
}

/** Item counts per state. */
export function countItems(db: Database, jobId: string): Record<ItemState, number> {
  const counts: Record<ItemState, number> = {
    pending: 0,
    running: 0,
    done: 0,
    failed: 0,
    skipped: 0,
  };
  const rows = db
    .prepare('SELECT state, count(*) AS n FROM photo_job_items WHERE job_id = ? GROUP BY state')
    .all(jobId) as { state: ItemState; n: number }[];
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/** Marks the next pending item running and returns it; undefined when none is left. */
export function claimNextItem(db: Database, jobId: string, now: number): ItemRow | undefined {
  return db
    .prepare(
      `UPDATE photo_job_items SET state = 'running', started_at = ?, finished_at = NULL
       WHERE job_id = ? AND seq = (
         SELECT seq FROM photo_job_items WHERE job_id = ? AND state = 'pending' ORDER BY seq LIMIT 1)
       RETURNING *`,
    )
    .get(now, jobId, jobId) as ItemRow | undefined;
}

/** Records an item's end and the job's counters together. */
export function finishItem(
  db: Database,
  jobId: string,
  seq: number,
  result: {
    state: 'done' | 'failed' | 'skipped';
    outputs?: ProcessedOutput[] | undefined;
    errorCode?: string | undefined;
    errorMessage?: string | undefined;
  },
  now: number,
): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE photo_job_items SET state = ?, outputs_json = ?, error_code = ?, error_message = ?,
         finished_at = ?, recover_since = NULL WHERE job_id = ? AND seq = ?`,
    ).run(
      result.state,
      result.outputs === undefined ? null : JSON.stringify(result.outputs),
      result.errorCode ?? null,
      result.errorMessage ?? null,
      now,
      jobId,
      seq,
    );
    db.prepare(
      `UPDATE photo_jobs SET done = done + ?, failed = failed + ?, updated_at = ? WHERE id = ?`,
    ).run(Number(result.state === 'done'), Number(result.state === 'failed'), now, jobId);
  })();
}

/** Puts a running item back in the queue (a full disk, a pause that aborted it). */
export function requeueItem(db: Database, jobId: string, seq: number): void {
  db.prepare(
    `UPDATE photo_job_items SET state = 'pending', started_at = NULL
     WHERE job_id = ? AND seq = ? AND state = 'running'`,
  ).run(jobId, seq);
}

/** Changes a job's state with the reason shown to the user (null clears it). */
export function setJobState(
  db: Database,
  jobId: string,
  state: JobState,
  now: number,
  reason?: { code: string; message: string },
): void {
  db.prepare(
    `UPDATE photo_jobs SET state = ?, state_code = ?, state_message = ?, updated_at = ? WHERE id = ?`,
  ).run(state, reason?.code ?? null, reason?.message ?? null, now, jobId);
}

/** Marks every pending item skipped with the same reason (a cancelled batch). */
export function skipPending(
  db: Database,
  jobId: string,
  reason: { code: string; message: string },
  now: number,
): void {
  db.prepare(
    `UPDATE photo_job_items SET state = 'skipped', error_code = ?, error_message = ?, finished_at = ?
     WHERE job_id = ? AND state = 'pending'`,
  ).run(reason.code, reason.message, now, jobId);
}

/**
 * After a crash: items left 'running' go back to 'pending', remembering when their attempt started
 * so its outputs can be adopted. Returns how many were reset.
 */
export function resetInterruptedItems(db: Database): number {
  return db
    .prepare(
      `UPDATE photo_job_items SET state = 'pending',
         recover_since = coalesce(recover_since, started_at), started_at = NULL
       WHERE state = 'running'`,
    )
    .run().changes;
}

/** Output paths recorded for finished items of every job writing into `outDir`. */
export function claimedOutputs(db: Database, outDir: string): string[] {
  const rows = db
    .prepare(
      `SELECT i.outputs_json AS json FROM photo_job_items i JOIN photo_jobs j ON j.id = i.job_id
       WHERE j.out_dir = ? AND i.outputs_json IS NOT NULL`,
    )
    .all(outDir) as { json: string }[];
  return rows.flatMap((row) => parseOutputs(row.json).map((output) => output.path));
}

/** Reads an item's outputs back; a damaged value reads as none rather than failing the report. */
export function parseOutputs(json: string | null): ProcessedOutput[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as ProcessedOutput[]) : [];
  } catch {
    return [];
  }
}

/** Reads an item's meta back, keeping only the fields the engine knows. */
export function parseMeta(json: string): PhotoMeta {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const meta: PhotoMeta = {};
  const record = value as Record<string, unknown>;
  for (const key of ['caption', 'byline', 'credit', 'copyright', 'slug', 'date'] as const) {
    const field = record[key];
    if (typeof field === 'string') meta[key] = field;
  }
  if (typeof record.seq === 'number') meta.seq = record.seq;
  const focal = record.focalPoint as Record<string, unknown> | null | undefined;
  if (
    typeof focal === 'object' &&
    focal !== null &&
    typeof focal.x === 'number' &&
    typeof focal.y === 'number' &&
    focal.x >= 0 &&
    focal.x <= 1 &&
    focal.y >= 0 &&
    focal.y <= 1
  ) {
    meta.focalPoint = { x: focal.x, y: focal.y };
  }
  return meta;
}
