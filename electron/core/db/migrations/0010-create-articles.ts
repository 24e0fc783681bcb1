import type { Migration } from './types';

/** Articles: the body is TipTap JSON; `body_text` is its NFC plain text for search and counts. */
export const migration0010: Migration = {
  version: 10,
  name: 'create-articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        body_json TEXT NOT NULL,
        body_text TEXT NOT NULL DEFAULT '',
        word_count INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'draft',
        version INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX articles_updated_at ON articles (updated_at DESC);
      CREATE INDEX articles_status ON articles (status, updated_at DESC);
    `);
  },
};
