import type { Database } from 'better-sqlite3';

/** A stored review comment. */
export interface CommentRow {
  id: string;
  article_id: string;
  kind: 'inline' | 'general';
  body: string;
  author_id: string;
  author_name: string;
  original_quote: string | null;
  quote: string | null;
  prefix: string | null;
  suffix: string | null;
  anchor_from: number | null;
  anchor_to: number | null;
  anchor_offset: number | null;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  deleted_at: number | null;
}

/** Adds a comment. */
export function insertComment(db: Database, row: CommentRow): void {
  db.prepare(
    `INSERT INTO comments (id, article_id, kind, body, author_id, author_name, original_quote, quote,
       prefix, suffix, anchor_from, anchor_to, anchor_offset, created_at, updated_at, resolved_at,
       resolved_by, resolved_by_name, deleted_at)
     VALUES (@id, @article_id, @kind, @body, @author_id, @author_name, @original_quote, @quote,
       @prefix, @suffix, @anchor_from, @anchor_to, @anchor_offset, @created_at, @updated_at,
       @resolved_at, @resolved_by, @resolved_by_name, @deleted_at)`,
  ).run(row);
}

/** One comment, deleted or not. */
export function getComment(db: Database, id: string): CommentRow | undefined {
  return db.prepare('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
}

/** An article's comments in creation order, tombstones included when asked. */
export function listComments(
  db: Database,
  articleId: string,
  options: { withDeleted: boolean },
): CommentRow[] {
  return db
    .prepare(
      `SELECT * FROM comments WHERE article_id = ? ${options.withDeleted ? '' : 'AND deleted_at IS NULL'}
       ORDER BY created_at, id`,
    )
    .all(articleId) as CommentRow[];
}

/** Sets or clears the resolution. */
export function setResolved(
  db: Database,
  id: string,
  change: {
    resolved_at: number | null;
    resolved_by: string | null;
    resolved_by_name: string | null;
    updated_at: number;
  },
): void {
  db.prepare(
    `UPDATE comments SET resolved_at = @resolved_at, resolved_by = @resolved_by,
       resolved_by_name = @resolved_by_name, updated_at = @updated_at WHERE id = @id`,
  ).run({ ...change, id });
}

/** Marks a comment deleted (kept as a tombstone for hand-off merges). */
export function markDeleted(db: Database, id: string, at: number): void {
  db.prepare('UPDATE comments SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

/** Stores where an anchor was found again; `updated_at` is untouched (nobody edited it). */
export function moveAnchor(
  db: Database,
  id: string,
  anchor: {
    quote: string;
    prefix: string;
    suffix: string;
    from: number;
    to: number;
    offset: number;
  },
): void {
  db.prepare(
    `UPDATE comments SET quote = @quote, prefix = @prefix, suffix = @suffix, anchor_from = @from,
       anchor_to = @to, anchor_offset = @offset WHERE id = @id`,
  ).run({ ...anchor, id });
}

/**
 * Merges a comment from another workstation: inserted when new, replaced when theirs was changed
 * later than ours (resolution, deletion). Returns whether anything changed.
 */
export function mergeComment(db: Database, row: CommentRow): boolean {
  const existing = getComment(db, row.id);
  if (!existing) {
    insertComment(db, row);
    return true;
  }
  if (existing.article_id !== row.article_id || row.updated_at <= existing.updated_at) return false;
  db.prepare(
    `UPDATE comments SET body = @body, resolved_at = @resolved_at, resolved_by = @resolved_by,
       resolved_by_name = @resolved_by_name, deleted_at = @deleted_at, updated_at = @updated_at
     WHERE id = @id`,
  ).run(row);
  return true;
}
