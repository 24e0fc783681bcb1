import type { Migration } from './types';

/** The folded text of one indexed field, in SQL: `đ`/`Đ` → `d`; the tokenizer drops the tones. */
const fold = (column: string): string => `replace(replace(${column}, 'đ', 'd'), 'Đ', 'D')`;

const indexedFields = ['caption', 'byline', 'credit', 'event', 'original_name'] as const;

const insertRow = (prefix: 'new'): string =>
  `INSERT INTO photo_search (rowid, ${indexedFields.join(', ')})
   VALUES (${prefix}.rowid, ${indexedFields.map((field) => fold(`${prefix}.${field}`)).join(', ')});`;

/**
 * Text search in Kho ảnh (docs/photo-search.md): a contentless FTS5 index over captions, bylines,
 * credits, events and file names, sharing rowids with `photos`. Folded like article search: the
 * `unicode61 remove_diacritics 2` tokenizer drops tones and the triggers fold `đ` to `d` (the one
 * Vietnamese letter Unicode does not decompose), so `ha noi` finds `Hà Nội` and `duc` finds `Đức`.
 * Kept in step by triggers, so every writer of `photos` (import, captions, bundles, deletes) keeps
 * the index right without knowing it exists. Existing photos are indexed here.
 */
export const migration0340: Migration = {
  version: 340,
  name: 'create-photo-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE photo_search USING fts5(
        ${indexedFields.join(', ')},
        content = '', contentless_delete = 1,
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER photo_search_insert AFTER INSERT ON photos BEGIN
        ${insertRow('new')}
      END;
      CREATE TRIGGER photo_search_update
      AFTER UPDATE OF ${indexedFields.join(', ')} ON photos BEGIN
        DELETE FROM photo_search WHERE rowid = old.rowid;
        ${insertRow('new')}
      END;
      CREATE TRIGGER photo_search_delete AFTER DELETE ON photos BEGIN
        DELETE FROM photo_search WHERE rowid = old.rowid;
      END;
      INSERT INTO photo_search (rowid, ${indexedFields.join(', ')})
        SELECT rowid, ${indexedFields.map((field) => fold(field)).join(', ')} FROM photos;
    `);
  },
};
