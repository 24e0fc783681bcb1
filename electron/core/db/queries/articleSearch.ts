import type { Database } from 'better-sqlite3';

import type { ArticleStatus } from '../../../../shared/domain/article';
import { foldForSearch } from '../../../../shared/vietnamese/searchFold';

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

/** Re-indexes one article (call inside the transaction that saves it). */
export function indexArticle(db: Database, id: string, texts: string[]): void {
  const row = db.prepare('SELECT rowid FROM articles WHERE id = ?').get(id) as
    { rowid: number } | undefined;
  if (!row) return;
  db.prepare('DELETE FROM article_search WHERE rowid = ?').run(row.rowid);
  db.prepare('INSERT INTO article_search (rowid, folded) VALUES (?, ?)').run(
    row.rowid,
    foldForSearch(texts.join('\n')),
  );
}

/**
 * Turns what the reporter typed into an FTS5 query: folded words, each a quoted prefix term,
 * all required. Quoting makes FTS syntax in the input (`"`, `*`, `NEAR`, `-`) plain text.
 */
export function toFtsQuery(query: string): string | null {
  const terms = foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 12);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ');
}

/** Best matches first (FTS5 rank), then newest. */
export function searchArticles(db: Database, query: string, limit: number): ArticleSearchRow[] {
  const match = toFtsQuery(query);
  if (!match) return [];
  return db
    .prepare(
      `SELECT a.id, a.title, a.lead, a.body_text, a.word_count, a.status, a.created_at, a.updated_at
       FROM article_search s JOIN articles a ON a.rowid = s.rowid
       WHERE article_search MATCH @match
       ORDER BY s.rank, a.updated_at DESC
       LIMIT @limit`,
    )
    .all({ match, limit }) as ArticleSearchRow[];
}
