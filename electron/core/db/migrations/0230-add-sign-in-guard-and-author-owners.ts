import type { Migration } from './types';

/**
 * Issue 12. Author profiles remember who created them (NULL for profiles from before: only
 * editors and administrators change those), so a reporter may keep their own byline but not
 * rewrite a colleague's. The sign-in guard counts failures per sign-in name tried and per
 * workstation (`sign_in_counters`, kept across restarts so quitting does not reset a lock), and
 * every failure and unlock goes in `sign_in_log`, which, like the audit trail, is append-only.
 */
export const migration0230: Migration = {
  version: 230,
  name: 'add-sign-in-guard-and-author-owners',
  up(db) {
    db.exec(`
      ALTER TABLE authors ADD COLUMN created_by TEXT;

      CREATE TABLE sign_in_counters (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL CHECK (failures >= 0),
        last_failure_at INTEGER NOT NULL,
        locked_until INTEGER
      ) STRICT;

      CREATE TABLE sign_in_log (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        user_name_tried TEXT NOT NULL,
        reason TEXT NOT NULL,
        by_user TEXT,
        seq INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sign_in_log_at ON sign_in_log (at DESC, seq DESC);

      CREATE TRIGGER sign_in_log_no_update BEFORE UPDATE ON sign_in_log
      BEGIN
        SELECT RAISE(ABORT, 'sign_in_log is append-only');
      END;
      CREATE TRIGGER sign_in_log_no_delete BEFORE DELETE ON sign_in_log
      BEGIN
        SELECT RAISE(ABORT, 'sign_in_log is append-only');
      END;
    `);
  },
};
