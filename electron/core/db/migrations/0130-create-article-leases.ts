import type { Migration } from './types';

/**
 * Editing leases: one holder per article, refreshed by saves and by opening it again; a lease
 * whose holder stayed idle past the newsroom's limit no longer counts. Kept in the library so a
 * restart does not silently drop who was editing.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'create-article-leases',
  up(db) {
    db.exec(`
      CREATE TABLE article_leases (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        user_role TEXT NOT NULL,
        since INTEGER NOT NULL,
        last_active_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
