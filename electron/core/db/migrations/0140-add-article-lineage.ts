import { randomUUID } from 'node:crypto';

import type { Migration } from './types';

/**
 * What hand-off merges need. `article_lineage` lists content hashes an article has had at the
 * moments it was exported or imported: if ours is in their list, theirs descends from ours.
 * Revisions get a global id (assigned by a trigger on insert) so the same revision imported
 * twice is stored once.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'add-article-lineage',
  up(db) {
    db.exec(`
      CREATE TABLE article_lineage (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        recorded_at INTEGER NOT NULL,
        PRIMARY KEY (article_id, content_hash)
      ) STRICT;

      ALTER TABLE revisions ADD COLUMN global_id TEXT;
    `);
    const rows = db.prepare('SELECT id FROM revisions').all() as Array<{ id: number }>;
    const assign = db.prepare('UPDATE revisions SET global_id = ? WHERE id = ?');
    for (const row of rows) assign.run(randomUUID(), row.id);
    // Revisions written by code that does not know about global ids get a v4 UUID here.
    db.exec(`
      CREATE UNIQUE INDEX revisions_global_id ON revisions (global_id);
      CREATE TRIGGER revisions_assign_global_id AFTER INSERT ON revisions
      WHEN NEW.global_id IS NULL
      BEGIN
        UPDATE revisions SET global_id =
          lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
          substr(lower(hex(randomblob(2))), 2) || '-' ||
          substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) ||
          '-' || lower(hex(randomblob(6)))
        WHERE id = NEW.id;
      END;
    `);
  },
};
