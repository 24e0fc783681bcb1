import type { Migration } from './types';

/**
 * Review comments. Inline comments keep the quoted text, some text before and after it, and the
 * ProseMirror positions and text offset at creation, so they can be found again after edits.
 * Deleting keeps a tombstone (`deleted_at`), so a hand-off import cannot bring a deleted comment
 * back. Authors are named as they were (accounts are per workstation).
 */
export const migration0120: Migration = {
  version: 120,
  name: 'create-comments',
  up(db) {
    db.exec(`
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('inline', 'general')),
        body TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        original_quote TEXT,
        quote TEXT,
        prefix TEXT,
        suffix TEXT,
        anchor_from INTEGER,
        anchor_to INTEGER,
        anchor_offset INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT,
        resolved_by_name TEXT,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX comments_article ON comments (article_id, created_at);
    `);
  },
};
