import { readdir } from 'node:fs/promises';
import path from 'node:path';

import Database from 'better-sqlite3';

import { runMigrations } from '../../db/migrations';
import { migration0070 } from '../../db/migrations/0070-create-photo-jobs';
import { createEventBus } from '../../events/eventBus';
import { createNullLogger } from '../../logging/logger';
import type { EventMessage } from '../../../../shared/contract/events';
import { createBatchRunner } from './batchRunner';
import type { BatchRunner } from './batchRunner';
import type { PhotoWorkerPool } from './workerPool';

/*
 * Test support for photo batches: a real SQLite file holding only the photo-job tables (the lead
 * registers 0070 in the main list), and a runner wired to a real worker pool. Tests and the crash
 * child import it; the app does not.
 */

/** Opens (creating) a jobs database as the app does: WAL, full sync, foreign keys. */
export function openJobsDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  runMigrations(db, [migration0070]);
  return db;
}

/** An event as a listener saw it, with when (ms, monotonic). */
export interface TimedEvent {
  at: number;
  message: EventMessage;
}

/** A runner on `db` and `pool`, collecting its progress events. */
export function runnerFor(
  db: Database.Database,
  pool: PhotoWorkerPool,
  options: { concurrency?: number } = {},
): { runner: BatchRunner; progress: TimedEvent[] } {
  const events = createEventBus();
  const progress: TimedEvent[] = [];
  events.subscribe((message) => progress.push({ at: performance.now(), message }));
  const runner = createBatchRunner({
    db,
    events,
    logger: createNullLogger(),
    pool,
    concurrency: options.concurrency,
  });
  return { runner, progress };
}

/** Every file and folder under `dir` (relative), hidden ones included, sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

/** Names a crash or a cancel must never leave behind: engine temp files and recovery folders. */
export function leftovers(names: string[]): string[] {
  return names.filter((name) => /(^|\/)\.[^/]*(\.tmp$|newsdesk-recover-)/.test(name));
}
