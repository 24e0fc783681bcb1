import type { Database } from 'better-sqlite3';

import type { ArticleStatus } from '../../../../shared/domain/article';

/** The workflow columns of an article (migration 0110). */
export interface ArticleWorkflowRow {
  id: string;
  status: ArticleStatus;
  version: number;
  created_by: string | null;
  created_by_name: string;
  status_changed_at: number | null;
  conflict_of: string | null;
  conflict_from: string;
}

/** The workflow columns of one article. */
export function getWorkflowRow(db: Database, id: string): ArticleWorkflowRow | undefined {
  return db
    .prepare(
      `SELECT id, status, version, created_by, created_by_name, status_changed_at, conflict_of,
              conflict_from
       FROM articles WHERE id = ?`,
    )
    .get(id) as ArticleWorkflowRow | undefined;
}

/** Records who created an article. */
export function setCreator(db: Database, id: string, userId: string, userName: string): void {
  db.prepare('UPDATE articles SET created_by = ?, created_by_name = ? WHERE id = ?').run(
    userId,
    userName,
    id,
  );
}

/**
 * Moves an article to a new status if it is still in `from` (and, when given, still at
 * `baseVersion`). The version goes up, so an editor with the old text open finds out. Returns
 * false when someone else changed it first.
 */
export function updateStatus(
  db: Database,
  change: { id: string; from: ArticleStatus; to: ArticleStatus; at: number; baseVersion?: number },
): boolean {
  const result = db
    .prepare(
      `UPDATE articles SET status = @to, status_changed_at = @at, version = version + 1
       WHERE id = @id AND status = @from AND (@baseVersion IS NULL OR version = @baseVersion)`,
    )
    .run({ ...change, baseVersion: change.baseVersion ?? null });
  return result.changes === 1;
}

/** Articles for the queue: the list columns plus workflow columns, newest first. */
export interface QueueRow extends ArticleWorkflowRow {
  title: string;
  word_count: number;
  created_at: number;
  updated_at: number;
  excerpt: string;
}

/** Every article not spiked, newest first, at most `limit` per status group. */
export function listForQueue(db: Database, limit: number): QueueRow[] {
  return db
    .prepare(
      `SELECT id, title, status, version, word_count, created_at, updated_at, created_by,
              created_by_name, status_changed_at, conflict_of, conflict_from,
              substr(CASE WHEN lead <> '' THEN lead ELSE body_text END, 1, 200) AS excerpt
       FROM articles WHERE status <> 'spiked'
       ORDER BY coalesce(status_changed_at, updated_at) DESC
       LIMIT ?`,
    )
    .all(limit) as QueueRow[];
}

/** Content hashes an article has had at hand-off points. */
export function lineageOf(db: Database, articleId: string): Set<string> {
  const rows = db
    .prepare('SELECT content_hash FROM article_lineage WHERE article_id = ?')
    .all(articleId) as Array<{ content_hash: string }>;
  return new Set(rows.map((row) => row.content_hash));
}

/** Adds hashes to an article's lineage. */
export function addLineage(
  db: Database,
  articleId: string,
  hashes: Iterable<string>,
  at: number,
): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO article_lineage (article_id, content_hash, recorded_at) VALUES (?, ?, ?)',
  );
  for (const hash of hashes) insert.run(articleId, hash, at);
}

/** Conflict copies of an article. */
export function conflictCopies(db: Database, articleId: string): string[] {
  const rows = db.prepare('SELECT id FROM articles WHERE conflict_of = ?').all(articleId) as Array<{
    id: string;
  }>;
  return rows.map((row) => row.id);
}
