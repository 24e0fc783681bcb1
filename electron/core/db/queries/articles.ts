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
  slug: string;
  slug_locked: number;
  lead: string;
  category_id: string | null;
  tags_json: string;
  author_id: string | null;
  source: string;
  featured_json: string | null;
  publish_at: number | null;
  expire_at: number | null;
  /** Version the search index holds; behind `version` until the indexer catches up. */
  indexed_version?: number;
}

/** The columns written when content or fields change. */
export type ArticleContent = Pick<
  ArticleRow,
  | 'id'
  | 'title'
  | 'body_json'
  | 'body_text'
  | 'word_count'
  | 'updated_at'
  | 'slug'
  | 'slug_locked'
  | 'lead'
  | 'category_id'
  | 'tags_json'
  | 'author_id'
  | 'source'
  | 'featured_json'
  | 'publish_at'
  | 'expire_at'
>;

/** The list view's columns: everything but the body. */
export type ArticleListRow = Omit<ArticleRow, 'body_json' | 'body_text'> & { excerpt: string };

/** Filters and order of the article list. */
export interface ArticleListFilter {
  status?: ArticleStatus;
  authorId?: string;
  categoryId?: string;
  /** Inclusive range on `updated_at` (ms). */
  updatedFrom?: number;
  updatedTo?: number;
  sort: 'updated' | 'created' | 'title';
  limit: number;
}

/** Inserts a new article. */
export function insertArticle(db: Database, row: ArticleRow): void {
  db.prepare(
    `INSERT INTO articles (id, title, body_json, body_text, word_count, status, version, created_at, updated_at,
                           slug, slug_locked, lead, category_id, tags_json, author_id, source, featured_json,
                           publish_at, expire_at)
     VALUES (@id, @title, @body_json, @body_text, @word_count, @status, @version, @created_at, @updated_at,
             @slug, @slug_locked, @lead, @category_id, @tags_json, @author_id, @source, @featured_json,
             @publish_at, @expire_at)`,
  ).run(row);
}

/** One article by id, or undefined. */
export function getArticle(db: Database, id: string): ArticleRow | undefined {
  return db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
}

const orderBy: Record<ArticleListFilter['sort'], string> = {
  updated: 'updated_at DESC',
  created: 'created_at DESC',
  title: 'title COLLATE NOCASE ASC, updated_at DESC',
};

/** The list, filtered and sorted; the excerpt is the body's first 200 characters. */
export function listArticles(db: Database, filter: ArticleListFilter): ArticleListRow[] {
  const where: string[] = [];
  if (filter.status) where.push('status = @status');
  if (filter.authorId) where.push('author_id = @authorId');
  if (filter.categoryId) where.push('category_id = @categoryId');
  if (filter.updatedFrom !== undefined) where.push('updated_at >= @updatedFrom');
  if (filter.updatedTo !== undefined) where.push('updated_at <= @updatedTo');
  return db
    .prepare(
      `SELECT id, title, word_count, status, version, created_at, updated_at, slug, slug_locked, lead,
              category_id, tags_json, author_id, source, featured_json, publish_at, expire_at,
              substr(CASE WHEN lead <> '' THEN lead ELSE body_text END, 1, 200) AS excerpt
       FROM articles ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${orderBy[filter.sort]}
       LIMIT @limit`,
    )
    .all({
      status: filter.status ?? null,
      authorId: filter.authorId ?? null,
      categoryId: filter.categoryId ?? null,
      updatedFrom: filter.updatedFrom ?? null,
      updatedTo: filter.updatedTo ?? null,
      limit: filter.limit,
    }) as ArticleListRow[];
}

/**
 * Saves content and fields if the stored version is still `baseVersion` (optimistic
 * concurrency). Returns false when someone else saved first.
 */
export function updateArticleContent(
  db: Database,
  change: ArticleContent & { baseVersion: number },
): boolean {
  const result = db
    .prepare(
      `UPDATE articles
       SET title = @title, body_json = @body_json, body_text = @body_text, word_count = @word_count,
           updated_at = @updated_at, version = version + 1, slug = @slug, slug_locked = @slug_locked,
           lead = @lead, category_id = @category_id, tags_json = @tags_json, author_id = @author_id,
           source = @source, featured_json = @featured_json, publish_at = @publish_at,
           expire_at = @expire_at
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
