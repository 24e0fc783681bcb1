import type { Database } from 'better-sqlite3';

import { ORDER_BY, whereClause } from './photos';
import type { PhotoFilter, PhotoRow, PhotoSort } from './photos';
import { toFtsQuery } from './articleSearch';

/*
 * Text search in Kho ảnh (migration 0340, docs/photo-search.md): the words typed, folded like
 * article search, against captions, bylines, credits, events and file names. A search narrows
 * the grid like any other filter: same sort, same pages, same total for the scrollbar.
 */

/** One page of the photos matching `query` and the grid's filters, plus how many match. */
export function searchPhotos(
  db: Database,
  query: string,
  options: PhotoFilter & { sort: PhotoSort; limit: number; offset: number },
): { rows: PhotoRow[]; total: number } {
  const match = toFtsQuery(query);
  if (match === null) return { rows: [], total: 0 };
  const filters = whereClause(options);
  const matching = 'rowid IN (SELECT rowid FROM photo_search WHERE photo_search MATCH @match)';
  const where = filters.sql === '' ? `WHERE ${matching}` : `${filters.sql} AND ${matching}`;
  const params = { ...filters.params, match };
  const rows = db
    .prepare(
      `SELECT * FROM photos ${where} ORDER BY ${ORDER_BY[options.sort]} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: options.limit, offset: options.offset }) as PhotoRow[];
  const count = db.prepare(`SELECT count(*) AS n FROM photos ${where}`).get(params) as {
    n: number;
  };
  return { rows, total: count.n };
}
