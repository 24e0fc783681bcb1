import type { Migration } from './types';

/**
 * The editorial workflow on articles: who created each one (for "my articles" and the
 * reporter's own-article rules), when its status last changed, and, for conflict copies made by
 * a hand-off import, which article they conflict with and which workstation sent them.
 *
 * The audit trail is append-only: triggers refuse UPDATE and DELETE, so no code path (and no
 * future call) can rewrite history. Rows name the user as they were then (name and role copied),
 * since accounts are per workstation and entries travel between workstations in bundles.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'add-article-workflow',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN created_by TEXT;
      ALTER TABLE articles ADD COLUMN created_by_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN status_changed_at INTEGER;
      ALTER TABLE articles ADD COLUMN conflict_of TEXT;
      ALTER TABLE articles ADD COLUMN conflict_from TEXT NOT NULL DEFAULT '';
      CREATE INDEX articles_created_by ON articles (created_by, status);

      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        transition TEXT,
        from_status TEXT,
        to_status TEXT,
        user_id TEXT,
        user_name TEXT NOT NULL DEFAULT '',
        user_role TEXT,
        note TEXT NOT NULL DEFAULT '',
        workstation_id TEXT NOT NULL,
        workstation_name TEXT NOT NULL DEFAULT '',
        details_json TEXT NOT NULL DEFAULT '{}',
        seq INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_article ON audit_log (article_id, at, seq);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
    `);
  },
};
