import type { Migration } from './types';

/**
 * Search indexing moves out of the save transaction: `indexed_version` records which version of
 * an article the search index holds, so a background indexer (and start-up, after a crash) can
 * catch up. Existing articles are already indexed.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'add-indexed-version',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN indexed_version INTEGER NOT NULL DEFAULT -1;
      UPDATE articles SET indexed_version = version;
      CREATE INDEX articles_stale_index ON articles (id) WHERE indexed_version <> version;
    `);
  },
};
