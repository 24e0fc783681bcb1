import type { Migration } from './types';

/**
 * Revision history: full snapshots of title, fields and body, taken at least every 10 minutes
 * of editing, at workflow steps and on restore. Snapshots, not deltas, so any one can be read
 * or restored on its own even if another is damaged.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'create-revisions',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        article_version INTEGER NOT NULL,
        title TEXT NOT NULL,
        meta_json TEXT NOT NULL,
        body_json TEXT NOT NULL,
        body_text TEXT NOT NULL,
        word_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX revisions_article ON revisions (article_id, created_at DESC);
    `);
  },
};
