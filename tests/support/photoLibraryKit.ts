import path from 'node:path';

import { createNullLogger } from '../../electron/core/logging/logger';
import { openDatabase } from '../../electron/core/db/open';
import { migration0060 } from '../../electron/core/db/migrations/0060-create-photos';
import { tempDir } from './tempDir';
import { createPhotoLibrary } from '../../electron/core/photos/library/photoLibrary';
import type { PhotoLibrary } from '../../electron/core/photos/library/photoLibrary';
import type { Database } from 'better-sqlite3';

/*
 * Test support for the photo library: a real SQLite library and media folder in a temp dir.
 * Imported by tests only.
 */

/** A library on a fresh temp folder, with a clock that ticks one second per call. */
export function openTestLibrary(): {
  db: Database;
  library: PhotoLibrary;
  mediaDir: string;
  root: string;
} {
  const root = tempDir('newsdesk-photolib-');
  const { db } = openDatabase(path.join(root, 'library.db'));
  // Until the lead registers migration 0060, apply it by hand on top of the registered ones.
  const hasPhotos = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'photos'")
    .get();
  if (hasPhotos === undefined) migration0060.up(db);
  let clock = Date.UTC(2024, 4, 12, 2, 0, 0);
  const mediaDir = path.join(root, 'media');
  const library = createPhotoLibrary({
    db,
    mediaDir,
    logger: createNullLogger(),
    now: () => (clock += 1000),
  });
  return { db, library, mediaDir, root };
}

/** Adds a bare article row so usage rows have something to point at. */
export function insertArticle(db: Database, id: string): void {
  db.prepare(
    "INSERT INTO articles (id, body_json, created_at, updated_at) VALUES (?, '{}', 0, 0)",
  ).run(id);
}
