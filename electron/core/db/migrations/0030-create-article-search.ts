import type { Migration } from './types';

import { foldForIndex } from '../../../../shared/vietnamese/searchFold';

/**
 * Full-text search over tone-folded text (`Bí thư` is indexed as `bi thu`, `Đức` as `duc`), so
 * a reporter typing without tones finds what they wrote with them. The index shares rowids with
 * `articles` and is written in the same transaction as each save.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'create-article-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE article_search USING fts5(folded, tokenize = 'unicode61 remove_diacritics 0');
    `);
    const rows = db.prepare('SELECT rowid, title, body_text FROM articles').all() as Array<{
      rowid: number;
      title: string;
      body_text: string;
    }>;
    const insert = db.prepare('INSERT INTO article_search (rowid, folded) VALUES (?, ?)');
    for (const row of rows) insert.run(row.rowid, foldForIndex(`${row.title}\n${row.body_text}`));
  },
};
