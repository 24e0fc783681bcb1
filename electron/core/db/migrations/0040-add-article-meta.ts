import type { Migration } from './types';

/**
 * The fields portals publish besides the body (slug, lead, category, tags, author, source,
 * featured image, publish and expiry times), plus the author profiles and cached portal
 * categories they point to.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'add-article-meta',
  up(db) {
    db.exec(`
      CREATE TABLE authors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        position TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES categories (id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        alias TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      ALTER TABLE articles ADD COLUMN slug TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN slug_locked INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE articles ADD COLUMN lead TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN category_id TEXT REFERENCES categories (id) ON DELETE SET NULL;
      ALTER TABLE articles ADD COLUMN tags_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE articles ADD COLUMN author_id TEXT REFERENCES authors (id) ON DELETE SET NULL;
      ALTER TABLE articles ADD COLUMN source TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN featured_json TEXT;
      ALTER TABLE articles ADD COLUMN publish_at INTEGER;
      ALTER TABLE articles ADD COLUMN expire_at INTEGER;

      CREATE INDEX articles_author ON articles (author_id, updated_at DESC);
      CREATE INDEX articles_category ON articles (category_id, updated_at DESC);
    `);
  },
};
