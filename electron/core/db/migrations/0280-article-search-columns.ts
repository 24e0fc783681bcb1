import type { Migration } from './types';

import { foldForIndex } from '../../../../shared/vietnamese/searchFold';

/**
 * Search by relevance needs the fields apart: the index becomes three tone-folded columns
 * (title, sapo, body) that bm25 can weight, replacing 0030's single joined column. It keeps no
 * copy of the text (contentless; results and snippets come from `articles`), and prefix indexes
 * of 2 and 3 letters make the last, still-being-typed word cheap. Every existing article is
 * re-indexed here, in the migration's transaction, 500 rows at a time so a large library is
 * never held in memory at once. See docs/search.md.
 */
export const migration0280: Migration = {
  version: 280,
  name: 'article-search-columns',
  up(db) {
    db.exec(`
      DROP TABLE IF EXISTS article_search;
      CREATE VIRTUAL TABLE article_search USING fts5(
        title, sapo, body,
        content = '', contentless_delete = 1,
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
    const page = db.prepare(
      'SELECT rowid, title, lead, body_text FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500',
    );
    const insert = db.prepare(
      'INSERT INTO article_search (rowid, title, sapo, body) VALUES (?, ?, ?, ?)',
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after) as Array<{
        rowid: number;
        title: string;
        lead: string;
        body_text: string;
      }>;
      const last = rows.at(-1);
      if (last === undefined) break;
      for (const row of rows) {
        insert.run(
          row.rowid,
          foldForIndex(row.title),
          foldForIndex(row.lead),
          foldForIndex(row.body_text),
        );
      }
      after = last.rowid;
    }
  },
};
