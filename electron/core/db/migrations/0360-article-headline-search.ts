import type { Migration } from './types';

import { foldForIndex } from '../../../../shared/vietnamese/searchFold';

/**
 * Search ranks in stages (docs/search.md): the words in the title, then in the title and sapo,
 * then anywhere. The first two stages read a small index of the headline alone (title and sapo,
 * folded), so finding title matches never walks the long body doclists of 0280's index. Like
 * that index it is contentless and shares rowids with `articles`; every existing article is
 * indexed here, 500 rows at a time.
 */
export const migration0360: Migration = {
  version: 360,
  name: 'article-headline-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE article_search_headline USING fts5(
        title, sapo,
        content = '', contentless_delete = 1,
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
    const page = db.prepare(
      'SELECT rowid, title, lead FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500',
    );
    const insert = db.prepare(
      'INSERT INTO article_search_headline (rowid, title, sapo) VALUES (?, ?, ?)',
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after) as Array<{ rowid: number; title: string; lead: string }>;
      const last = rows.at(-1);
      if (last === undefined) break;
      for (const row of rows)
        insert.run(row.rowid, foldForIndex(row.title), foldForIndex(row.lead));
      after = last.rowid;
    }
  },
};
