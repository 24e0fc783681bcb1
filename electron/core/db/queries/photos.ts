import type { Database } from 'better-sqlite3';

/*
 * SQL for the photo library (tables from migration 0060). Plain functions taking the db handle,
 * like db/queries/*: the library service composes them inside its own transactions.
 */

/** A stored photo row, as SQLite returns it. */
export interface PhotoRow {
  id: string;
  sha256: string;
  media_path: string;
  original_name: string;
  bytes: number;
  format: string;
  width: number;
  height: number;
  orientation: number;
  capture_time: string | null;
  camera: string;
  has_gps: number;
  caption: string;
  caption_missing: number;
  byline: string;
  credit: string;
  copyright: string;
  dhash: string;
  /** 4×4 mean-colour grid (migration 0330); '' for photos imported before it. */
  color_hash: string;
  /** Alt text for articles (migration 0330). */
  alt_text: string;
  event: string;
  imported_at: number;
  updated_at: number;
  /** Editor's focal point (migration 0200); NULL when not set, absent before insert. */
  focal_x?: number | null;
  focal_y?: number | null;
}

/** Sort orders of the thumbnail grid: newest import, newest capture, or file name. */
export type PhotoSort = 'imported' | 'captured' | 'name';

/** Filters of the thumbnail grid; every one is optional and they combine with AND. */
export interface PhotoFilter {
  event?: string | undefined;
  /** true: has a real caption; false: empty or just a file name. */
  captioned?: boolean | undefined;
  usedIn?: string | undefined;
  unused?: boolean | undefined;
  /** Capture day range, inclusive, `YYYY-MM-DD` (camera wall-clock time). */
  capturedFrom?: string | undefined;
  capturedTo?: string | undefined;
}

/** ORDER BY of each grid sort (shared with the text search in db/queries/photoSearch.ts). */
export const ORDER_BY: Readonly<Record<PhotoSort, string>> = {
  imported: 'imported_at DESC, id',
  captured: 'capture_time IS NULL, capture_time DESC, imported_at DESC, id',
  name: 'original_name COLLATE NOCASE, id',
};

/** The grid filters as a WHERE clause (empty when none) with named parameters. */
export function whereClause(filter: PhotoFilter): {
  sql: string;
  params: Record<string, unknown>;
} {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.event !== undefined) {
    parts.push('event = @event');
    params.event = filter.event;
  }
  if (filter.captioned !== undefined) {
    parts.push('caption_missing = @missing');
    params.missing = filter.captioned ? 0 : 1;
  }
  if (filter.usedIn !== undefined) {
    parts.push('id IN (SELECT photo_id FROM photo_usage WHERE article_id = @usedIn)');
    params.usedIn = filter.usedIn;
  }
  if (filter.unused === true) {
    parts.push('NOT EXISTS (SELECT 1 FROM photo_usage u WHERE u.photo_id = photos.id)');
  }
  if (filter.capturedFrom !== undefined) {
    parts.push('capture_time >= @capturedFrom');
    params.capturedFrom = filter.capturedFrom;
  }
  if (filter.capturedTo !== undefined) {
    // 'T' sorts after every digit, so '2024-05-12U' bounds every time on that day.
    parts.push('capture_time < @capturedTo');
    params.capturedTo = `${filter.capturedTo}U`;
  }
  return { sql: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, params };
}

/** One page of the grid plus the total, so the grid can size its scrollbar. */
export function selectPhotos(
  db: Database,
  options: PhotoFilter & { sort: PhotoSort; limit: number; offset: number },
): { rows: PhotoRow[]; total: number } {
  const { sql, params } = whereClause(options);
  const rows = db
    .prepare(
      `SELECT * FROM photos ${sql} ORDER BY ${ORDER_BY[options.sort]} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: options.limit, offset: options.offset }) as PhotoRow[];
  const count = db.prepare(`SELECT count(*) AS n FROM photos ${sql}`).get(params) as { n: number };
  return { rows, total: count.n };
}

/** One photo by id. */
export function selectPhoto(db: Database, id: string): PhotoRow | undefined {
  return db.prepare('SELECT * FROM photos WHERE id = ?').get(id) as PhotoRow | undefined;
}

/** The photo holding exactly these bytes, if already in the library. */
export function selectPhotoBySha(db: Database, sha256: string): PhotoRow | undefined {
  return db.prepare('SELECT * FROM photos WHERE sha256 = ?').get(sha256) as PhotoRow | undefined;
}

/** Every photo's perceptual hash, loaded once per import batch for near-duplicate search. */
/** The original file name of the photo stored at a media path, for batch reports. */
export function selectOriginalName(db: Database, mediaPath: string): string | undefined {
  const row = db.prepare('SELECT original_name FROM photos WHERE media_path = ?').get(mediaPath) as
    { original_name: string } | undefined;
  return row?.original_name;
}

/** Every photo's perceptual hashes, to compare a new import against. */
export function selectHashes(db: Database): Array<{ id: string; dhash: string; colour: string }> {
  return db.prepare('SELECT id, dhash, color_hash AS colour FROM photos').all() as Array<{
    id: string;
    dhash: string;
    colour: string;
  }>;
}

/** Adds an imported photo. */
export function insertPhoto(db: Database, row: PhotoRow): void {
  db.prepare(
    `INSERT INTO photos (id, sha256, media_path, original_name, bytes, format, width, height,
       orientation, capture_time, camera, has_gps, caption, caption_missing, byline, credit,
       copyright, dhash, color_hash, alt_text, event, imported_at, updated_at)
     VALUES (@id, @sha256, @media_path, @original_name, @bytes, @format, @width, @height,
       @orientation, @capture_time, @camera, @has_gps, @caption, @caption_missing, @byline, @credit,
       @copyright, @dhash, @color_hash, @alt_text, @event, @imported_at, @updated_at)`,
  ).run(row);
}

/** Writes the credit fields of one photo (the caller normalises and computes `caption_missing`). */
export function updatePhotoCredits(
  db: Database,
  row: Pick<
    PhotoRow,
    'id' | 'caption' | 'caption_missing' | 'byline' | 'credit' | 'alt_text' | 'updated_at'
  >,
): void {
  db.prepare(
    `UPDATE photos SET caption = @caption, caption_missing = @caption_missing, byline = @byline,
       credit = @credit, alt_text = @alt_text, updated_at = @updated_at WHERE id = @id`,
  ).run(row);
}

/** Sets (or with null clears) the focal point of some photos. */
export function updateFocalPoint(
  db: Database,
  ids: readonly string[],
  focal: { x: number; y: number } | null,
  updatedAt: number,
): void {
  const statement = db.prepare(
    'UPDATE photos SET focal_x = @x, focal_y = @y, updated_at = @updatedAt WHERE id = @id',
  );
  for (const id of ids) {
    statement.run({ id, x: focal?.x ?? null, y: focal?.y ?? null, updatedAt });
  }
}

/** A logo of the watermark store, as SQLite returns it (migration 0200). */
export interface LogoRow {
  id: string;
  name: string;
  media_path: string;
  width: number;
  height: number;
  has_alpha: number;
  imported_at: number;
}

/** Adds a logo; importing the same bytes again keeps the first row (and its name). */
export function insertLogo(db: Database, row: LogoRow): void {
  db.prepare(
    `INSERT INTO logos (id, name, media_path, width, height, has_alpha, imported_at)
     VALUES (@id, @name, @media_path, @width, @height, @has_alpha, @imported_at)
     ON CONFLICT (id) DO NOTHING`,
  ).run(row);
}

/** Every logo, newest first. */
export function selectLogos(db: Database): LogoRow[] {
  return db.prepare('SELECT * FROM logos ORDER BY imported_at DESC, id').all() as LogoRow[];
}

/** One logo by its hash. */
export function selectLogo(db: Database, id: string): LogoRow | undefined {
  return db.prepare('SELECT * FROM logos WHERE id = ?').get(id) as LogoRow | undefined;
}

/** Removes a photo row; its duplicate pairs and usage go with it (ON DELETE CASCADE). */
export function deletePhoto(db: Database, id: string): void {
  db.prepare('DELETE FROM photos WHERE id = ?').run(id);
}

/** Events named at import, with counts, for the grid's event filter. */
export function selectEvents(db: Database): Array<{ event: string; count: number }> {
  return db
    .prepare(
      `SELECT event, count(*) AS count FROM photos WHERE event <> ''
       GROUP BY event ORDER BY max(imported_at) DESC`,
    )
    .all() as Array<{ event: string; count: number }>;
}

/** A near-duplicate pair; `photo_id` is the newer import. */
export interface DuplicateRow {
  photo_id: string;
  similar_id: string;
  distance: number;
  resolved: number;
}

/** Records that a new photo looks like one already in the library. */
export function insertDuplicate(db: Database, row: Omit<DuplicateRow, 'resolved'>): void {
  db.prepare(
    `INSERT OR IGNORE INTO photo_duplicates (photo_id, similar_id, distance)
     VALUES (@photo_id, @similar_id, @distance)`,
  ).run(row);
}

/** Pairs still waiting for the editor's decision. */
export function selectOpenDuplicates(db: Database): DuplicateRow[] {
  return db
    .prepare('SELECT * FROM photo_duplicates WHERE resolved = 0 ORDER BY distance, photo_id')
    .all() as DuplicateRow[];
}

/** Marks a pair as seen and kept (the editor chose "keep both"); true when the pair existed. */
export function markDuplicateResolved(db: Database, photoId: string, similarId: string): boolean {
  const result = db
    .prepare('UPDATE photo_duplicates SET resolved = 1 WHERE photo_id = ? AND similar_id = ?')
    .run(photoId, similarId);
  return result.changes > 0;
}

/** Marks every open pair between photos of one group as seen and kept; returns how many. */
export function markGroupResolved(db: Database, ids: readonly string[]): number {
  const statement = db.prepare(
    'UPDATE photo_duplicates SET resolved = 1 WHERE photo_id = ? AND similar_id = ?',
  );
  let changed = 0;
  for (const a of ids) for (const b of ids) if (a !== b) changed += statement.run(a, b).changes;
  return changed;
}

/** Replaces the set of library photos an article uses; returns how many were linked. */
export function replaceUsage(db: Database, articleId: string, mediaPaths: string[]): number {
  db.prepare('DELETE FROM photo_usage WHERE article_id = ?').run(articleId);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO photo_usage (photo_id, article_id)
     SELECT id, @articleId FROM photos WHERE media_path = @mediaPath`,
  );
  let linked = 0;
  for (const mediaPath of new Set(mediaPaths)) {
    linked += insert.run({ articleId, mediaPath }).changes;
  }
  return linked;
}

/** Articles using a photo, for the preview's "used in" list. */
export function selectUsage(db: Database, photoId: string): string[] {
  const rows = db
    .prepare('SELECT article_id FROM photo_usage WHERE photo_id = ? ORDER BY article_id')
    .all(photoId) as Array<{ article_id: string }>;
  return rows.map((row) => row.article_id);
}

/** The newsroom's code list (`hd` → `Hoàng Trung Dũng - …`). */
export function selectCaptionCodes(db: Database): Map<string, string> {
  const rows = db
    .prepare('SELECT code, expansion FROM caption_codes ORDER BY code')
    .all() as Array<{
    code: string;
    expansion: string;
  }>;
  return new Map(rows.map((row) => [row.code, row.expansion]));
}

/** Adds or replaces one code. */
export function upsertCaptionCode(db: Database, code: string, expansion: string): void {
  db.prepare(
    `INSERT INTO caption_codes (code, expansion) VALUES (?, ?)
     ON CONFLICT (code) DO UPDATE SET expansion = excluded.expansion`,
  ).run(code, expansion);
}

/** Removes one code. */
export function deleteCaptionCode(db: Database, code: string): void {
  db.prepare('DELETE FROM caption_codes WHERE code = ?').run(code);
}

/** A saved caption template. */
export interface CaptionTemplateRow {
  id: string;
  name: string;
  template: string;
}

/** Saved templates by name. */
export function selectCaptionTemplates(db: Database): CaptionTemplateRow[] {
  return db
    .prepare('SELECT id, name, template FROM caption_templates ORDER BY name, id')
    .all() as CaptionTemplateRow[];
}

/** Adds or replaces a template. */
export function upsertCaptionTemplate(db: Database, row: CaptionTemplateRow): void {
  db.prepare(
    `INSERT INTO caption_templates (id, name, template) VALUES (@id, @name, @template)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, template = excluded.template`,
  ).run(row);
}

/** Removes a template. */
export function deleteCaptionTemplate(db: Database, id: string): void {
  db.prepare('DELETE FROM caption_templates WHERE id = ?').run(id);
}
