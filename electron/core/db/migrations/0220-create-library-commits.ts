import type { Migration } from './types';

/**
 * A change counter that only grows, bumped by triggers in the same transaction as every change
 * to the work a user would miss (articles, revisions, comments, photos, accounts). The core
 * copies it to a small fsynced file beside the library after each commit (`commitMark.ts`), so a
 * library that comes back with a lower counter (a deleted or lost WAL) is noticed at the next
 * start instead of silently missing saved work.
 */
export const migration0220: Migration = {
  version: 220,
  name: 'create-library-commits',
  up(db) {
    db.exec(`
      CREATE TABLE library_commits (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        counter INTEGER NOT NULL
      ) STRICT;
      INSERT INTO library_commits (id, counter) VALUES (1, 0);
    `);
    const watched: [string, string[]][] = [
      ['articles', ['INSERT', 'UPDATE', 'DELETE']],
      ['revisions', ['INSERT', 'DELETE']],
      ['comments', ['INSERT', 'UPDATE', 'DELETE']],
      ['photos', ['INSERT', 'UPDATE', 'DELETE']],
      ['users', ['INSERT', 'UPDATE', 'DELETE']],
    ];
    for (const [table, events] of watched) {
      for (const event of events) {
        db.exec(`
          CREATE TRIGGER library_commits_${table}_${event.toLowerCase()}
          AFTER ${event} ON ${table}
          BEGIN
            UPDATE library_commits SET counter = counter + 1 WHERE id = 1;
          END;
        `);
      }
    }
  },
};
