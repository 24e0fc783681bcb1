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
  /** True when the words were found in the title and sapo (the stages before the body's). */
  in_headline: boolean;
}

/** The text of an article as the index holds it, field by field (folded on the way in). */
export interface ArticleSearchFields {
  title: string;
  lead: string;
  body: string;
}

/** Re-indexes one article's text (the caller records which version it indexed). */
export function indexArticle(db: Database, id: string, fields: ArticleSearchFields): void {
  const row = db.prepare('SELECT rowid FROM articles WHERE id = ?').get(id) as
    { rowid: number } | undefined;
  if (!row) return;
  const title = foldForIndex(fields.title);
  const sapo = foldForIndex(fields.lead);
  db.prepare('DELETE FROM article_search WHERE rowid = ?').run(row.rowid);
  db.prepare('INSERT INTO article_search (rowid, title, sapo, body) VALUES (?, ?, ?, ?)').run(
    row.rowid,
    title,
    sapo,
    foldForIndex(fields.body),
  );
  db.prepare('DELETE FROM article_search_headline WHERE rowid = ?').run(row.rowid);
  db.prepare('INSERT INTO article_search_headline (rowid, title, sapo) VALUES (?, ?, ?)').run(
    row.rowid,
    title,
    sapo,
  );
}

/** What the reporter typed, folded and split into at most 12 words. */
function queryTerms(query: string): string[] {
  return foldForIndex(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 12);
}

/** Each word quoted (FTS syntax typed by a reporter is plain text), the last one a prefix. */
function quoted(terms: string[]): string[] {
  return terms.map(
    (term, index) => `"${term.replaceAll('"', '""')}"${index === terms.length - 1 ? '*' : ''}`,
  );
}

/**
 * Turns what the reporter typed into an FTS5 query: folded words, all required, each quoted so
 * FTS syntax in the input (`"`, `*`, `NEAR`, `-`) is plain text. Only the last word is a prefix
 * (the reporter may still be typing it); prefixes on every word made short words like `an`
 * expand to thousands of terms and searches ten times slower.
 */
export function toFtsQuery(query: string): string | null {
  const terms = queryTerms(query);
  return terms.length === 0 ? null : quoted(terms).join(' ');
}

/**
 * The stages of relevance, most telling first: the words as one phrase in the title, all the
 * words in the title, all of them in the title and sapo, then anywhere (the body included).
 * The first three read the small headline index; only the last reads the body's.
 */
function stages(terms: string[]): Array<{ table: string; match: string }> {
  const words = quoted(terms);
  const all = words.join(' ');
  const headline = 'article_search_headline';
  return [
    ...(terms.length > 1 ? [{ table: headline, match: `title : (${words.join(' + ')})` }] : []),
    { table: headline, match: `title : (${all})` },
    { table: headline, match: all },
    { table: 'article_search', match: all },
  ];
}

/**
 * The most relevant matching articles first, ranked in stages (see `stages`), newest (latest
 * added) first within a stage. Each stage walks its index newest first and stops after `limit`
 * new rows, so a search costs about the same whether a word is in 20 articles or in 45,000;
 * bm25 scored every match and cost grew with the match count (docs/search.md). Only the rowids
 * shown are joined to `articles`.
 */
export function searchArticles(db: Database, query: string, limit: number): ArticleSearchRow[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const ranked: number[] = [];
  const seen = new Set<number>();
  const inHeadline = new Set<number>();
  for (const stage of stages(terms)) {
    const rowids = db
      .prepare(
        `SELECT rowid FROM ${stage.table} WHERE ${stage.table} MATCH ? ORDER BY rowid DESC LIMIT ?`,
      )
      .pluck()
      .all(stage.match, limit + seen.size) as number[];
    for (const rowid of rowids) {
      if (seen.has(rowid)) continue;
      seen.add(rowid);
      ranked.push(rowid);
      if (stage.table !== 'article_search') inHeadline.add(rowid);
    }
    if (ranked.length >= limit) break;
  }
  const shown = ranked.slice(0, limit);
  const rows = db
    .prepare(
      `SELECT rowid, id, title, lead, body_text, word_count, status, created_at, updated_at
       FROM articles WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(shown)) as Array<Omit<ArticleSearchRow, 'in_headline'> & { rowid: number }>;
  const byRowid = new Map(
    rows.map(({ rowid, ...row }) => [rowid, { ...row, in_headline: inHeadline.has(rowid) }]),
  );
  return shown.flatMap((rowid) => {
    const row = byRowid.get(rowid);
    return row ? [row] : [];
  });
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
