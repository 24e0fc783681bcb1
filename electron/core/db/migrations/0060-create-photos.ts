import type { Migration } from './types';

/**
 * The photo desk's library: one row per original (content-addressed by SHA-256, so the same
 * bytes import once), near-duplicate pairs the editor still has to decide on, which articles use
 * which photo, the newsroom's caption codes (`\hd\` → a full title) and caption templates.
 * `caption_missing` is computed in code (empty, or just a file name such as `IMG_1234`) because
 * SQL cannot run the file-name check, and the "uncaptioned" filter must agree with the badge.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'create-photos',
  up(db) {
    db.exec(`
      CREATE TABLE photos (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        media_path TEXT NOT NULL,
        original_name TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        format TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        orientation INTEGER NOT NULL DEFAULT 1,
        capture_time TEXT,
        camera TEXT NOT NULL DEFAULT '',
        has_gps INTEGER NOT NULL DEFAULT 0,
        caption TEXT NOT NULL DEFAULT '',
        caption_missing INTEGER NOT NULL DEFAULT 1,
        byline TEXT NOT NULL DEFAULT '',
        credit TEXT NOT NULL DEFAULT '',
        copyright TEXT NOT NULL DEFAULT '',
        dhash TEXT NOT NULL,
        event TEXT NOT NULL DEFAULT '',
        imported_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX photos_imported ON photos (imported_at DESC);
      CREATE INDEX photos_captured ON photos (capture_time DESC);
      CREATE INDEX photos_name ON photos (original_name COLLATE NOCASE);
      CREATE INDEX photos_event ON photos (event, imported_at DESC);
      CREATE INDEX photos_uncaptioned ON photos (imported_at DESC) WHERE caption_missing = 1;
      CREATE INDEX photos_media_path ON photos (media_path);

      CREATE TABLE photo_duplicates (
        photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        similar_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        distance INTEGER NOT NULL,
        resolved INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (photo_id, similar_id)
      ) STRICT;
      CREATE INDEX photo_duplicates_similar ON photo_duplicates (similar_id);

      CREATE TABLE photo_usage (
        photo_id TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (photo_id, article_id)
      ) STRICT;
      CREATE INDEX photo_usage_article ON photo_usage (article_id);

      CREATE TABLE caption_codes (
        code TEXT PRIMARY KEY,
        expansion TEXT NOT NULL
      ) STRICT;

      CREATE TABLE caption_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        template TEXT NOT NULL
      ) STRICT;
    `);
  },
};
