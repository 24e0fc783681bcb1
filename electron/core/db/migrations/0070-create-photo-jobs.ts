import type { Migration } from './types';

/**
 * Photo batch jobs and their items, so a batch interrupted by a crash or a restart resumes where it
 * stopped. One row per input photo keeps the per-file report (outputs, engine error code and its
 * Vietnamese message) next to the state the queue resumes from. `state_code`/`state_message` say
 * why a job was paused or failed (for example a full disk), in the user's words. `recover_since` marks
 * an item a crash interrupted: outputs written after that instant may be its own, to adopt rather
 * than write a second time.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'create-photo-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE photo_jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        recipe_json TEXT NOT NULL,
        out_dir TEXT NOT NULL,
        existing_policy TEXT NOT NULL
          CHECK (existing_policy IN ('rename', 'skip', 'overwrite')),
        state TEXT NOT NULL
          CHECK (state IN ('queued', 'running', 'paused', 'cancelled', 'done', 'failed')),
        state_code TEXT,
        state_message TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        total INTEGER NOT NULL CHECK (total >= 0),
        done INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0),
        failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0)
      ) STRICT;
      CREATE INDEX photo_jobs_state ON photo_jobs (state, created_at);

      CREATE TABLE photo_job_items (
        job_id TEXT NOT NULL REFERENCES photo_jobs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        input_path TEXT NOT NULL,
        meta_json TEXT NOT NULL,
        state TEXT NOT NULL
          CHECK (state IN ('pending', 'running', 'done', 'failed', 'skipped')),
        outputs_json TEXT,
        error_code TEXT,
        error_message TEXT,
        started_at INTEGER,
        finished_at INTEGER,
        recover_since INTEGER,
        PRIMARY KEY (job_id, seq)
      ) STRICT;
      CREATE INDEX photo_job_items_state ON photo_job_items (job_id, state, seq);
    `);
  },
};
