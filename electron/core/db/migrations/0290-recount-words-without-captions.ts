import type { DocNode } from '../../../../shared/domain/article';
import { bodyWordCount } from '../../../../shared/domain/article';
import type { Migration } from './types';

/**
 * One word count everywhere: stored counts included photo captions while the approval checklist
 * left them out. Articles and revisions are recounted with `bodyWordCount` (captions excluded),
 * the figure every screen now shows. Only `word_count` changes; bodies are read, never written.
 */
export const migration0290: Migration = {
  version: 290,
  name: 'recount-words-without-captions',
  up(db) {
    for (const table of ['articles', 'revisions'] as const) {
      const rows = db.prepare(`SELECT rowid AS rowid, body_json FROM ${table}`).all() as Array<{
        rowid: number;
        body_json: string;
      }>;
      const update = db.prepare(`UPDATE ${table} SET word_count = ? WHERE rowid = ?`);
      for (const row of rows) {
        let body: DocNode;
        try {
          body = JSON.parse(row.body_json) as DocNode;
        } catch {
          continue; // an unreadable body keeps its old count; it is reported where it is opened
        }
        update.run(bodyWordCount(body), row.rowid);
      }
    }
  },
};
