import type { Migration } from './types';

/**
 * The editor's focal point per photo (0..1 from the top-left of the oriented image; NULL = the
 * recipe's, normally the centre), so one recipe crops every photo around its own subject; and the
 * logo store for watermarks: logos are imported once (content-addressed PNG in the media folder)
 * and recipes refer to them by hash, so the renderer never names a file on disk.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'add-photo-focus-and-logos',
  up(db) {
    db.exec(`
      ALTER TABLE photos ADD COLUMN focal_x REAL CHECK (focal_x IS NULL OR focal_x BETWEEN 0 AND 1);
      ALTER TABLE photos ADD COLUMN focal_y REAL CHECK (focal_y IS NULL OR focal_y BETWEEN 0 AND 1);

      CREATE TABLE logos (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        media_path TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        has_alpha INTEGER NOT NULL CHECK (has_alpha IN (0, 1)),
        imported_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
