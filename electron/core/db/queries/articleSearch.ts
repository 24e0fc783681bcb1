import type { Database } from 'better-sqlite3';

import type { ArticleStatus } from '../../../../shared/domain/article';
import { foldForIndex } from '../../../../shared/vietnamese/searchFold';

/** A search hit: the article's columns needed for a result row. */
export interface ArticleSearchRow {
  id: string;
  title: string;
  lead: string;
  body_text: string;
  word_count: number;
  status: ArticleStatus;
  created_at: number;
  updated_at: number;
}

/** The text of an article as the index holds it, field by field (folded on the way in). */
export interface ArticleSearchFields {
  title: string;
  lead: string;
  body: string;
}

/**
 * bm25 weights of the index's columns (title, sapo, body): a word in the title says far more
 * about what an article is about than the same word deep in the body.
 */
const searchWeights = { title: 10, sapo: 3, body: 1 } as const;

/** Re-indexes one article's text (the caller records which version it indexed). */
export function indexArticle(db: Database, id: string, fields: ArticleSearchFields): void {
  const row = db.prepare('SELECT rowid FROM articles WHERE id = ?').get(id) as
    { rowid: number } | undefined;
  if (!row) return;
  db.prepare('DELETE FROM article_search WHERE rowid = ?').run(row.rowid);
  db.prepare('INSERT INTO article_search (rowid, title, sapo, body) VALUES (?, ?, ?, ?)').run(
    row.rowid,
    foldForIndex(fields.title),
    foldForIndex(fields.lead),
    foldForIndex(fields.body),
  );
}

/**
 * Turns what the reporter typed into an FTS5 query: folded words, all required, each quoted so
 * FTS syntax in the input (`"`, `*`, `NEAR`, `-`) is plain text. Only the last word is a prefix
 * (the reporter may still be typing it); prefixes on every word made short words like `an`
 * expand to thousands of terms and searches ten times slower.
 */
export function toFtsQuery(query: string): string | null {
  const terms = foldForIndex(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 12);
  if (terms.length === 0) return null;
  return terms
    .map((term, index) => `"${term.replaceAll('"', '""')}"${index === terms.length - 1 ? '*' : ''}`)
    .join(' ');
}

/**
 * The most relevant matching articles first: bm25 with the title weighted above the sapo and
 * the sapo above the body, the newest (latest added) first among equal scores. bm25 scores every
 * match, so the cost follows how many articles match; on a realistic archive (common words in
 * most articles, names and events in a few) it stays close to bare FTS5 (`npm run bench:editor`
 * prints both). Only the top `limit` rowids are joined to `articles`.
 */
export function searchArticles(db: Database, query: string, limit: number): ArticleSearchRow[] {
  const match = toFtsQuery(query);
  if (!match) return [];
  const { title, sapo, body } = searchWeights;
  return db
    .prepare(
      `SELECT a.id, a.title, a.lead, a.body_text, a.word_count, a.status, a.created_at, a.updated_at
       FROM (SELECT rowid, bm25(article_search, ${title}, ${sapo}, ${body}) AS score
             FROM article_search WHERE article_search MATCH @match
             ORDER BY score, rowid DESC LIMIT @limit) s
       JOIN articles a ON a.rowid = s.rowid
       ORDER BY s.score, s.rowid DESC`,
    )
    .all({ match, limit }) as ArticleSearchRow[];
}

/** Articles whose search entry is behind their current version. */
export function staleIndexIds(db: Database, limit: number): string[] {
  const rows = db
    .prepare('SELECT id FROM articles WHERE indexed_version <> version LIMIT ?')
    .all(limit) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

/** Brings one article's search entry up to its current version, in one transaction. */
export function reindexArticle(db: Database, id: string): void {
  db.transaction(() => {
    const row = db
      .prepare('SELECT title, lead, body_text, version FROM articles WHERE id = ?')
      .get(id) as { title: string; lead: string; body_text: string; version: number } | undefined;
    if (!row) return;
    indexArticle(db, id, { title: row.title, lead: row.lead, body: row.body_text });
    db.prepare('UPDATE articles SET indexed_version = ? WHERE id = ?').run(row.version, id);
  })();
}
