import type { Database } from 'better-sqlite3';

import type { ArticleStatus } from '../../../../shared/domain/article';

/** A row of `articles` as stored. */
export interface ArticleRow {
  id: string;
  title: string;
  body_json: string;
  body_text: string;
  word_count: number;
  status: ArticleStatus;
  version: number;
  created_at: number;
  updated_at: number;
}

/** The list view's columns: everything but the body JSON. */
export type ArticleListRow = Omit<ArticleRow, 'body_json' | 'body_text'> & { excerpt: string };

/** Inserts a new article. */
export function insertArticle(db: Database, row: ArticleRow): void {
  db.prepare(
    `INSERT INTO articles (id, title, body_json, body_text, word_count, status, version, created_at, updated_at)
     VALUES (@id, @title, @body_json, @body_text, @word_count, @status, @version, @created_at, @updated_at)`,
  ).run(row);
}

/** One article by id, or undefined. */
export function getArticle(db: Database, id: string): ArticleRow | undefined {
  return db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
}

/** Newest first, optionally by status. */
export function listArticles(
  db: Database,
  filter: { status?: ArticleStatus; limit: number },
): ArticleListRow[] {
  const where = filter.status ? 'WHERE status = @status' : '';
  return db
    .prepare(
      `SELECT id, title, word_count, status, version, created_at, updated_at,
              substr(body_text, 1, 200) AS excerpt
       FROM articles ${where}
       ORDER BY updated_at DESC
       LIMIT @limit`,
    )
    .all({ status: filter.status ?? null, limit: filter.limit }) as ArticleListRow[];
}

/**
 * Saves the body if the stored version is still `baseVersion` (optimistic concurrency).
 * Returns false when someone else saved first.
 */
export function updateArticleContent(
  db: Database,
  change: Pick<
    ArticleRow,
    'id' | 'title' | 'body_json' | 'body_text' | 'word_count' | 'updated_at'
  > & {
    baseVersion: number;
  },
): boolean {
  const result = db
    .prepare(
      `UPDATE articles
       SET title = @title, body_json = @body_json, body_text = @body_text, word_count = @word_count,
           updated_at = @updated_at, version = version + 1
       WHERE id = @id AND version = @baseVersion`,
    )
    .run(change);
  return result.changes === 1;
}

/** How many articles the library holds. */
export function countArticles(db: Database): number {
  const row = db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
  return row.n;
}
