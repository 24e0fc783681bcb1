import type { Database } from 'better-sqlite3';

import type { ArticleStatus } from '../../../../shared/domain/article';

/*
 * The writes and look-ups of a bundle import (bundles/importBundle.ts) that no other domain
 * makes: directory entries, photos and recipes as a bundle brings them, and the workflow columns
 * of an imported article. All run inside the import's one transaction.
 */

/** Adds an author profile unless one with this id exists. */
export function insertAuthorIfMissing(
  db: Database,
  author: { id: string; name: string; position: string; createdAt: number },
): void {
  db.prepare(
    'INSERT OR IGNORE INTO authors (id, name, position, created_at) VALUES (?, ?, ?, ?)',
  ).run(author.id, author.name, author.position, author.createdAt);
}

/** Adds a top-level category unless one with this id exists; true when it was added. */
export function insertCategoryIfMissing(
  db: Database,
  category: { id: string; title: string; alias: string },
): boolean {
  return (
    db
      .prepare(
        'INSERT OR IGNORE INTO categories (id, parent_id, title, alias, sort) VALUES (?, NULL, ?, ?, 0)',
      )
      .run(category.id, category.title, category.alias).changes === 1
  );
}

/** Puts a top-level category under its parent, when the parent exists. */
export function linkCategoryParent(db: Database, id: string, parentId: string): void {
  db.prepare(
    `UPDATE categories SET parent_id = ? WHERE id = ? AND parent_id IS NULL
     AND EXISTS (SELECT 1 FROM categories WHERE id = ?)`,
  ).run(parentId, id, parentId);
}

/** True when a category with this id exists. */
export function categoryExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM categories WHERE id = ?').get(id) !== undefined;
}

/** True when an author profile with this id exists. */
export function authorExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM authors WHERE id = ?').get(id) !== undefined;
}

/** A photo's library record as a bundle carries it (booleans as 0/1). */
export interface ImportedPhotoRow {
  id: string;
  sha256: string;
  mediaPath: string;
  originalName: string;
  bytes: number;
  format: string;
  width: number;
  height: number;
  orientation: number;
  captureTime: string | null;
  camera: string;
  hasGps: number;
  caption: string;
  captionMissing: number;
  byline: string;
  credit: string;
  copyright: string;
  dhash: string;
  event: string;
  importedAt: number;
  updatedAt: number;
}

/** True when the library holds a photo with these bytes. */
export function photoShaKnown(db: Database, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM photos WHERE sha256 = ?').get(sha256) !== undefined;
}

/** True when a photo with this id exists. */
export function photoIdTaken(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM photos WHERE id = ?').get(id) !== undefined;
}

/** Adds a photo record unless its id or bytes are already there; the number of rows added. */
export function insertImportedPhoto(db: Database, photo: ImportedPhotoRow): number {
  return db
    .prepare(
      `INSERT OR IGNORE INTO photos (id, sha256, media_path, original_name, bytes, format, width,
         height, orientation, capture_time, camera, has_gps, caption, caption_missing, byline,
         credit, copyright, dhash, event, imported_at, updated_at)
       VALUES (@id, @sha256, @mediaPath, @originalName, @bytes, @format, @width, @height,
         @orientation, @captureTime, @camera, @hasGps, @caption, @captionMissing, @byline, @credit,
         @copyright, @dhash, @event, @importedAt, @updatedAt)`,
    )
    .run(photo).changes;
}

/** The names of the recipes the library has. */
export function recipeNames(db: Database): Set<string> {
  const rows = db.prepare('SELECT name FROM recipes').all() as Array<{ name: string }>;
  return new Set(rows.map((row) => row.name));
}

/** Adds a recipe a bundle brought (never the default). */
export function insertImportedRecipe(
  db: Database,
  recipe: { id: string; name: string; recipeJson: string; updatedAt: number },
): void {
  db.prepare(
    'INSERT INTO recipes (id, name, recipe_json, is_default, updated_at) VALUES (?, ?, ?, 0, ?)',
  ).run(recipe.id, recipe.name, recipe.recipeJson, recipe.updatedAt);
}

/** The workflow columns of an imported article (the owner only where none is recorded). */
export function setImportedWorkflow(
  db: Database,
  change: {
    id: string;
    status: ArticleStatus;
    statusChangedAt: number | null;
    createdBy: string | null;
    createdByName: string;
    conflictOf: string | null;
    conflictFrom: string;
  },
): void {
  db.prepare(
    `UPDATE articles SET status = ?, status_changed_at = ?, created_by = coalesce(created_by, ?),
       created_by_name = CASE WHEN created_by_name = '' THEN ? ELSE created_by_name END,
       conflict_of = ?, conflict_from = ?
     WHERE id = ?`,
  ).run(
    change.status,
    change.statusChangedAt,
    change.createdBy,
    change.createdByName,
    change.conflictOf,
    change.conflictFrom,
    change.id,
  );
}

/** True when a revision with this global id is already stored. */
export function revisionKnown(db: Database, globalId: string): boolean {
  return db.prepare('SELECT 1 FROM revisions WHERE global_id = ?').get(globalId) !== undefined;
}

/** Stores a revision a bundle brought, under its global id. */
export function insertImportedRevision(
  db: Database,
  row: {
    articleId: string;
    createdAt: number;
    reason: string;
    articleVersion: number;
    title: string;
    metaJson: string;
    bodyJson: string;
    bodyText: string;
    wordCount: number;
    globalId: string;
  },
): void {
  db.prepare(
    `INSERT INTO revisions (article_id, created_at, reason, article_version, title, meta_json,
       body_json, body_text, word_count, global_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.articleId,
    row.createdAt,
    row.reason,
    row.articleVersion,
    row.title,
    row.metaJson,
    row.bodyJson,
    row.bodyText,
    row.wordCount,
    row.globalId,
  );
}

/** The unverified copy already made of this content, if any (a bundle imported twice). */
export function unverifiedCopyWithHash(db: Database, contentHash: string): string | null {
  const row = db
    .prepare(
      `SELECT a.id FROM articles a JOIN article_lineage l ON l.article_id = a.id
       WHERE a.unverified = 1 AND l.content_hash = ? LIMIT 1`,
    )
    .get(contentHash) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Marks a new copy as an unverified draft owned by the importer. */
export function markUnverifiedCopy(
  db: Database,
  copy: { id: string; at: number; ownerId: string; ownerName: string },
): void {
  db.prepare(
    `UPDATE articles SET status = 'draft', status_changed_at = ?, created_by = ?,
       created_by_name = ?, unverified = 1 WHERE id = ?`,
  ).run(copy.at, copy.ownerId, copy.ownerName, copy.id);
}
